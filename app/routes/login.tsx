import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, Form, Link, redirect, useSearchParams } from 'react-router'
import { clearRateLimit, findUserByEmail, hashToken, normalizeEmail, releaseAttempt, reserveAttempt } from '#db/queries/accounts.ts'
import { Field, FormErrors } from '../components/field.tsx'
import { LoginSchema } from '../utils/account-schemas.ts'
import { verifyPassword } from '../utils/password.server.ts'
import { tooManyAttempts } from '../utils/rate-limit.server.ts'
import { getOptionalUser, knownDeviceUser, safeRedirect, signIn } from '../utils/session.server.ts'
import { useZodForm } from '../utils/use-zod-form.ts'
import type { Route } from './+types/login'
import { passRetryAfter } from '../utils/retry-after.ts'

const WINDOW_MS = 15 * 60_000
/** Failed attempts on one account, from browsers that never signed in to it, before it locks for them. */
export const ACCOUNT_FAILURES = 10
/** Failed attempts from one address, whatever the accounts: higher, since a school or a forum shares one. */
export const ADDRESS_FAILURES = 100

export async function loader({ request, context }: Route.LoaderArgs) {
  if (await getOptionalUser(request, context.db)) throw redirect('/')
  return null
}

/** A 429 keeps its Retry-After on the page. */
export const headers = passRetryAfter

export async function action({ request, context }: Route.ActionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: LoginSchema })
  if (submission.status !== 'success') return data(submission.reply({ hideFields: ['password'] }), { status: 400 })
  const { email, password, redirectTo } = submission.value
  const now = new Date()
  // Only failures count, per account and per address: a network full of people signing in is never locked out.
  // A browser that signed in to this account before has its own count, so a lock set off from elsewhere spares it.
  const device = await knownDeviceUser(request, context.db)
  const user = await findUserByEmail(context.db, email)
  const accountKey = user && device?.userId === user.id ? `login-fail-device:${hashToken(device.token)}` : `login-fail:${normalizeEmail(email)}`
  const addressKey = `login-fail-ip:${context.clientIp}`
  // Counted before the password is checked (so parallel guesses see each other), given back on success.
  const attempt = await reserveAttempt(context.db, [{ key: accountKey, limit: ACCOUNT_FAILURES }, { key: addressKey, limit: ADDRESS_FAILURES }], now, WINDOW_MS)
  const blocked = tooManyAttempts(attempt.limits, 'Trop de tentatives de connexion.')
  if (blocked) {
    const hint = 'Depuis un appareil où vous vous êtes déjà connecté·e, ou avec « Mot de passe oublié ? », vous pouvez entrer dès maintenant.'
    return data(submission.reply({ formErrors: [blocked.message, hint], hideFields: ['password'] }), blocked.init)
  }

  if (!user || !(await verifyPassword(user.password_hash, password))) {
    if (!user) await verifyPassword(undefined, password)
    return data(
      submission.reply({ formErrors: ['Adresse e-mail ou mot de passe incorrect.'], hideFields: ['password'] }),
      { status: 400 },
    )
  }
  await releaseAttempt(context.db, attempt.rowids)
  await clearRateLimit(context.db, accountKey)
  return signIn(context.db, user.id, safeRedirect(redirectTo), request)
}

export const meta: Route.MetaFunction = () => [{ title: 'Se connecter – Passerelle' }]

export default function Login({ actionData }: Route.ComponentProps) {
  const [searchParams] = useSearchParams()
  const redirectTo = searchParams.get('redirectTo') ?? ''
  const [form, fields] = useZodForm(LoginSchema, { lastResult: actionData })
  return (
    <section className="auth-page" aria-labelledby="titre-connexion">
      <h1 id="titre-connexion">Se connecter</h1>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <Field label="Adresse e-mail" meta={fields.email} type="email" autoComplete="email" />
        <Field label="Mot de passe" meta={fields.password} type="password" autoComplete="current-password" />
        <button type="submit" className="button">Se connecter</button>
      </Form>
      <p>
        <Link to="/mot-de-passe-oublie">Mot de passe oublié ?</Link> · <Link to={redirectTo ? `/inscription?${new URLSearchParams({ redirectTo })}` : '/inscription'}>Créer un compte</Link>
      </p>
    </section>
  )
}
