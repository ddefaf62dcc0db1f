import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, Form, Link, redirect } from 'react-router'
import { hitRateLimit, normalizeEmail } from '#db/queries/accounts.ts'
import { countAlertsOf, createAccountAlert, createPendingAlert, MAX_ALERTS_PER_ADDRESS } from '#db/queries/alerts.ts'
import { Field, FormErrors, SelectField } from '../components/field.tsx'
import { alertLabel, canonicalAlertSearch, FREQUENCY_LABELS, NewAlertSchema } from '../utils/alert-schemas.ts'
import { withFlash } from '../utils/flash.ts'
import { composeMail } from '../utils/notification-mail.server.ts'
import { tooManyAttempts } from '../utils/rate-limit.server.ts'
import { passRetryAfter } from '../utils/retry-after.ts'
import { getOptionalUser } from '../utils/session.server.ts'
import { useZodForm } from '../utils/use-zod-form.ts'
import type { Route } from './+types/alert-new'

const HOUR_MS = 3_600_000
const SENT = 'Un e-mail vient de vous être envoyé : ouvrez le lien qu’il contient pour activer l’alerte. Rien ne vous sera envoyé d’ici là.'
const FREQUENCIES = Object.entries(FREQUENCY_LABELS).map(([value, label]) => ({ value, label }))

/** A 429 keeps its Retry-After on the page. */
export const headers = passRetryAfter

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await getOptionalUser(request, context.db)
  const search = canonicalAlertSearch(new URL(request.url).search)
  return { search, label: alertLabel(search), signedIn: user !== null }
}

export async function action({ request, context }: Route.ActionArgs) {
  const user = await getOptionalUser(request, context.db)
  const submission = parseWithZod(await request.formData(), { schema: NewAlertSchema })
  if (submission.status !== 'success') return data({ result: submission.reply(), sent: false }, { status: 400 })
  const { frequence: frequency } = submission.value
  const search = canonicalAlertSearch(submission.value.recherche)
  const label = alertLabel(search)
  const now = new Date()

  if (user) {
    if ((await countAlertsOf(context.db, user.email)) >= MAX_ALERTS_PER_ADDRESS) {
      return data({ result: submission.reply({ formErrors: [`Vous avez déjà ${MAX_ALERTS_PER_ADDRESS} alertes : supprimez-en une dans « Mes alertes ».`] }), sent: false }, { status: 400 })
    }
    await createAccountAlert(context.db, { userId: user.id, email: user.email, search, label, frequency }, now)
    throw redirect(withFlash('/compte/alertes', 'alerte-creee'))
  }

  if (!submission.value.email) {
    return data({ result: submission.reply({ fieldErrors: { email: ['Indiquez l’adresse où recevoir les offres.'] } }), sent: false }, { status: 400 })
  }
  const address = normalizeEmail(submission.value.email)
  // An address cannot be flooded with confirmation mails, nor the board used to send them.
  const blocked = tooManyAttempts(
    [
      await hitRateLimit(context.db, `alert-ip:${context.clientIp}`, now, { limit: 20, windowMs: HOUR_MS }),
      await hitRateLimit(context.db, `alert-email:${address}`, now, { limit: 5, windowMs: HOUR_MS }),
    ],
    'Trop d’alertes créées.',
  )
  if (blocked) return data({ result: submission.reply({ formErrors: [blocked.message] }), sent: false }, blocked.init)
  if ((await countAlertsOf(context.db, address)) >= MAX_ALERTS_PER_ADDRESS) {
    return data({ result: submission.reply({ formErrors: [`Cette adresse a déjà ${MAX_ALERTS_PER_ADDRESS} alertes.`] }), sent: false }, { status: 400 })
  }
  const { token } = await createPendingAlert(context.db, { email: address, search, label, frequency }, now)
  const confirmUrl = `${context.publicUrl}/alertes/confirmer?${new URLSearchParams({ jeton: token })}`
  await context.mailer
    .send(
      composeMail({
        to: address,
        subject: 'Confirmez votre alerte Passerelle',
        blocks: [
          { text: 'Bonjour,' },
          { text: `Quelqu’un (vous, sans doute) a demandé à recevoir par e-mail les nouvelles offres de la recherche ${label}, ${FREQUENCY_LABELS[frequency].toLowerCase()}.` },
          { link: confirmUrl, label: 'Confirmer mon alerte' },
          { text: 'Sans confirmation, vous ne recevrez rien et l’alerte sera oubliée.' },
        ],
        preferencesUrl: `${context.publicUrl}/alertes/desabonnement?${new URLSearchParams({ jeton: token })}`,
        preferencesLabel: 'Ce n’était pas vous ? Supprimer cette demande',
      }),
    )
    .catch((error: unknown) => console.error('Envoi de la confirmation d’alerte impossible', error))
  return data({ result: submission.reply({ resetForm: true }), sent: true })
}

export const meta: Route.MetaFunction = () => [{ title: 'Créer une alerte – Passerelle' }]

export default function NewAlert({ loaderData, actionData }: Route.ComponentProps) {
  const { search, label, signedIn } = loaderData
  const [form, fields] = useZodForm(NewAlertSchema, { lastResult: actionData?.result, defaultValue: { recherche: search, frequence: 'daily' } })
  return (
    <section className="auth-page" aria-labelledby="titre-alerte">
      <h1 id="titre-alerte">Créer une alerte</h1>
      <p>
        Recherche : <strong>{label}</strong> (<Link to={`/offres${search ? `?${search}` : ''}`}>voir les offres</Link>)
      </p>
      <p>Vous recevrez par e-mail les offres publiées à partir d’aujourd’hui qui correspondent à cette recherche ; aucun e-mail quand il n’y a rien de nouveau.</p>
      {actionData?.sent ? (
        <p role="status" className="form-success">{SENT}</p>
      ) : (
        <Form method="post" {...getFormProps(form)}>
          <FormErrors id={form.errorId} errors={form.errors} />
          <input type="hidden" name={fields.recherche.name} value={search} />
          <SelectField label="Fréquence" meta={fields.frequence} options={FREQUENCIES} />
          {signedIn ? null : (
            <Field label="Adresse e-mail" meta={fields.email} type="email" autoComplete="email"
              hint="Nous vous enverrons un lien pour confirmer : rien n’est envoyé avant." />
          )}
          <button type="submit" className="button">Créer l’alerte</button>
        </Form>
      )}
    </section>
  )
}
