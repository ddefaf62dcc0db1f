import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, Form, Link, redirect, useSearchParams } from 'react-router'
import { createUser, hitRateLimit } from '#db/queries/accounts.ts'
import { Field, FormErrors } from '../components/field.tsx'
import { SignupSchema } from '../utils/account-schemas.ts'
import { hashPassword } from '../utils/password.server.ts'
import { tooManyAttempts } from '../utils/rate-limit.server.ts'
import { getOptionalUser, safeRedirect, signIn } from '../utils/session.server.ts'
import { useZodForm } from '../utils/use-zod-form.ts'
import type { Route } from './+types/signup'
import { passRetryAfter } from '../utils/retry-after.ts'

/**
 * Accounts created from one address per hour: enough for a forum's whole room on one
 * Wi-Fi, far too few for a script filling the database.
 */
/** Accounts one address may create in 10 minutes: a forum's rush on one school network passes, a script does not. */
export const SIGNUPS_PER_WINDOW = 60
export const SIGNUP_WINDOW_MS = 10 * 60_000

export async function loader({ request, context }: Route.LoaderArgs) {
  if (await getOptionalUser(request, context.db)) throw redirect('/')
  return null
}

/** A 429 keeps its Retry-After on the page. */
export const headers = passRetryAfter

export async function action({ request, context }: Route.ActionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: SignupSchema })
  if (submission.status !== 'success') return data(submission.reply({ hideFields: ['password'] }), { status: 400 })
  const { displayName, email, password, role, redirectTo } = submission.value
  const limit = await hitRateLimit(context.db, `signup-ip:${context.clientIp}`, new Date(), { limit: SIGNUPS_PER_WINDOW, windowMs: SIGNUP_WINDOW_MS })
  const blocked = tooManyAttempts([limit], 'Trop de comptes créés depuis cette adresse.')
  if (blocked) return data(submission.reply({ formErrors: [blocked.message], hideFields: ['password'] }), blocked.init)
  const created = await createUser(
    context.db,
    { email, displayName, role, passwordHash: await hashPassword(password) },
    new Date(),
  )
  if (created === 'email-taken') {
    return data(
      submission.reply({
        fieldErrors: { email: ['Un compte existe déjà avec cette adresse : connectez-vous ou réinitialisez votre mot de passe.'] },
        hideFields: ['password'],
      }),
      { status: 400 },
    )
  }
  return signIn(context.db, created.id, safeRedirect(redirectTo), request)
}

export const meta: Route.MetaFunction = () => [{ title: 'Créer un compte – Passerelle' }]

export default function Signup({ actionData }: Route.ComponentProps) {
  const [searchParams] = useSearchParams()
  const redirectTo = searchParams.get('redirectTo') ?? ''
  // An invitation link preselects the recruiter role.
  const role = searchParams.get('role') === 'recruiter' ? 'recruiter' : undefined
  const [form, fields] = useZodForm(SignupSchema, { lastResult: actionData, defaultValue: { role } })
  return (
    <section className="auth-page" aria-labelledby="titre-inscription">
      <h1 id="titre-inscription">Créer un compte</h1>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <fieldset className="role-choice">
          <legend>Vous êtes</legend>
          {(
            [
              ['candidate', 'Candidat·e : je cherche un emploi, un stage ou une alternance'],
              ['recruiter', 'Recruteur·se : je recrute pour une entreprise'],
            ] as const
          ).map(([value, label]) => (
            <div key={value} className="facet__option">
              <input
                type="radio"
                id={`role-${value}`}
                name={fields.role.name}
                value={value}
                defaultChecked={fields.role.initialValue === value}
                aria-describedby={fields.role.errors ? fields.role.errorId : undefined}
              />
              <label htmlFor={`role-${value}`}>{label}</label>
            </div>
          ))}
          {fields.role.errors ? <p id={fields.role.errorId} className="field__errors">{fields.role.errors[0]}</p> : null}
        </fieldset>
        <Field label="Prénom et nom" meta={fields.displayName} type="text" autoComplete="name" />
        <Field label="Adresse e-mail" meta={fields.email} type="email" autoComplete="email" />
        <Field
          label="Mot de passe"
          meta={fields.password}
          type="password"
          autoComplete="new-password"
          hint="Au moins 10 caractères. Une phrase de passe est plus sûre et plus facile à retenir."
        />
        <p className="field__hint">
          En créant un compte, vous acceptez les <Link to="/conditions-utilisation">conditions d’utilisation</Link>. Vos données sont
          traitées comme le dit la <Link to="/confidentialite">politique de confidentialité</Link> : votre profil reste privé tant que
          vous ne choisissez pas de le montrer.
        </p>
        <button type="submit" className="button">Créer mon compte</button>
      </Form>
      <p>
        Déjà inscrit·e ? <Link to={redirectTo ? `/connexion?${new URLSearchParams({ redirectTo })}` : '/connexion'}>Se connecter</Link>
      </p>
    </section>
  )
}
