import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, Form, Link } from 'react-router'
import { changePassword, findPasswordHash, hitRateLimit } from '#db/queries/accounts.ts'
import { Field, FormErrors } from '../components/field.tsx'
import { ChangePasswordSchema } from '../utils/account-schemas.ts'
import { hashPassword, verifyPassword } from '../utils/password.server.ts'
import { tooManyAttempts } from '../utils/rate-limit.server.ts'
import { requireUser, signIn } from '../utils/session.server.ts'
import { useZodForm } from '../utils/use-zod-form.ts'
import type { Route } from './+types/account-password'
import { passRetryAfter } from '../utils/retry-after.ts'

const WINDOW_MS = 15 * 60_000
const HIDDEN = ['currentPassword', 'password', 'confirmation']

export async function loader({ request, context }: Route.LoaderArgs) {
  await requireUser(request, context.db)
  return null
}

/** Changing the password signs out every device, then opens a fresh session here. */
/** A 429 keeps its Retry-After on the page. */
export const headers = passRetryAfter

export async function action({ request, context }: Route.ActionArgs) {
  const user = await requireUser(request, context.db)
  const submission = parseWithZod(await request.formData(), { schema: ChangePasswordSchema })
  if (submission.status !== 'success') return data(submission.reply({ hideFields: HIDDEN }), { status: 400 })
  const now = new Date()
  const limit = await hitRateLimit(context.db, `change-password:${user.id}`, now, { limit: 10, windowMs: WINDOW_MS })
  const blocked = tooManyAttempts([limit], 'Trop de tentatives.')
  if (blocked) return data(submission.reply({ formErrors: [blocked.message], hideFields: HIDDEN }), blocked.init)
  const current = await findPasswordHash(context.db, user.id)
  if (!current || !(await verifyPassword(current, submission.value.currentPassword))) {
    return data(
      submission.reply({ fieldErrors: { currentPassword: ['Mot de passe actuel incorrect.'] }, hideFields: HIDDEN }),
      { status: 400 },
    )
  }
  await changePassword(context.db, user.id, await hashPassword(submission.value.password))
  return signIn(context.db, user.id, '/compte?motDePasse=modifie')
}

export const meta: Route.MetaFunction = () => [{ title: 'Changer mon mot de passe – Passerelle' }]

export default function AccountPassword({ actionData }: Route.ComponentProps) {
  const [form, fields] = useZodForm(ChangePasswordSchema, { lastResult: actionData })
  return (
    <section className="auth-page" aria-labelledby="titre-mdp">
      <p className="breadcrumb"><Link to="/compte">Mon compte</Link></p>
      <h1 id="titre-mdp">Changer mon mot de passe</h1>
      <p>Vos autres appareils seront déconnectés.</p>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <Field label="Mot de passe actuel" meta={fields.currentPassword} type="password" autoComplete="current-password" />
        <Field label="Nouveau mot de passe" meta={fields.password} type="password" autoComplete="new-password"
          hint="10 caractères au moins ; une phrase facile à retenir convient très bien." />
        <Field label="Confirmation du nouveau mot de passe" meta={fields.confirmation} type="password" autoComplete="new-password" />
        <button type="submit" className="button">Changer le mot de passe</button>
      </Form>
    </section>
  )
}
