import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, Form, Link, redirect } from 'react-router'
import { decidePendingOffer, findOfferForModeration } from '#db/queries/moderation.ts'
import { DEFAULT_VALIDITY_DAYS } from '#db/queries/recruiter-offers.ts'
import type { DB } from '#db/connection.ts'
import { TextAreaField } from '../components/field.tsx'
import { invariantResponse } from '../utils/invariant.ts'
import { CONTRACT_LABELS, OFFER_STATUS_LABELS } from '../utils/labels.ts'
import { renderMarkdown } from '../utils/markdown.server.ts'
import { notifyCompanyOfOffer } from '../utils/moderation-mail.server.ts'
import { RejectSchema } from '../utils/moderation-schemas.ts'
import { requireAdmin } from '../utils/session.server.ts'
import { useZodForm } from '../utils/use-zod-form.ts'
import { RouteId } from '../utils/application-schemas.ts'
import type { Route } from './+types/admin-offer'
import { withFlash } from '../utils/flash.ts'


async function loadOffer(db: DB, id: string) {
  const offerId = RouteId.safeParse(id)
  const offer = offerId.success ? await findOfferForModeration(db, offerId.data) : undefined
  invariantResponse(offer, 'Offre introuvable.')
  return offer
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  await requireAdmin(request, context.db)
  const offer = await loadOffer(context.db, params.id)
  return { offer, statusLabel: OFFER_STATUS_LABELS[offer.status], descriptionHtml: renderMarkdown(offer.description_md) }
}

export async function action({ request, params, context }: Route.ActionArgs) {
  await requireAdmin(request, context.db)
  const offer = await loadOffer(context.db, params.id)
  const formData = await request.formData()
  const link = `${context.publicUrl}/recruteur/offres/${offer.id}`
  if (formData.get('intent') === 'approve') {
    const done = await decidePendingOffer(context.db, offer.id, { approve: true }, new Date())
    if (!done) return data({ result: null, error: 'Cette offre n’attend plus de validation.' }, { status: 409 })
    await notifyCompanyOfOffer(context.db, context.mailer, offer.id, `Votre offre « ${offer.title} » est en ligne`,
      `L’offre « ${offer.title} » a été validée par la modération : elle est en ligne pour ${DEFAULT_VALIDITY_DAYS} jours.\n${link}`)
    return redirect(withFlash('/admin/offres', 'offre-approuvee'))
  }
  const submission = parseWithZod(formData, { schema: RejectSchema })
  if (submission.status !== 'success') return data({ result: submission.reply(), error: null }, { status: 400 })
  const done = await decidePendingOffer(context.db, offer.id, { approve: false, reason: submission.value.reason }, new Date())
  if (!done) return data({ result: null, error: 'Cette offre n’attend plus de validation.' }, { status: 409 })
  await notifyCompanyOfOffer(context.db, context.mailer, offer.id, `Votre offre « ${offer.title} » n’a pas été validée`,
    `L’offre « ${offer.title} » n’a pas été validée par la modération, pour la raison suivante :\n\n` +
      `${submission.value.reason}\n\nElle est revenue à l’état de brouillon : corrigez-la puis publiez-la à nouveau.\n${link}`)
  return redirect(withFlash('/admin/offres', 'offre-refusee'))
}

export const meta: Route.MetaFunction = ({ data }) => [{ title: `Modération : ${data?.offer.title ?? 'offre'} – Passerelle` }]

export default function AdminOffer({ loaderData, actionData }: Route.ComponentProps) {
  const { offer, statusLabel, descriptionHtml } = loaderData
  const [form, fields] = useZodForm(RejectSchema, { lastResult: actionData?.result })
  return (
    <section className="auth-page offer-editor" aria-labelledby="titre-moderation">
      <p className="breadcrumb"><Link to="/admin/offres">Offres en attente</Link></p>
      <h1 id="titre-moderation">{offer.title}</h1>
      <p>
        {offer.company_name} {offer.verified_at ? '' : '(entreprise non vérifiée)'} · {CONTRACT_LABELS[offer.contract_type]} ·{' '}
        {offer.commune_name} · État : <span className="status">{statusLabel}</span>
      </p>
      {actionData?.error ? <p role="alert" className="form-errors">{actionData.error}</p> : null}
      <section className="preview" aria-labelledby="titre-description">
        <h2 id="titre-description">Description</h2>
        <div dangerouslySetInnerHTML={{ __html: descriptionHtml }} />
      </section>
      {offer.status === 'pending' ? (
        <div className="moderation-decision">
          <Form method="post">
            <button className="button" name="intent" value="approve">Valider et publier</button>
          </Form>
          <Form method="post" {...getFormProps(form)}>
            <TextAreaField
              label="Raison du refus"
              meta={fields.reason}
              hint="Envoyée par e-mail à l’entreprise ; l’offre revient à l’état de brouillon."
            />
            <button className="button button--secondary" name="intent" value="reject">Refuser l’offre</button>
          </Form>
        </div>
      ) : (
        <p>Cette offre n’attend pas de validation.</p>
      )}
    </section>
  )
}
