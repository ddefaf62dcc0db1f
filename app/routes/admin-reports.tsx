import { data, Form, Link, redirect } from 'react-router'
import { z } from 'zod'
import { listOpenReports, resolveReport } from '#db/queries/moderation.ts'
import { formatDate, OFFER_STATUS_LABELS, REPORT_REASON_LABELS } from '../utils/labels.ts'
import { notifyCompanyOfOffer } from '../utils/moderation-mail.server.ts'
import { requireAdmin } from '../utils/session.server.ts'
import type { Route } from './+types/admin-reports'
import { withFlash } from '../utils/flash.ts'

export async function loader({ request, context }: Route.LoaderArgs) {
  await requireAdmin(request, context.db)
  const reports = await listOpenReports(context.db)
  return { reports: reports.map((r) => ({ ...r, offerStatusLabel: OFFER_STATUS_LABELS[r.offer_status] })) }
}

const ResolveSchema = z.object({
  intent: z.enum(['dismiss', 'close-offer']),
  reportId: z.coerce.number().int().positive(),
})

export async function action({ request, context }: Route.ActionArgs) {
  const admin = await requireAdmin(request, context.db)
  const parsed = ResolveSchema.safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success) return data({ error: 'Demande incomplète : choisissez un signalement et une décision.' }, { status: 400 })
  const { intent, reportId } = parsed.data
  const report = (await listOpenReports(context.db)).find((r) => r.id === reportId)
  if (!report) return data({ error: 'Ce signalement est introuvable ou déjà traité.' }, { status: 404 })
  const takedownNote = intent === 'close-offer'
    ? `Offre retirée par l’équipe de modération à la suite d’un signalement (${REPORT_REASON_LABELS[report.reason].toLowerCase()}). ` +
      'Corrigez-la si besoin : sa prochaine publication attendra la validation de la modération.'
    : null
  const done = await resolveReport(context.db, reportId, admin.id, { takedownNote }, new Date())
  if (!done) return data({ error: 'Ce signalement est introuvable ou déjà traité.' }, { status: 404 })
  if (takedownNote) {
    await notifyCompanyOfOffer(context.db, context.mailer, done.offerId, `Votre offre « ${report.offer_title} » a été retirée`,
      `${takedownNote}\n${context.publicUrl}/recruteur/offres/${done.offerId}`)
  }
  return redirect(withFlash('/admin/signalements', takedownNote ? 'offre-retiree' : 'signalement-classe'))
}

export const meta: Route.MetaFunction = () => [{ title: 'Signalements – Passerelle' }]

export default function AdminReports({ loaderData, actionData }: Route.ComponentProps) {
  const { reports } = loaderData
  return (
    <section className="company-page" aria-labelledby="titre-signalements">
      <p className="breadcrumb"><Link to="/admin">Modération</Link></p>
      <h1 id="titre-signalements">Signalements à traiter</h1>
      {actionData?.error ? <p role="alert" className="form-errors">{actionData.error}</p> : null}
      {reports.length === 0 ? (
        <p>Aucun signalement en attente.</p>
      ) : (
        <ul className="report-list">
          {reports.map((r) => (
            <li key={r.id}>
              <h2>
                <Link to={`/admin/offres/${r.offer_id}`}>{r.offer_title}</Link>
              </h2>
              <p>
                {r.company_name} · offre {r.offerStatusLabel.toLowerCase()} · signalée le{' '}
                {formatDate(r.created_at)} {r.reporter_email ? `par ${r.reporter_email}` : 'par un visiteur anonyme'}
              </p>
              <p><strong>{REPORT_REASON_LABELS[r.reason]}</strong></p>
              {r.message ? <blockquote>{r.message}</blockquote> : null}
              <Form method="post" className="offer-actions">
                <input type="hidden" name="reportId" value={r.id} />
                <button className="button button--secondary" name="intent" value="dismiss">Classer sans suite</button>
                <button className="button" name="intent" value="close-offer">Retirer l’offre et classer</button>
              </Form>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
