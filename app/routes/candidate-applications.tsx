import { Link } from 'react-router'
import { listOwnApplications } from '#db/queries/applications.ts'
import { CANDIDATE_STAGE_LABELS, formatDate } from '../utils/labels.ts'
import { requireCandidate } from '../utils/session.server.ts'
import type { Route } from './+types/candidate-applications'

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireCandidate(request, context.db)
  return { applications: await listOwnApplications(context.db, user.id, new Date()) }
}

export const meta: Route.MetaFunction = () => [{ title: 'Mes candidatures – Passerelle' }]

export default function CandidateApplications({ loaderData }: Route.ComponentProps) {
  const { applications } = loaderData
  return (
    <section className="auth-page applications-page" aria-labelledby="titre-candidatures">
      <h1 id="titre-candidatures">Mes candidatures</h1>
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
                <td data-label="État" className="status">{CANDIDATE_STAGE_LABELS[a.stage]}</td>
                <td data-label="Dernier changement">{formatDate(a.stage_changed_at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
