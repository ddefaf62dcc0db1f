import { Link } from 'react-router'
import { listOrganiserForums } from '#db/queries/forums.ts'
import { FORUM_STATUS_LABELS } from '../utils/forum-schema.ts'
import { requireOrganiser } from '../utils/session.server.ts'
import type { Route } from './+types/organiser'
import { formatDay } from '../utils/labels.ts'

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireOrganiser(request, context.db)
  return { forums: await listOrganiserForums(context.db, user), isAdmin: user.role === 'admin' }
}

export const meta: Route.MetaFunction = () => [{ title: 'Espace organisation – Passerelle' }]

export default function Organiser({ loaderData }: Route.ComponentProps) {
  const { forums, isAdmin } = loaderData
  return (
    <section className="company-page" aria-labelledby="titre-organisation">
      <h1 id="titre-organisation">Espace organisation</h1>
      <h2>{isAdmin ? 'Tous les forums' : 'Vos forums'}</h2>
      {forums.length === 0 ? (
        <p>Aucun forum pour l’instant.</p>
      ) : (
        <ul className="company-list">
          {forums.map((f) => (
            <li key={f.slug}>
              <Link to={`/organisation/forums/${f.slug}`}>{f.name}</Link>
              <span>{formatDay(f.date)} · {f.commune_name} · {FORUM_STATUS_LABELS[f.status]}</span>
            </li>
          ))}
        </ul>
      )}
      <p><Link className="button" to="/organisation/forums/nouveau">Créer un forum</Link></p>
    </section>
  )
}
