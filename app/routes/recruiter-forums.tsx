import { Link } from 'react-router'
import { listMemberForumInvitations } from '#db/queries/forum-companies.ts'
import { requireRecruiter } from '../utils/session.server.ts'
import type { Route } from './+types/recruiter-forums'
import { formatDay } from '../utils/labels.ts'

const ANSWER_LABELS = { invited: 'Invitation à laquelle répondre', accepted: 'Participation confirmée', declined: 'Invitation déclinée' } as const

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireRecruiter(request, context.db)
  return { invitations: await listMemberForumInvitations(context.db, user.id) }
}

export const meta: Route.MetaFunction = () => [{ title: 'Forums – Espace recruteur – Passerelle' }]

export default function RecruiterForums({ loaderData }: Route.ComponentProps) {
  const { invitations } = loaderData
  return (
    <section className="company-page" aria-labelledby="titre-forums">
      <p className="breadcrumb"><Link to="/recruteur">Espace recruteur</Link></p>
      <h1 id="titre-forums">Forums de recrutement</h1>
      {invitations.length === 0 ? (
        <p>Aucune de vos entreprises n’est invitée à un forum pour l’instant.</p>
      ) : (
        <ul className="company-list">
          {invitations.map((i) => (
            <li key={`${i.slug}-${i.company_name}`}>
              <Link to={`/recruteur/forums/${i.slug}`}>{i.name}</Link>
              <span>{formatDay(i.date)} · {i.commune_name} · {i.company_name} : {ANSWER_LABELS[i.status]}{i.forum_status === 'closed' ? ' (forum clos)' : ''}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
