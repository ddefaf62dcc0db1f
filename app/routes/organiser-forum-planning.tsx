import { parseWithZod } from '@conform-to/zod/v4'
import { data, Form, Link, redirect } from 'react-router'
import { z } from 'zod'
import { findPlanningForum, listPlanningInterviews, removeInterview, setInterviewPinned } from '#db/queries/forum-planning.ts'
import { ScheduleInputError, type ScheduleStats } from '#search/matching/schedule.ts'
import { scoreMatch } from '#search/matching/score.ts'
import { MatchExplanation } from '../components/match-reasons.tsx'
import { computePlanningMatches, runSchedule } from '../utils/forum-planning.server.ts'
import { slotStart } from '../utils/forum-slots.ts'
import { invariantResponse } from '../utils/invariant.ts'
import { formatDateTime } from '../utils/labels.ts'
import { requireOrganiser } from '../utils/session.server.ts'
import type { Route } from './+types/organiser-forum-planning'

const TOP_CANDIDATES = 10
const TOP_COMPANIES = 5

const INTERVIEW = 'Choisissez un entretien du planning.'
// One schema for the page's buttons: the interview is required for all but "schedule".
export const PlanningActionSchema = z.object({
  intent: z.enum(['schedule', 'pin', 'unpin', 'remove'], { error: 'Action inconnue.' }),
  interviewId: z.number({ error: INTERVIEW }).int(INTERVIEW).positive(INTERVIEW).optional(),
}).refine((v) => v.intent === 'schedule' || v.interviewId !== undefined, { message: INTERVIEW, path: ['interviewId'] })

async function loadOwnForum(request: Request, slug: string, db: Route.LoaderArgs['context']['db']) {
  const user = await requireOrganiser(request, db)
  // Not found, whether it does not exist or another organiser runs it.
  const forum = await findPlanningForum(db, user, slug)
  invariantResponse(forum, 'Forum introuvable dans votre espace.')
  return { user, forum }
}

type Summary = ScheduleStats & { computedAt: string }

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { user, forum } = await loadOwnForum(request, params.slug, context.db)
  const now = new Date()
  const [{ input, facts, lists }, interviews] = await Promise.all([
    computePlanningMatches(context.db, user, forum.id, now),
    listPlanningInterviews(context.db, user, forum.id),
  ])
  const companyName = new Map(input.companies.map((c) => [c.id, c.name]))
  const candidateName = new Map(input.candidates.map((c) => [c.id, `${c.first_name} ${c.last_name}`]))
  const offerTitle = new Map(input.offers.map((o) => [o.id, o.title]))
  const summary = forum.schedule_summary ? JSON.parse(forum.schedule_summary) as Summary : null
  return {
    forum: { slug: forum.slug, name: forum.name },
    companies: input.companies.map((c) => ({
      id: c.id,
      name: c.name,
      // Reasons only for the ones shown: scoreMatch is the same arithmetic as the ranking.
      matches: (lists.byCompany.get(c.id) ?? []).slice(0, TOP_CANDIDATES).map((m) => ({
        candidateId: m.candidateId,
        name: candidateName.get(m.candidateId) ?? '',
        offer: offerTitle.get(m.offerId) ?? '',
        ...scoreMatch(facts.profiles.get(m.candidateId)!, facts.offers.get(m.offerId)!, { now }),
      })),
      interviews: interviews.filter((i) => i.company_id === c.id).map((i) => ({
        id: i.id, time: slotStart(forum, i.slot_no), table: i.table_no, candidate: `${i.first_name} ${i.last_name}`,
        score: i.score, pinned: i.pinned === 1,
      })),
    })),
    candidates: input.candidates.map((c) => ({
      id: c.id,
      name: `${c.first_name} ${c.last_name}`,
      matches: (lists.byCandidate.get(c.id) ?? []).slice(0, TOP_COMPANIES)
        .map((m) => ({ company: companyName.get(m.companyId) ?? '', offer: offerTitle.get(m.offerId) ?? '', score: m.score })),
    })),
    summary: summary && {
      interviews: summary.interviews, wishesMet: summary.wishesMet, wishesTotal: summary.wishesTotal,
      // quality = objective / upper bound: the schedule is at most (1 − quality) below the best possible one.
      gap: Math.max(0, Math.round((1 - summary.quality) * 1000) / 10),
      objective: summary.objective, upperBound: summary.upperBound, computedAt: summary.computedAt,
    },
  }
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { user, forum } = await loadOwnForum(request, params.slug, context.db)
  const submission = parseWithZod(await request.formData(), { schema: PlanningActionSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const { intent, interviewId } = submission.value
  const now = new Date()
  if (intent === 'schedule') {
    try {
      const stats = await runSchedule(context.db, user, forum, now)
      invariantResponse(stats, 'Forum introuvable dans votre espace.')
    } catch (error) {
      if (!(error instanceof ScheduleInputError)) throw error
      return data({ result: submission.reply({ formErrors: [error.message] }) }, { status: 400 })
    }
  } else {
    const done = intent === 'remove'
      ? await removeInterview(context.db, user, forum.id, interviewId!, now)
      : await setInterviewPinned(context.db, user, forum.id, interviewId!, intent === 'pin')
    invariantResponse(done, 'Entretien introuvable dans ce forum.')
  }
  return redirect(`/organisation/forums/${forum.slug}/planning`)
}

export const meta: Route.MetaFunction = ({ data }) => [{ title: `Planning – ${data?.forum.name ?? 'Forum'} – Passerelle` }]

export default function Planning({ loaderData, actionData }: Route.ComponentProps) {
  const { forum, companies, candidates, summary } = loaderData
  const errors = actionData?.result.error
  const messages = errors ? Object.values(errors).flat().filter((m): m is string => typeof m === 'string') : []
  return (
    <section className="company-page" aria-labelledby="titre-planning">
      <p className="breadcrumb"><Link to={`/organisation/forums/${forum.slug}`}>{forum.name}</Link></p>
      <h1 id="titre-planning">Planning – {forum.name}</h1>

      <Form method="post">
        <input type="hidden" name="intent" value="schedule" />
        <button type="submit" className="button">Calculer le planning</button>
      </Form>
      {messages.length ? <ul className="form-errors" role="alert">{messages.map((m) => <li key={m}>{m}</li>)}</ul> : null}

      <h2>Dernier calcul</h2>
      {summary ? (
        <div aria-label="Résumé du planning">
          <p>Calculé le {formatDateTime(summary.computedAt)} : {summary.interviews} entretiens, {summary.wishesMet} souhaits
            respectés sur {summary.wishesTotal}.</p>
          <p>Objectif {summary.objective} pour une borne supérieure de {summary.upperBound} : à {summary.gap} % de l’optimum au plus.</p>
        </div>
      ) : <p>Le planning n’a pas encore été calculé.</p>}

      <h2>Planning par entreprise</h2>
      {companies.map((c) => (
        <div key={c.id}>
          <h3>{c.name}</h3>
          {c.interviews.length === 0 ? <p>Aucun entretien.</p> : (
            <table className="table">
              <caption>Entretiens de {c.name}</caption>
              <thead><tr><th scope="col">Heure</th><th scope="col">Table</th><th scope="col">Candidat·e</th><th scope="col">Score</th><th scope="col">Épinglé</th><th scope="col">Actions</th></tr></thead>
              <tbody>
                {c.interviews.map((i) => (
                  <tr key={i.id}>
                    <td>{i.time}</td><td>{i.table}</td><td>{i.candidate}</td><td>{i.score}</td>
                    <td>{i.pinned ? '📌 épinglé' : ''}</td>
                    <td>
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="interviewId" value={i.id} />
                        <button type="submit" name="intent" value={i.pinned ? 'unpin' : 'pin'} className="button button--secondary">
                          {i.pinned ? 'Désépingler' : 'Épingler'}<span className="visually-hidden"> l’entretien avec {i.candidate}</span>
                        </button>
                        <button type="submit" name="intent" value="remove" className="button button--secondary">
                          Retirer<span className="visually-hidden"> l’entretien avec {i.candidate}</span>
                        </button>
                      </Form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      ))}

      <h2>Correspondances par entreprise</h2>
      {companies.map((c) => (
        <details key={c.id} open>
          <summary>{c.name} : {c.matches.length} meilleur{c.matches.length > 1 ? 's' : ''} profil{c.matches.length > 1 ? 's' : ''}</summary>
          {c.matches.length === 0 ? <p>Aucun profil correspondant aux offres apportées.</p> : (
            <ol>
              {c.matches.map((m) => (
                <li key={m.candidateId}>
                  <strong>{m.name}</strong> pour « {m.offer} »
                  <MatchExplanation score={m.score} reasons={m.reasons} />
                </li>
              ))}
            </ol>
          )}
        </details>
      ))}

      <h2>Correspondances par candidat·e</h2>
      <ul>
        {candidates.map((c) => (
          <li key={c.id}>
            <strong>{c.name}</strong> :{' '}
            {c.matches.length === 0 ? 'aucune entreprise correspondante' : c.matches.map((m) => `${m.company} (${m.score} / 100, ${m.offer})`).join(' ; ')}
          </li>
        ))}
      </ul>
    </section>
  )
}
