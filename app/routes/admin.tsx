import { Link } from 'react-router'
import { moderationCounts } from '#db/queries/moderation.ts'
import { requireAdmin } from '../utils/session.server.ts'
import type { Route } from './+types/admin'

export async function loader({ request, context }: Route.LoaderArgs) {
  await requireAdmin(request, context.db)
  return { counts: await moderationCounts(context.db) }
}

export const meta: Route.MetaFunction = () => [{ title: 'Modération – Passerelle' }]

export default function Admin({ loaderData }: Route.ComponentProps) {
  const { counts } = loaderData
  return (
    <section className="company-page" aria-labelledby="titre-admin">
      <h1 id="titre-admin">Modération</h1>
      <ul className="company-list">
        <li>
          <Link to="/admin/entreprises">Entreprises à vérifier</Link> <span>{counts.companies}</span>
        </li>
        <li>
          <Link to="/admin/offres">Offres en attente de validation</Link> <span>{counts.offers}</span>
        </li>
        <li>
          <Link to="/admin/signalements">Signalements à traiter</Link> <span>{counts.reports}</span>
        </li>
        <li>
          <Link to="/admin/roles">Organisation et administration : nommer ou retirer</Link>
        </li>
      </ul>
    </section>
  )
}
