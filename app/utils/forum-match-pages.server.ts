import type { listPlanningInterviews } from '#db/queries/forum-planning.ts'
import { scoreMatch } from '#search/matching/score.ts'
import type { computePlanningMatches } from './forum-planning.server.ts'
import { slotStart } from './forum-slots.ts'
import { pageOf } from './pagination.ts'

/**
 * What the planning page shows of the forum's match lists, a page at a time:
 * per company its best candidates, per candidate their best companies, each
 * with the score and the reasons. A forum of the benchmark's size has 200
 * companies and 2,000 candidates: the lists are computed whole (the schedule
 * needs them all) but only one page of each is explained and sent.
 */

export const COMPANIES_PER_PAGE = 5
export const CANDIDATES_PER_PAGE = 20
// Each match shown is explained line by line (~2 kB of HTML): five each way, as on a candidate's side, keep a
// page of the largest forum near 115 kB (it was 10 profiles per company: 157 kB, most of the page's rendering).
// The scheduler still reads every match.
const TOP_CANDIDATES = 5
const TOP_COMPANIES = 5

type Planning = Awaited<ReturnType<typeof computePlanningMatches>>
type Interview = Awaited<ReturnType<typeof listPlanningInterviews>>[number]
type ForumDay = Parameters<typeof slotStart>[0]

export function planningMatchPages(
  forum: ForumDay, planning: Planning, interviews: Interview[],
  pages: { companies: number; candidates: number }, now: Date,
) {
  const { companies, candidates } = explainedPages(planning, pages, now)
  return {
    companies: {
      ...companies,
      items: companies.items.map((c) => ({
        ...c,
        interviews: interviews.filter((i) => i.company_id === c.id).map((i) => ({
          id: i.id, time: slotStart(forum, i.slot_no), table: i.table_no, candidate: `${i.first_name} ${i.last_name}`,
          score: i.score, pinned: i.pinned === 1,
        })),
      })),
    },
    candidates,
  }
}

/**
 * The explained matches of one page of each list, kept with the match lists they come from: the planning
 * page reuses those while nothing is written (forum-planning.server.ts), so a page turned to again, or
 * reloaded after a pin, is not explained again (up to 125 scorings with their reasons). The interviews are
 * read at every load and joined above.
 */
const explained = new WeakMap<Planning, Map<string, ReturnType<typeof explainPages>>>()
const KEEP_PAGES = 32

function explainedPages(planning: Planning, pages: { companies: number; candidates: number }, now: Date) {
  let kept = explained.get(planning)
  if (!kept) explained.set(planning, (kept = new Map()))
  const key = `${pages.companies}:${pages.candidates}`
  let page = kept.get(key)
  if (!page) {
    if (kept.size >= KEEP_PAGES) kept.delete(kept.keys().next().value!)
    kept.set(key, (page = explainPages(planning, pages, now)))
  }
  return page
}

function explainPages({ input, facts, lists }: Planning, pages: { companies: number; candidates: number }, now: Date) {
  const companyName = new Map(input.companies.map((c) => [c.id, c.name]))
  const candidateName = new Map(input.candidates.map((c) => [c.id, `${c.first_name} ${c.last_name}`]))
  const offerTitle = new Map(input.offers.map((o) => [o.id, o.title]))
  // scoreMatch is the ranking's own arithmetic, with the reasons: run for the rows shown only. The score
  // shown stays the list's, so the order on the page and the schedule's scores never disagree with it.
  const explain = (m: { candidateId: number; offerId: number; score: number }) =>
    ({ score: m.score, reasons: scoreMatch(facts.profiles.get(m.candidateId)!, facts.offers.get(m.offerId)!, { now }).reasons })

  const companies = pageOf(input.companies, pages.companies, COMPANIES_PER_PAGE)
  const candidates = pageOf(input.candidates, pages.candidates, CANDIDATES_PER_PAGE)
  return {
    companies: {
      ...companies,
      items: companies.items.map((c) => ({
        id: c.id,
        name: c.name,
        matches: (lists.byCompany.get(c.id) ?? []).slice(0, TOP_CANDIDATES).map((m) => ({
          candidateId: m.candidateId, name: candidateName.get(m.candidateId) ?? '', offer: offerTitle.get(m.offerId) ?? '',
          ...explain(m),
        })),
      })),
    },
    candidates: {
      ...candidates,
      items: candidates.items.map((c) => ({
        id: c.id,
        name: `${c.first_name} ${c.last_name}`,
        matchCount: (lists.byCandidate.get(c.id) ?? []).length,
        matches: (lists.byCandidate.get(c.id) ?? []).slice(0, TOP_COMPANIES).map((m) => ({
          companyId: m.companyId, company: companyName.get(m.companyId) ?? '', offer: offerTitle.get(m.offerId) ?? '',
          ...explain(m),
        })),
      })),
    },
  }
}
