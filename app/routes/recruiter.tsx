import { Link } from 'react-router'
import { listCompaniesOfMember } from '#db/queries/companies.ts'
import { requireRecruiter } from '../utils/session.server.ts'
import type { Route } from './+types/recruiter'

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireRecruiter(request, context.db)
  return { displayName: user.display_name, companies: await listCompaniesOfMember(context.db, user.id) }
}

export const meta: Route.MetaFunction = () => [{ title: 'Espace recruteur – Passerelle' }]

export default function Recruiter({ loaderData }: Route.ComponentProps) {
  const { displayName, companies } = loaderData
  return (
    <section className="company-page" aria-labelledby="titre-recruteur">
      <h1 id="titre-recruteur">Espace recruteur</h1>
      <p>Bonjour {displayName}.</p>
      <h2>Vos entreprises</h2>
      {companies.length === 0 ? (
        <p>Vous n’êtes encore membre d’aucune entreprise.</p>
      ) : (
        <ul className="company-list">
          {companies.map((c) => (
            <li key={c.slug}>
              <Link to={`/recruteur/entreprises/${c.slug}/offres`}>{c.name}</Link>
              <span>
                {c.commune_name} · {c.role === 'owner' ? 'propriétaire' : 'membre'} ·{' '}
                <Link to={`/entreprises/${c.slug}`}>page publique</Link> ·{' '}
                <Link to={`/recruteur/entreprises/${c.slug}`}>fiche</Link> ·{' '}
                <Link to={`/recruteur/entreprises/${c.slug}/equipe`}>équipe</Link>
              </span>
            </li>
          ))}
        </ul>
      )}
      <p className="offer-actions">
        <Link className="button" to="/recruteur/entreprises/nouvelle">Créer une entreprise</Link>{' '}
        <Link className="button button--secondary" to="/recruteur/forums">Forums de recrutement</Link>
      </p>
    </section>
  )
}
