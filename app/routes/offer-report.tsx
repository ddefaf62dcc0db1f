import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, Form, Link } from 'react-router'
import { hitRateLimit } from '#db/queries/accounts.ts'
import { createOfferReport } from '#db/queries/moderation.ts'
import { findVisibleOfferBySlug } from '#db/queries/offers.ts'
import { FormErrors, SelectField, TextAreaField } from '../components/field.tsx'
import { invariantResponse } from '../utils/invariant.ts'
import { REPORT_REASON_LABELS } from '../utils/labels.ts'
import { ReportSchema } from '../utils/moderation-schemas.ts'
import { tooManyAttempts } from '../utils/rate-limit.server.ts'
import { getOptionalUser } from '../utils/session.server.ts'
import { useZodForm } from '../utils/use-zod-form.ts'
import type { Route } from './+types/offer-report'
import { passRetryAfter } from '../utils/retry-after.ts'

const HOUR_MS = 3_600_000

async function loadOffer(slug: string, db: Route.LoaderArgs['context']['db']) {
  const offer = await findVisibleOfferBySlug(db, slug, new Date())
  invariantResponse(offer, 'Cette offre n’existe pas ou n’est plus en ligne.')
  return offer
}

export async function loader({ params, context }: Route.LoaderArgs) {
  const offer = await loadOffer(params.slug, context.db)
  return { offer: { slug: offer.slug, title: offer.title, companyName: offer.company_name } }
}

/** Anyone may report, signed in or not; a rate limit per address keeps it from becoming a weapon. */
/** A 429 keeps its Retry-After on the page. */
export const headers = passRetryAfter

export async function action({ request, params, context }: Route.ActionArgs) {
  const offer = await loadOffer(params.slug, context.db)
  const submission = parseWithZod(await request.formData(), { schema: ReportSchema })
  if (submission.status !== 'success') return data({ result: submission.reply(), sent: false }, { status: 400 })
  const now = new Date()
  const blocked = tooManyAttempts(
    [await hitRateLimit(context.db, `report-ip:${context.clientIp}`, now, { limit: 10, windowMs: HOUR_MS })],
    'Trop de signalements envoyés depuis cette connexion.',
  )
  if (blocked) return data({ result: submission.reply({ formErrors: [blocked.message] }), sent: false }, blocked.init)
  const user = await getOptionalUser(request, context.db)
  await createOfferReport(context.db, { offerId: offer.id, reporterId: user?.id ?? null, ...submission.value }, now)
  return data({ result: submission.reply({ resetForm: true }), sent: true })
}

export const meta: Route.MetaFunction = () => [{ title: 'Signaler une offre – Passerelle' }, { name: 'robots', content: 'noindex' }]

export default function OfferReport({ loaderData, actionData }: Route.ComponentProps) {
  const { offer } = loaderData
  const [form, fields] = useZodForm(ReportSchema, { lastResult: actionData?.result })
  return (
    <section className="auth-page" aria-labelledby="titre-signaler">
      <p className="breadcrumb"><Link to={`/offres/${offer.slug}`}>{offer.title}</Link></p>
      <h1 id="titre-signaler">Signaler cette offre</h1>
      {actionData?.sent ? (
        <p role="status" className="form-success">
          Merci : votre signalement a été transmis à l’équipe de modération, qui l’examinera rapidement.
        </p>
      ) : (
        <Form method="post" {...getFormProps(form)}>
          <p>
            Offre « {offer.title} » publiée par {offer.companyName}. Dites-nous ce qui pose problème : l’équipe de
            modération examine chaque signalement.
          </p>
          <FormErrors id={form.errorId} errors={form.errors} />
          <SelectField
            label="Raison"
            meta={fields.reason}
            empty="Choisissez une raison"
            options={Object.entries(REPORT_REASON_LABELS).map(([value, label]) => ({ value, label }))}
          />
          <TextAreaField label="Précisions (facultatif, sauf pour « Autre raison »)" meta={fields.message} />
          <button type="submit" className="button">Envoyer le signalement</button>
        </Form>
      )}
    </section>
  )
}
