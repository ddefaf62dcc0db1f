import { parseWithZod } from '@conform-to/zod/v4'
import { data, Form, Link, redirect } from 'react-router'
import { findPreferences, savePreferences } from '#db/queries/notification-preferences.ts'
import { APPLICATION_MAIL_LABELS, PreferencesSchema } from '../utils/alert-schemas.ts'
import { withFlash } from '../utils/flash.ts'
import { requireUser } from '../utils/session.server.ts'
import type { Route } from './+types/account-notifications'

/** Every notification mail links here: what each account receives, and how often. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireUser(request, context.db)
  return { preferences: await findPreferences(context.db, user.id), role: user.role }
}

export async function action({ request, context }: Route.ActionArgs) {
  const user = await requireUser(request, context.db)
  const submission = parseWithZod(await request.formData(), { schema: PreferencesSchema })
  if (submission.status !== 'success') {
    return data({ error: Object.values(submission.error ?? {}).flat()[0] ?? 'Préférences invalides.' }, { status: 400 })
  }
  // Each role sees only its own choices; the others keep what they were.
  const current = await findPreferences(context.db, user.id)
  const recruiter = user.role === 'recruiter' || user.role === 'admin'
  const candidate = user.role === 'candidate'
  await savePreferences(
    context.db,
    user.id,
    {
      newApplications: recruiter ? submission.value.newApplications : current.newApplications,
      applicationUpdates: candidate ? submission.value.applicationUpdates : current.applicationUpdates,
      forumReminders: candidate ? submission.value.forumReminders : current.forumReminders,
    },
    new Date(),
  )
  throw redirect(withFlash('/compte/notifications', 'notifications'))
}

export const meta: Route.MetaFunction = () => [{ title: 'Mes notifications – Passerelle' }]

export default function AccountNotifications({ loaderData, actionData }: Route.ComponentProps) {
  const { preferences, role } = loaderData
  const recruiter = role === 'recruiter' || role === 'admin'
  const candidate = role === 'candidate'
  return (
    <section className="auth-page" aria-labelledby="titre-notifications">
      <h1 id="titre-notifications">Mes notifications par e-mail</h1>
      {actionData?.error ? <p role="alert" className="form-errors">{actionData.error}</p> : null}
      <Form method="post">
        {recruiter ? (
          <fieldset>
            <legend>Nouvelles candidatures aux offres de mes entreprises</legend>
            {Object.entries(APPLICATION_MAIL_LABELS).map(([value, label]) => (
              <div key={value} className="facet__option">
                <input type="radio" id={`candidatures-${value}`} name="newApplications" value={value} defaultChecked={preferences.newApplications === value} />
                <label htmlFor={`candidatures-${value}`}>{label}</label>
              </div>
            ))}
          </fieldset>
        ) : null}
        {candidate ? (
          <fieldset>
            <legend>Mes candidatures et mes forums</legend>
            <div className="facet__option">
              <input type="checkbox" id="suivi" name="applicationUpdates" defaultChecked={preferences.applicationUpdates} />
              <label htmlFor="suivi">Un e-mail quand je postule et à chaque étape de mes candidatures</label>
            </div>
            <div className="facet__option">
              <input type="checkbox" id="rappels" name="forumReminders" defaultChecked={preferences.forumReminders} />
              <label htmlFor="rappels">Un rappel deux jours avant un forum, avec mon programme d’entretiens</label>
            </div>
          </fieldset>
        ) : null}
        {recruiter || candidate ? (
          <button type="submit" className="button">Enregistrer</button>
        ) : (
          <p>Votre compte ne reçoit que les e-mails nécessaires à son rôle.</p>
        )}
      </Form>
      <p>Les alertes de recherche se gèrent à part : <Link to="/compte/alertes">Mes alertes</Link>.</p>
      <p>Les e-mails de sécurité (mot de passe, suppression du compte) sont toujours envoyés.</p>
    </section>
  )
}
