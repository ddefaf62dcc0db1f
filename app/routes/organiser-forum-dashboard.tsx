import { Link } from 'react-router'
import { findForumForOrganiser, forumDashboardCounts, listRecentExports } from '#db/queries/forum-exports.ts'
import { GOOD_MATCH_SCORE } from '#search/matching/weights.ts'
import { BarChart } from '../components/charts.tsx'
import { computePlanningMatches } from '../utils/forum-planning.server.ts'
import { slotCount } from '../utils/forum-slots.ts'
import { invariantResponse } from '../utils/invariant.ts'
import { formatDateTime, formatDay } from '../utils/labels.ts'
import { requireOrganiser } from '../utils/session.server.ts'
import type { Route } from './+types/organiser-forum-dashboard'
import { TableScroll } from '../components/table-scroll.tsx'

const EXPORT_LABELS: Record<string, string> = {
  planning: 'Planning', correspondances: 'Correspondances', classeur: 'Planning et correspondances', agendas: 'Agendas',
}
const FORMAT_LABELS: Record<string, string> = { csv: 'CSV', xlsx: 'Excel', print: 'impression', pdf: 'PDF' }

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = await requireOrganiser(request, context.db)
  const forum = await findForumForOrganiser(context.db, user, params.slug)
  invariantResponse(forum, 'Forum introuvable parmi ceux que vous organisez.')
  const [counts, exports, planning] = await Promise.all([
    forumDashboardCounts(context.db, user, forum.id),
    listRecentExports(context.db, user, forum.id),
    computePlanningMatches(context.db, user, forum.id, new Date()),
  ])
  // How many good matches each confirmed candidate has, whatever the schedule made of them.
  const goodMatches = planning.input.candidates.map(
    (c) => (planning.lists.byCandidate.get(c.id) ?? []).filter((m) => m.score >= GOOD_MATCH_SCORE).length,
  )
  // Every seat of the day: accepted companies × their tables × slots.
  const seats = counts.companies.accepted * forum.tables_per_company * slotCount(forum)
  return {
    forum: { slug: forum.slug, name: forum.name, date: forum.date },
    counts,
    coverage: [1, 2, 3].map((n) => ({ n, candidates: counts.interviewsPerCandidate.filter((k) => k >= n).length })),
    matchCoverage: [1, 3, 5].map((n) => ({ n, candidates: goodMatches.filter((k) => k >= n).length })),
    seats,
    fillRate: seats === 0 ? 0 : Math.round((counts.interviews / seats) * 1000) / 10,
    exports: exports.map((e) => ({
      id: e.id, at: e.created_at, who: e.user_name ?? 'Compte supprimé',
      what: `${EXPORT_LABELS[e.kind] ?? e.kind} (${FORMAT_LABELS[e.format] ?? e.format})`,
    })),
  }
}

export const meta: Route.MetaFunction = ({ data }) => [{ title: `Tableau de bord – ${data?.forum.name ?? 'Forum'} – Passerelle` }]

export default function Dashboard({ loaderData }: Route.ComponentProps) {
  const { forum, counts, coverage, matchCoverage, seats, fillRate, exports } = loaderData
  const base = `/organisation/forums/${forum.slug}`
  const confirmed = counts.candidates.confirmed
  return (
    <section className="company-page dashboard" aria-labelledby="titre-tableau">
      <h1 id="titre-tableau">Tableau de bord – {forum.name}</h1>
      <p>Forum du {formatDay(forum.date)}.</p>
      <ul className="offer-actions" aria-label="Exports">
        <li><a className="button button--secondary" href={`${base}/export/planning.csv`} download>Planning (CSV)</a></li>
        <li><a className="button button--secondary" href={`${base}/export/correspondances.csv`} download>Correspondances (CSV)</a></li>
        <li><a className="button button--secondary" href={`${base}/export/forum.xlsx`} download>Planning et correspondances (Excel)</a></li>
        <li><Link className="button button--secondary" to={`${base}/agendas`}>Agendas à imprimer</Link></li>
      </ul>

      <h2>Inscriptions</h2>
      <BarChart id="inscriptions" title="Inscriptions au forum"
        description={`Entreprises : ${counts.companies.accepted} acceptées, ${counts.companies.invited} invitées sans réponse. Candidats : ${confirmed} confirmés, ${counts.candidates.waiting} en attente de confirmation.`}
        data={[
          { label: 'Entreprises acceptées', value: counts.companies.accepted },
          { label: 'Entreprises invitées', value: counts.companies.invited },
          { label: 'Candidats confirmés', value: confirmed },
          { label: 'Candidats en attente', value: counts.candidates.waiting },
        ]} />

      <h2>Correspondances</h2>
      <BarChart id="correspondances" title={`Candidats confirmés ayant au moins N bonnes correspondances (score ≥ ${GOOD_MATCH_SCORE})`}
        description={`Sur ${confirmed} candidats confirmés : ${matchCoverage.map((c) => `${c.candidates} avec au moins ${c.n}`).join(', ')}.`}
        max={confirmed}
        data={matchCoverage.map((c) => ({ label: `Au moins ${c.n} bonne${c.n > 1 ? 's' : ''} correspondance${c.n > 1 ? 's' : ''}`, value: c.candidates }))} />

      <h2>Couverture des candidats</h2>
      <BarChart id="couverture" title="Candidats confirmés ayant au moins N entretiens"
        description={`Sur ${confirmed} candidats confirmés : ${coverage.map((c) => `${c.candidates} avec au moins ${c.n}`).join(', ')}.`}
        max={confirmed}
        data={coverage.map((c) => ({ label: `Au moins ${c.n} entretien${c.n > 1 ? 's' : ''}`, value: c.candidates }))} />

      <h2>Remplissage du planning</h2>
      <BarChart id="remplissage" title="Taux de remplissage du planning"
        description={`${counts.interviews} entretiens pour ${seats} places (entreprises acceptées × tables × créneaux) : ${fillRate} %.`}
        max={100} unit=" %" data={[{ label: 'Places occupées', value: fillRate }]} />
      <p>{counts.interviews} entretiens planifiés sur {seats} places.</p>

      <h2>Résultats</h2>
      <BarChart id="resultats" title="Résultats des entretiens" description={`${counts.outcomes.hired} embauches, ${counts.outcomes.notHired} sans embauche, ${counts.outcomes.unmarked} à renseigner par les recruteurs.`}
        data={[
          { label: 'Embauche', value: counts.outcomes.hired },
          { label: 'Pas d’embauche', value: counts.outcomes.notHired },
          { label: 'À renseigner', value: counts.outcomes.unmarked },
        ]} />

      <h2>Derniers exports</h2>
      {exports.length ? (
        <TableScroll label="Tableau des chiffres">
        <table className="data-table">
          <thead><tr><th scope="col">Quand</th><th scope="col">Qui</th><th scope="col">Quoi</th></tr></thead>
          <tbody>
            {exports.map((e) => (
              <tr key={e.id}><td>{formatDateTime(e.at)}</td><td>{e.who}</td><td>{e.what}</td></tr>
            ))}
          </tbody>
        </table>
        </TableScroll>
      ) : <p className="empty">Aucun export pour l’instant.</p>}
    </section>
  )
}
