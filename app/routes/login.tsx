import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, Form, Link, redirect, useSearchParams } from 'react-router'
import { findUserByEmail, hitRateLimit, normalizeEmail } from '#db/queries/accounts.ts'
import { Field, FormErrors } from '../components/field.tsx'
import { LoginSchema } from '../utils/account-schemas.ts'
import { verifyPassword } from '../utils/password.server.ts'
import { tooManyAttempts } from '../utils/rate-limit.server.ts'
import { getOptionalUser, safeRedirect, signIn } from '../utils/session.server.ts'
import { useZodForm } from '../utils/use-zod-form.ts'
import type { Route } from './+types/login'

const WINDOW_MS = 15 * 60_000

export async function loader({ request, context }: Route.LoaderArgs) {
  if (await getOptionalUser(request, context.db)) throw redirect('/')
  return null
}

export async function action({ request, context }: Route.ActionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: LoginSchema })
  if (submission.status !== 'success') return data(submission.reply({ hideFields: ['password'] }), { status: 400 })
  const { email, password, redirectTo } = submission.value
  const now = new Date()
  // Per account and per address, whether or not the account exists.
  const limits = [
    await hitRateLimit(context.db, `login:${normalizeEmail(email)}`, now, { limit: 10, windowMs: WINDOW_MS }),
    await hitRateLimit(context.db, `login-ip:${context.clientIp}`, now, { limit: 50, windowMs: WINDOW_MS }),
  ]
  const blocked = tooManyAttempts(limits, 'Trop de tentatives de connexion.')
  if (blocked) return data(submission.reply({ formErrors: [blocked.message], hideFields: ['password'] }), blocked.init)

  const user = await findUserByEmail(context.db, email)
  if (!user || !(await verifyPassword(user.password_hash, password))) {
    if (!user) await verifyPassword(undefined, password)
    return data(
      submission.reply({ formErrors: ['Adresse e-mail ou mot de passe incorrect.'], hideFields: ['password'] }),
      { status: 400 },
    )
  }
  return signIn(context.db, user.id, safeRedirect(redirectTo))
}

export const meta: Route.MetaFunction = () => [{ title: 'Se connecter – Passerelle' }]

export default function Login({ actionData }: Route.ComponentProps) {
  const [searchParams] = useSearchParams()
  const [form, fields] = useZodForm(LoginSchema, { lastResult: actionData })
  return (
    <section className="auth-page" aria-labelledby="titre-connexion">
      <h1 id="titre-connexion">Se connecter</h1>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? ''} />
        <Field label="Adresse e-mail" meta={fields.email} type="email" autoComplete="email" />
        <Field label="Mot de passe" meta={fields.password} type="password" autoComplete="current-password" />
        <button type="submit" className="button">Se connecter</button>
      </Form>
      <p>
        <Link to="/mot-de-passe-oublie">Mot de passe oublié ?</Link> · <Link to="/inscription">Créer un compte</Link>
      </p>
    </section>
  )
}
