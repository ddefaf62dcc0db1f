import { Link } from 'react-router'
import { findForumForOrganiser, listForumCompanies, listScheduleForExport, logExport } from '#db/queries/forum-exports.ts'
import { applicantName } from '../utils/applicant.ts'
import { slotCount, slotRange } from '../utils/forum-slots.ts'
import { invariantResponse } from '../utils/invariant.ts'
import { formatDay } from '../utils/labels.ts'
import { requireOrganiser } from '../utils/session.server.ts'
import type { Route } from './+types/organiser-forum-agendas'

/**
 * Printable agendas: one page per company (its tables × slots) and one per
 * candidate (their interviews). The print styles (app/styles.css, "Agendas")
 * start each on a new sheet and hide the site's navigation.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = await requireOrganiser(request, context.db)
  const forum = await findForumForOrganiser(context.db, user, params.slug)
  invariantResponse(forum, 'Forum introuvable parmi ceux que vous organisez.')
  const [companies, interviews] = await Promise.all([
    listForumCompanies(context.db, user, forum.id),
    listScheduleForExport(context.db, user, forum.id),
  ])
  // The page carries candidates' names: it counts as an export.
  await logExport(context.db, user, forum.id, 'agendas', 'print', new Date())

  const slots = Array.from({ length: slotCount(forum) }, (_, n) => ({ n, label: slotRange(forum, n) }))
  const seen = new Map(companies.map((c) => [c.id, c.name]))
  // A company with interviews but no longer "accepted" still gets its page: the interviews exist.
  for (const i of interviews) if (!seen.has(i.company_id)) seen.set(i.company_id, i.company_name)
  const byCompany = [...seen].map(([id, name]) => {
    const mine = interviews.filter((i) => i.company_id === id)
    const tables = Math.max(forum.tables_per_company, ...mine.map((i) => i.table_no))
    const cell = new Map(mine.map((i) => [`${i.table_no}:${i.slot_no}`, applicantName(i)]))
    return {
      id, name,
      tables: Array.from({ length: tables }, (_, t) => t + 1),
      rows: slots.map((s) => ({ ...s, names: Array.from({ length: tables }, (_, t) => cell.get(`${t + 1}:${s.n}`) ?? '') })),
    }
  })
  const candidates = new Map<number, { name: string; interviews: { time: string; company: string; table: number }[] }>()
  for (const i of [...interviews].sort((a, b) => a.slot_no - b.slot_no)) {
    const entry = candidates.get(i.candidate_id) ?? { name: applicantName(i), interviews: [] }
    entry.interviews.push({ time: slotRange(forum, i.slot_no), company: i.company_name, table: i.table_no })
    candidates.set(i.candidate_id, entry)
  }
  return {
    forum: { slug: forum.slug, name: forum.name, date: forum.date, venue: forum.venue },
    companies: byCompany,
    candidates: [...candidates].map(([id, c]) => ({ id, ...c })).sort((a, b) => a.name.localeCompare(b.name, 'fr')),
  }
}

export const meta: Route.MetaFunction = ({ data }) => [{ title: `Agendas – ${data?.forum.name ?? 'Forum'} – Passerelle` }]

export default function Agendas({ loaderData }: Route.ComponentProps) {
  const { forum, companies, candidates } = loaderData
  const day = `${formatDay(forum.date)}${forum.venue ? ` · ${forum.venue}` : ''}`
  return (
    <div className="agendas">
      <div className="agendas__toolbar no-print">
        <p className="breadcrumb"><Link to={`/organisation/forums/${forum.slug}/tableau-de-bord`}>Tableau de bord du forum</Link></p>
        <h1>Agendas – {forum.name}</h1>
        <p>
          {companies.length} entreprise{companies.length > 1 ? 's' : ''}, {candidates.length} candidat·e{candidates.length > 1 ? 's' : ''}.
          Chaque agenda s’imprime sur sa propre page.
        </p>
        <button type="button" className="button" onClick={() => window.print()}>Imprimer</button>
        <p className="field__hint">Sans ce bouton : commande « Imprimer » de votre navigateur (Ctrl+P ou ⌘+P).</p>
      </div>
      {companies.length === 0 && candidates.length === 0 ? <p className="empty">Aucun entretien planifié pour l’instant.</p> : null}
      {companies.map((c) => (
        <section key={`e${c.id}`} className="agenda-page" aria-labelledby={`agenda-entreprise-${c.id}`}>
          <p className="agenda-page__forum">{forum.name} · {day}</p>
          <h2 id={`agenda-entreprise-${c.id}`}>{c.name}</h2>
          <table className="agenda-table">
            <thead>
              <tr><th scope="col">Créneau</th>{c.tables.map((t) => <th key={t} scope="col">Table {t}</th>)}</tr>
            </thead>
            <tbody>
              {c.rows.map((r) => (
                <tr key={r.n}>
                  <th scope="row">{r.label}</th>
                  {r.names.map((name, t) => <td key={t}>{name || '—'}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
      {candidates.map((c) => (
        <section key={`c${c.id}`} className="agenda-page" aria-labelledby={`agenda-candidat-${c.id}`}>
          <p className="agenda-page__forum">{forum.name} · {day}</p>
          <h2 id={`agenda-candidat-${c.id}`}>{c.name}</h2>
          <table className="agenda-table">
            <thead><tr><th scope="col">Heure</th><th scope="col">Entreprise</th><th scope="col">Table</th></tr></thead>
            <tbody>
              {c.interviews.map((i) => (
                <tr key={i.time}><th scope="row">{i.time}</th><td>{i.company}</td><td>{i.table}</td></tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  )
}
