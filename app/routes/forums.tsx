import { Link } from 'react-router'
import { listPublicForums } from '#db/queries/forum-candidates.ts'
import type { Route } from './+types/forums'
import { formatDay } from '../utils/labels.ts'

export async function loader({ context }: Route.LoaderArgs) {
  return { forums: await listPublicForums(context.db) }
}

export const meta: Route.MetaFunction = () => [{ title: 'Forums de recrutement – Passerelle' }]

export default function Forums({ loaderData }: Route.ComponentProps) {
  return (
    <section className="company-page" aria-labelledby="titre-forums">
      <h1 id="titre-forums">Forums de recrutement</h1>
      {loaderData.forums.length === 0 ? <p>Aucun forum annoncé pour l’instant.</p> : (
        <ul className="company-list">
          {loaderData.forums.map((f) => (
            <li key={f.slug}>
              <Link to={`/forums/${f.slug}`}>{f.name}</Link>
              <span>{formatDay(f.date)} · {f.venue}, {f.commune_name}{f.status === 'closed' ? ' · inscriptions closes' : ''}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
