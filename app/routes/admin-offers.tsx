import { Link } from 'react-router'
import { listPendingOffers } from '#db/queries/moderation.ts'
import { formatDate } from '../utils/labels.ts'
import { requireAdmin } from '../utils/session.server.ts'
import type { Route } from './+types/admin-offers'

export async function loader({ request, context }: Route.LoaderArgs) {
  await requireAdmin(request, context.db)
  return { offers: await listPendingOffers(context.db) }
}

export const meta: Route.MetaFunction = () => [{ title: 'Offres en attente – Passerelle' }]

export default function AdminOffers({ loaderData }: Route.ComponentProps) {
  const { offers } = loaderData
  return (
    <section className="company-page" aria-labelledby="titre-attente">
      <p className="breadcrumb"><Link to="/admin">Modération</Link></p>
      <h1 id="titre-attente">Offres en attente de validation</h1>
      {offers.length === 0 ? (
        <p>Aucune offre n’attend de validation.</p>
      ) : (
        <ul className="company-list">
          {offers.map((o) => (
            <li key={o.id}>
              <Link to={`/admin/offres/${o.id}`}>{o.title}</Link>
              <span>
                {o.company_name} {o.verified_at ? '' : '(entreprise non vérifiée)'} · soumise le {formatDate(o.updated_at)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
