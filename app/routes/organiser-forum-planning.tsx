import { parseWithZod } from '@conform-to/zod/v4'
import { data, Form, Link, redirect, useNavigation } from 'react-router'
import { z } from 'zod'
import { findPlanningForum, listPlanningInterviews, removeInterview, setInterviewPinned } from '#db/queries/forum-planning.ts'
import { ScheduleInputError, type ScheduleStats } from '#search/matching/schedule.ts'
import { CandidateMatches, CompanyPlanning } from '../components/forum-planning-lists.tsx'
import { Pagination } from '../components/pagination.tsx'
import { planningMatchPages } from '../utils/forum-match-pages.server.ts'
import { planningMatchesForPage, runSchedule } from '../utils/forum-planning.server.ts'
import { withFlash } from '../utils/flash.ts'
import { invariantResponse } from '../utils/invariant.ts'
import { formatDateTime } from '../utils/labels.ts'
import { pageParam } from '../utils/pagination.ts'
import { requireOrganiser } from '../utils/session.server.ts'
import type { Route } from './+types/organiser-forum-planning'

const INTERVIEW = 'Choisissez un entretien du planning.'
// One schema for the page's buttons: the interview is required for all but "schedule".
export const PlanningActionSchema = z.object({
  intent: z.enum(['schedule', 'pin', 'unpin', 'remove'], { error: 'Action inconnue.' }),
  interviewId: z.number({ error: INTERVIEW }).int(INTERVIEW).positive(INTERVIEW).optional(),
}).refine((v) => v.intent === 'schedule' || v.interviewId !== undefined, { message: INTERVIEW, path: ['interviewId'] })

/** Which page of each match list: `?entreprises=2&candidats=3`, page 1 when absent. */
export const PlanningPagesSchema = z.object({ entreprises: pageParam, candidats: pageParam })
type Pages = z.infer<typeof PlanningPagesSchema>
const parsePages = (request: Request) => PlanningPagesSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams))

/** The page's address with its list pages (page 1 left out), so links and redirects keep the organiser where they were. */
function planningHref(slug: string, pages: Pages, hash = '') {
  const search = new URLSearchParams()
  if (pages.entreprises > 1) search.set('entreprises', String(pages.entreprises))
  if (pages.candidats > 1) search.set('candidats', String(pages.candidats))
  return `/organisation/forums/${slug}/planning${search.size ? `?${search}` : ''}${hash}`
}

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
  const pages = parsePages(request)
  invariantResponse(pages.success, pages.error?.issues[0]?.message ?? '', { status: 400 })
  const now = new Date()
  const [planning, interviews] = await Promise.all([
    planningMatchesForPage(context.db, user, forum.id, now),
    listPlanningInterviews(context.db, user, forum.id),
  ])
  const summary = forum.schedule_summary ? JSON.parse(forum.schedule_summary) as Summary : null
  return {
    forum: { slug: forum.slug, name: forum.name },
    ...planningMatchPages(forum, planning, interviews, { companies: pages.data.entreprises, candidates: pages.data.candidats }, now),
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
  // Back to the page the button was on (the form posts to the page's own address, query string included).
  const pages = parsePages(request)
  const flash = intent === 'schedule' ? 'planning-calcule' : intent === 'remove' ? 'entretien-retire' : intent === 'pin' ? 'entretien-epingle' : 'entretien-libere'
  return redirect(withFlash(planningHref(forum.slug, pages.success ? pages.data : { entreprises: 1, candidats: 1 }), flash))
}

export const meta: Route.MetaFunction = ({ data }) => [{ title: `Planning – ${data?.forum.name ?? 'Forum'} – Passerelle` }]

export default function Planning({ loaderData, actionData }: Route.ComponentProps) {
  const { forum, companies, candidates, summary } = loaderData
  const navigation = useNavigation()
  const computing = navigation.state === 'submitting' && navigation.formData?.get('intent') === 'schedule'
  const errors = actionData?.result.error
  const messages = errors ? Object.values(errors).flat().filter((m): m is string => typeof m === 'string') : []
  return (
    <section className="company-page" aria-labelledby="titre-planning">
      <p className="breadcrumb"><Link to={`/organisation/forums/${forum.slug}`}>{forum.name}</Link></p>
      <h1 id="titre-planning">Planning – {forum.name}</h1>

      <Form method="post" aria-busy={computing}>
        <input type="hidden" name="intent" value="schedule" />
        {/* With JavaScript the button says the computation is running (a few seconds for a large forum);
            without it, the browser shows its own loading indicator. */}
        <button type="submit" className="button" disabled={computing}>{computing ? 'Calcul en cours…' : 'Calculer le planning'}</button>
        <p role="status" className="busy">{computing ? 'Calcul du planning en cours : cela peut prendre quelques secondes.' : ''}</p>
      </Form>
      {messages.length ? <ul className="form-errors" role="alert">{messages.map((m) => <li key={m}>{m}</li>)}</ul> : null}

      <h2>Dernier calcul</h2>
      {summary ? (
        <div aria-label="Résumé du planning">
          <p>Calculé le {formatDateTime(summary.computedAt)} : {summary.interviews} entretiens, {summary.wishesMet} souhaits
            respectés sur {summary.wishesTotal}.</p>
          <p>{scheduleQuality(summary.objective, summary.upperBound)}</p>
        </div>
      ) : <p>Le planning n’a pas encore été calculé.</p>}

      <section aria-labelledby="par-entreprise">
        <h2 id="par-entreprise">Par entreprise : entretiens et meilleurs profils</h2>
        <ListRange what="Entreprises" none="Aucune entreprise participante pour l’instant." list={companies} />
        <Pagination label="Pages des entreprises" page={companies.page} pageCount={companies.pageCount}
          href={(p) => planningHref(forum.slug, { entreprises: p, candidats: candidates.page }, '#par-entreprise')} />
        {companies.items.map((c) => <CompanyPlanning key={c.id} company={c} />)}
      </section>

      <section aria-labelledby="par-candidat">
        <h2 id="par-candidat">Correspondances par candidat·e</h2>
        <ListRange what="Candidat·es" none="Aucun·e candidat·e confirmé·e pour l’instant." list={candidates} />
        <Pagination label="Pages des candidat·es" page={candidates.page} pageCount={candidates.pageCount}
          href={(p) => planningHref(forum.slug, { entreprises: companies.page, candidats: p }, '#par-candidat')} />
        {candidates.items.map((c) => <CandidateMatches key={c.id} candidate={c} />)}
      </section>
    </section>
  )
}

const points = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 })
const percent = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 })
/** The schedule's quality in plain French: its points against the most any schedule could reach (decision 003). */
export function scheduleQuality(objective: number, upperBound: number): string {
  if (upperBound <= 0) return 'Aucun entretien possible : ajoutez des candidat·es ou des offres.'
  if (objective >= upperBound) return `Planning optimal : ${points.format(objective)} points, le maximum possible.`
  const share = Math.floor((objective / upperBound) * 1000) / 10
  return `Planning à ${percent.format(share)} % du maximum possible : ${points.format(objective)} points sur ${points.format(upperBound)} au plus.`
}

function ListRange({ what, none, list }: { what: string; none: string; list: { first: number; items: unknown[]; total: number } }) {
  if (list.total === 0) return <p>{none}</p>
  return <p>{what} {list.first} à {list.first + list.items.length - 1} sur {list.total}, par ordre alphabétique.</p>
}
