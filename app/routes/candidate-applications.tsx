import { parseWithZod } from '@conform-to/zod/v4'
import { data, Form, Link, redirect } from 'react-router'
import { listOwnApplications, withdrawOwnApplication } from '#db/queries/applications.ts'
import { FormErrors } from '../components/field.tsx'
import { withFlash } from '../utils/flash.ts'
import { CANDIDATE_STAGE_LABELS, formatDate } from '../utils/labels.ts'
import { WithdrawSchema } from '../utils/saved-offer-schemas.ts'
import { requireCandidate } from '../utils/session.server.ts'
import type { Route } from './+types/candidate-applications'

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireCandidate(request, context.db)
  return { applications: await listOwnApplications(context.db, user.id, new Date()) }
}

/** Withdraws one of the candidate's own applications: the company sees "retirée" and no longer the profile. */
export async function action({ request, context }: Route.ActionArgs) {
  const user = await requireCandidate(request, context.db)
  const submission = parseWithZod(await request.formData(), { schema: WithdrawSchema })
  if (submission.status !== 'success') return data({ error: 'Action inconnue : rechargez la page et réessayez.' }, { status: 400 })
  const done = await withdrawOwnApplication(context.db, user.id, submission.value.applicationId, new Date())
  if (!done) return data({ error: 'Cette candidature n’est pas la vôtre ou a déjà été retirée.' }, { status: 404 })
  return redirect(withFlash('/candidat/candidatures', 'candidature-retiree'))
}

export const meta: Route.MetaFunction = () => [{ title: 'Mes candidatures – Passerelle' }]

export default function CandidateApplications({ loaderData, actionData }: Route.ComponentProps) {
  const { applications } = loaderData
  return (
    <section className="auth-page applications-page" aria-labelledby="titre-candidatures">
      <h1 id="titre-candidatures">Mes candidatures</h1>
      <FormErrors id="erreur-candidatures" errors={actionData?.error ? [actionData.error] : undefined} />
      {applications.length === 0 ? (
        <p>
          Vous n’avez pas encore postulé. <Link to="/offres">Parcourir les offres</Link>
        </p>
      ) : (
        <table className="applications stack-table">
          <thead>
            <tr>
              <th scope="col">Offre</th>
              <th scope="col">Entreprise</th>
              <th scope="col">Envoyée le</th>
              <th scope="col">État</th>
              <th scope="col">Dernier changement</th>
              <th scope="col">Retirer</th>
            </tr>
          </thead>
          <tbody>
            {applications.map((a) => (
              <tr key={a.id}>
                <td data-label="Offre">
                  {/* A closed or expired offer has no public page any more: its title stays, unlinked. */}
                  {a.offer_public ? <Link to={`/offres/${a.offer_slug}`}>{a.offer_title}</Link> : a.offer_title}
                </td>
                <td data-label="Entreprise">{a.company_name}</td>
                <td data-label="Envoyée le">{formatDate(a.created_at)}</td>
                <td data-label="État" className="status">
                  {a.withdrawn_at ? `Retirée le ${formatDate(a.withdrawn_at)}` : CANDIDATE_STAGE_LABELS[a.stage]}
                </td>
                <td data-label="Dernier changement">{formatDate(a.withdrawn_at ?? a.stage_changed_at)}</td>
                <td data-label="Retirer">
                  {a.withdrawn_at ? '—' : (
                    // A disclosure asks for the second click: no JavaScript confirm().
                    <details className="withdraw">
                      <summary>Retirer<span className="visually-hidden"> ma candidature à {a.offer_title}</span></summary>
                      <Form method="post">
                        <input type="hidden" name="applicationId" value={a.id} />
                        <p>{a.company_name} ne verra plus votre profil ni votre CV. Vous ne pourrez pas postuler de nouveau à cette offre.</p>
                        <button type="submit" name="intent" value="withdraw" className="button">Retirer ma candidature</button>
                      </Form>
                    </details>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
