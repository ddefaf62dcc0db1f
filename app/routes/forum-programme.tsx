import { Link } from 'react-router'
import { findCandidateProgramme } from '#db/queries/forum-programme.ts'
import { slotRange } from '../utils/forum-slots.ts'
import { invariantResponse } from '../utils/invariant.ts'
import { formatDay, formatTime } from '../utils/labels.ts'
import { requireCandidate } from '../utils/session.server.ts'
import type { Route } from './+types/forum-programme'

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = await requireCandidate(request, context.db)
  const programme = await findCandidateProgramme(context.db, user.id, params.slug)
  invariantResponse(programme, 'Ce forum n’existe pas ou n’est pas encore annoncé.')
  const { forum, registered, interviews } = programme
  return {
    forum: { slug: forum.slug, name: forum.name, date: forum.date, venue: forum.venue, commune: forum.commune_name, opensAt: forum.opens_at,
      closesAt: forum.closes_at },
    registered,
    interviews: interviews.map((i) => ({ ...i, time: slotRange(forum, i.slot_no) })),
  }
}

export const meta: Route.MetaFunction = ({ data }) => [{ title: `Mon programme – ${data?.forum.name ?? 'Forum'} – Passerelle` }]

/** The candidate's interviews at a forum; printable (app/styles.css hides the site around it). */
export default function ForumProgramme({ loaderData }: Route.ComponentProps) {
  const { forum, registered, interviews } = loaderData
  return (
    <section className="auth-page programme-page" aria-labelledby="titre-programme">
      <p className="breadcrumb no-print"><Link to={`/forums/${forum.slug}`}>{forum.name}</Link></p>
      <h1 id="titre-programme">Mon programme : {forum.name}</h1>
      <p>
        Le {formatDay(forum.date)}, de {formatTime(forum.opensAt)} à {formatTime(forum.closesAt)} · {forum.venue ? `${forum.venue}, ` : ''}{forum.commune}
      </p>
      {!registered ? (
        <p>Vous n’êtes pas inscrit·e à ce forum. <Link to={`/forums/${forum.slug}`}>Voir le forum et s’inscrire</Link></p>
      ) : interviews.length === 0 ? (
        <p>Le planning des entretiens n’est pas encore prêt : revenez ici quelques jours avant le forum.</p>
      ) : (
        <>
          <table className="programme-table stack-table">
            <caption className="visually-hidden">Vos entretiens, dans l’ordre de la journée</caption>
            <thead>
              <tr><th scope="col">Heure</th><th scope="col">Table</th><th scope="col">Entreprise</th><th scope="col">Offre</th></tr>
            </thead>
            <tbody>
              {interviews.map((i) => (
                <tr key={`${i.slot_no}-${i.table_no}`}>
                  <td data-label="Heure">{i.time}</td>
                  <td data-label="Table">{i.table_no}</td>
                  <td data-label="Entreprise">{i.company_name}</td>
                  <td data-label="Offre">{i.offer_title ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="offer-actions no-print">
            <a href={`/forums/${forum.slug}/programme.ics`} download className="button">Ajouter à mon agenda (.ics)</a>
          </p>
          <p className="field__hint no-print">Pour l’imprimer, utilisez l’impression de votre navigateur : seul le programme est imprimé.</p>
        </>
      )}
    </section>
  )
}
