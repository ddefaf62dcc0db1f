import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, Form, Link } from 'react-router'
import { createPasswordReset, findUserByEmail, hitRateLimit, normalizeEmail } from '#db/queries/accounts.ts'
import { Field, FormErrors } from '../components/field.tsx'
import { ForgotSchema } from '../utils/account-schemas.ts'
import { tooManyAttempts } from '../utils/rate-limit.server.ts'
import { useZodForm } from '../utils/use-zod-form.ts'
import type { Route } from './+types/forgot-password'
import { passRetryAfter } from '../utils/retry-after.ts'

const HOUR_MS = 3_600_000
const SENT = 'Si un compte existe pour cette adresse, un e-mail vient de lui être envoyé avec un lien valable une heure.'

/** A 429 keeps its Retry-After on the page. */
export const headers = passRetryAfter

export async function action({ request, context }: Route.ActionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: ForgotSchema })
  if (submission.status !== 'success') return data({ result: submission.reply(), sent: false }, { status: 400 })
  const { email } = submission.value
  const now = new Date()
  const limits = [
    await hitRateLimit(context.db, `reset:${normalizeEmail(email)}`, now, { limit: 3, windowMs: HOUR_MS }),
    await hitRateLimit(context.db, `reset-ip:${context.clientIp}`, now, { limit: 20, windowMs: HOUR_MS }),
  ]
  const blocked = tooManyAttempts(limits, 'Trop de demandes de réinitialisation.')
  if (blocked) return data({ result: submission.reply({ formErrors: [blocked.message] }), sent: false }, blocked.init)

  // The same answer whether the account exists or not.
  const user = await findUserByEmail(context.db, email)
  if (user) {
    const token = await createPasswordReset(context.db, user.id, now)
    const link = `${context.publicUrl}/reinitialiser-mot-de-passe?${new URLSearchParams({ jeton: token })}`
    await context.mailer
      .send({
        to: user.email,
        subject: 'Réinitialiser votre mot de passe Passerelle',
        text:
          `Bonjour ${user.display_name},\n\nPour choisir un nouveau mot de passe, ouvrez ce lien (valable une heure) :\n${link}\n\n` +
          `Si vous n’avez rien demandé, ignorez ce message : votre mot de passe ne change pas.\n\nL’équipe Passerelle`,
      })
      .catch((error: unknown) => console.error('Envoi du courriel de réinitialisation impossible', error))
  }
  return data({ result: submission.reply({ resetForm: true }), sent: true })
}

export const meta: Route.MetaFunction = () => [{ title: 'Mot de passe oublié – Passerelle' }]

export default function ForgotPassword({ actionData }: Route.ComponentProps) {
  const [form, fields] = useZodForm(ForgotSchema, { lastResult: actionData?.result })
  return (
    <section className="auth-page" aria-labelledby="titre-oubli">
      <h1 id="titre-oubli">Mot de passe oublié</h1>
      {actionData?.sent ? (
        <p role="status" className="form-success">{SENT}</p>
      ) : null}
      <Form method="post" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <Field label="Adresse e-mail" meta={fields.email} type="email" autoComplete="email" />
        <button type="submit" className="button">Recevoir un lien</button>
      </Form>
      <p>
        <Link to="/connexion">Retour à la connexion</Link>
      </p>
    </section>
  )
}
