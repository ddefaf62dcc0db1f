import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, Form, Link, redirect } from 'react-router'
import { hitRateLimit } from '#db/queries/accounts.ts'
import { deleteCandidateAccount, findCandidatePasswordHash } from '#db/queries/personal-data.ts'
import { Field, FormErrors } from '../components/field.tsx'
import { requireSelfServiceCandidate } from '../utils/account-roles.server.ts'
import { DeleteAccountSchema } from '../utils/account-schemas.ts'
import { verifyPassword } from '../utils/password.server.ts'
import { tooManyAttempts } from '../utils/rate-limit.server.ts'
import { clearedSessionCookie, requireUser } from '../utils/session.server.ts'
import { useZodForm } from '../utils/use-zod-form.ts'
import type { Route } from './+types/account-delete'
import { passRetryAfter } from '../utils/retry-after.ts'

const WINDOW_MS = 15 * 60_000

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireUser(request, context.db)
  requireSelfServiceCandidate(user)
  return null
}

/** A 429 keeps its Retry-After on the page. */
export const headers = passRetryAfter

export async function action({ request, context }: Route.ActionArgs) {
  const user = await requireUser(request, context.db)
  requireSelfServiceCandidate(user)
  const submission = parseWithZod(await request.formData(), { schema: DeleteAccountSchema })
  if (submission.status !== 'success') return data(submission.reply({ hideFields: ['password'] }), { status: 400 })
  const now = new Date()
  // An open session must not become a way to guess the password.
  const limit = await hitRateLimit(context.db, `delete-account:${user.id}`, now, { limit: 10, windowMs: WINDOW_MS })
  const blocked = tooManyAttempts([limit], 'Trop de tentatives.')
  if (blocked) return data(submission.reply({ formErrors: [blocked.message], hideFields: ['password'] }), blocked.init)

  const account = await findCandidatePasswordHash(context.db, user.id)
  if (!account || !(await verifyPassword(account.password_hash, submission.value.password))) {
    return data(
      submission.reply({ fieldErrors: { password: ['Mot de passe incorrect : votre compte n’a pas été supprimé.'] }, hideFields: ['password'] }),
      { status: 400 },
    )
  }
  await deleteCandidateAccount(context.db, context.files, user.id, now)
  return redirect('/compte-supprime', { headers: { 'Set-Cookie': await clearedSessionCookie() } })
}

export const meta: Route.MetaFunction = () => [{ title: 'Supprimer mon compte – Passerelle' }]

export default function AccountDelete({ actionData }: Route.ComponentProps) {
  const [form, fields] = useZodForm(DeleteAccountSchema, { lastResult: actionData })
  return (
    <section className="auth-page" aria-labelledby="titre-suppression">
      <h1 id="titre-suppression">Supprimer mon compte</h1>
      <p>La suppression est définitive. Elle efface :</p>
      <ul>
        <li>votre compte, votre profil, vos compétences, vos langues et votre CV ;</li>
        <li>votre nom et vos messages dans vos candidatures : les entreprises voient seulement qu’une personne a postulé ;</li>
        <li>les notes des recruteurs sur vos candidatures.</li>
      </ul>
      <p>
        Pensez à <a href="/compte/donnees.json" download>télécharger vos données</a> avant.
      </p>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <Field label="Mot de passe actuel" meta={fields.password} type="password" autoComplete="current-password" />
        <button type="submit" className="button">Supprimer définitivement mon compte</button>
      </Form>
      <p>
        <Link to="/compte">Annuler</Link>
      </p>
    </section>
  )
}
