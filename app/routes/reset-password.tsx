import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, Form, Link } from 'react-router'
import { findPasswordReset, releaseAttempt, reserveAttempt, resetPassword } from '#db/queries/accounts.ts'
import { Field, FormErrors } from '../components/field.tsx'
import { ResetSchema } from '../utils/account-schemas.ts'
import { hashPassword } from '../utils/password.server.ts'
import { tooManyAttempts } from '../utils/rate-limit.server.ts'
import { passRetryAfter } from '../utils/retry-after.ts'
import { safeRedirect, signIn } from '../utils/session.server.ts'
import { useZodForm } from '../utils/use-zod-form.ts'
import type { Route } from './+types/reset-password'

const EXPIRED = 'Ce lien n’est plus valable : il a déjà servi ou date de plus d’une heure. Demandez-en un nouveau.'

export async function loader({ request, context }: Route.LoaderArgs) {
  const params = new URL(request.url).searchParams
  const token = params.get('jeton') ?? ''
  const valid = token.length > 0 && token.length <= 200 && (await findPasswordReset(context.db, token, new Date())) !== undefined
  // Where to go once the password is chosen (a forum's confirmation page for an imported candidate).
  const suite = safeRedirect(params.get('suite'), '/')
  return data({ token, valid, suite }, { status: valid ? 200 : 400 })
}

/** Wrong or spent links tried from one address per 15 minutes (anyone may post here, and hashing costs). */
const BAD_LINKS_PER_ADDRESS = 30

/** A 429 keeps its Retry-After on the page. */
export const headers = passRetryAfter

export async function action({ request, context }: Route.ActionArgs) {
  const formData = await request.formData()
  const submission = parseWithZod(formData, { schema: ResetSchema })
  if (submission.status !== 'success') {
    return data(submission.reply({ hideFields: ['password', 'confirmation'] }), { status: 400 })
  }
  const { token, password } = submission.value
  const now = new Date()
  const addressKey = `reset-fail-ip:${context.clientIp}`
  // Counted before the link is checked (parallel tries see each other), given back when the link was good.
  const attempt = await reserveAttempt(context.db, [{ key: addressKey, limit: BAD_LINKS_PER_ADDRESS }], now, 15 * 60_000)
  const blocked = tooManyAttempts(attempt.limits, 'Trop de liens invalides essayés depuis cette adresse.')
  if (blocked) return data(submission.reply({ formErrors: [blocked.message], hideFields: ['password', 'confirmation'] }), blocked.init)
  // The link is checked before the (costly) hash; a bad one counts against the address.
  const done = (await findPasswordReset(context.db, token, now)) ? await resetPassword(context.db, token, await hashPassword(password), now) : null
  if (!done) {
    return data(submission.reply({ formErrors: [EXPIRED], hideFields: ['password', 'confirmation'] }), { status: 400 })
  }
  await releaseAttempt(context.db, attempt.rowids)
  // Every other session was revoked with the old password; this one starts fresh.
  return signIn(context.db, done.userId, safeRedirect(formData.get('suite'), '/'), request)
}

export const meta: Route.MetaFunction = () => [{ title: 'Nouveau mot de passe – Passerelle' }]

export default function ResetPassword({ loaderData, actionData }: Route.ComponentProps) {
  const [form, fields] = useZodForm(ResetSchema, { lastResult: actionData })
  if (!loaderData.valid) {
    return (
      <section className="auth-page" aria-labelledby="titre-reinit">
        <h1 id="titre-reinit">Lien expiré</h1>
        <p>{EXPIRED}</p>
        <p><Link to="/mot-de-passe-oublie">Recevoir un nouveau lien</Link></p>
      </section>
    )
  }
  return (
    <section className="auth-page" aria-labelledby="titre-reinit">
      <h1 id="titre-reinit">Choisir un nouveau mot de passe</h1>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="token" value={loaderData.token} />
        <input type="hidden" name="suite" value={loaderData.suite} />
        <Field label="Nouveau mot de passe" meta={fields.password} type="password" autoComplete="new-password" hint="Au moins 10 caractères." />
        <Field label="Confirmation" meta={fields.confirmation} type="password" autoComplete="new-password" />
        <button type="submit" className="button">Enregistrer et me connecter</button>
      </Form>
    </section>
  )
}
