import { sql } from 'kysely'
import type { DB } from '#db/connection.ts'
import type { Organiser } from '#db/queries/forum-exports.ts'
import { listPinnedInterviews, loadMatchFacts, loadPlanningInput, saveSchedule } from '#db/queries/forum-planning.ts'
import { computeForumMatchLists, type ForumMatchLists } from '#search/matching/forum-matches.ts'
import { scheduleForum, type CandidatePair, type ScheduleStats } from '#search/matching/schedule.ts'
import { scoreOnly } from '#search/matching/score.ts'
import { slotCount } from './forum-slots.ts'

type PlanningForum = { id: number; opens_at: string; closes_at: string; slot_minutes: number; tables_per_company: number; max_interviews_per_candidate: number }

/**
 * The forum's match lists, computed on every load, so no cache goes stale when
 * a candidate confirms or a company adds an offer. A regional forum (tens of
 * companies, a few hundred candidates) takes milliseconds; the benchmark's
 * 200 companies × 2,000 candidates 0.2–1.0 s with the machine's load, median
 * 0.5 s (`npm run bench:forum`, README): caching per forum would not pay yet.
 */
export async function computePlanningMatches(db: DB, user: Organiser, forumId: number, now: Date) {
  const input = await loadPlanningInput(db, user, forumId)
  const facts = await loadMatchFacts(db, input.candidates.map((c) => c.id), input.offers.map((o) => o.id))
  const lists = computeForumMatchLists(
    input.offers.flatMap((o) => { const offer = facts.offers.get(o.id); return offer ? [{ id: o.id, companyId: o.company_id, offer }] : [] }),
    input.candidates.flatMap((c) => { const profile = facts.profiles.get(c.id); return profile ? [{ id: c.id, profile }] : [] }),
    { now },
  )
  return { input, facts, lists }
}

const kept = new Map<string, { version: string; at: number; planning: Promise<Awaited<ReturnType<typeof computePlanningMatches>>> }>()
const KEEP_MS = 60_000
const KEEP_FORUMS = 8

/**
 * The match lists as the planning page shows them, computed once per state of
 * the database: at 2,000 candidates they cost 0.1–0.3 s of CPU, which every
 * page turn and every return to the page after a pin paid again. They are
 * reused while nothing was written (this process's `total_changes()`, another
 * process's commits: `pragma data_version`, as the anonymous page cache does)
 * and for at most a minute (a score reads the date). Any write, in this forum
 * or elsewhere, recomputes them: never a stale list, at the cost of a miss on
 * a busy board. The scheduler never reads them from here.
 */
export async function planningMatchesForPage(db: DB, user: Organiser, forumId: number, now: Date) {
  const { rows } = await sql<{ v: string }>`select (select data_version from pragma_data_version) || ':' || total_changes() as v`.execute(db)
  const version = rows[0]!.v
  const key = `${forumId}:${user.id}:${user.role}`
  const entry = kept.get(key)
  if (entry && entry.version === version && now.getTime() - entry.at < KEEP_MS && now.getTime() >= entry.at) return entry.planning
  const planning = computePlanningMatches(db, user, forumId, now)
  kept.delete(key)
  if (kept.size >= KEEP_FORUMS) kept.delete(kept.keys().next().value!)
  kept.set(key, { version, at: now.getTime(), planning })
  planning.catch(() => kept.delete(key))
  return planning
}

/**
 * The pairs the scheduler may choose from: each candidate's best
 * max_interviews × 3 matches, plus every wish (scored on the company's best
 * offer, 0 when it brings none), so a wish is never lost for want of a score.
 */
export function schedulePairs(
  forum: PlanningForum, planning: Awaited<ReturnType<typeof computePlanningMatches>>, now: Date,
): CandidatePair[] {
  const { input, facts, lists } = planning
  const pairs = new Map<string, CandidatePair>()
  const key = (companyId: number, candidateId: number) => `${companyId}:${candidateId}`
  const perCandidate = forum.max_interviews_per_candidate * 3
  for (const [candidateId, matches] of lists.byCandidate) {
    for (const m of matches.slice(0, perCandidate)) {
      pairs.set(key(m.companyId, candidateId), { companyId: m.companyId, candidateId, score: Math.round(m.score), offerId: m.offerId, companyWish: false, candidateWish: false })
    }
  }
  for (const wish of input.wishes) {
    let pair = pairs.get(key(wish.company_id, wish.candidate_id))
    // A wish further down the candidate's list keeps the list's offer and score, as the match lists show them.
    const listed = pair ? undefined : lists.byCandidate.get(wish.candidate_id)?.find((m) => m.companyId === wish.company_id)
    if (!pair && listed) {
      pair = { companyId: wish.company_id, candidateId: wish.candidate_id, score: Math.round(listed.score), offerId: listed.offerId, companyWish: false, candidateWish: false }
      pairs.set(key(wish.company_id, wish.candidate_id), pair)
    }
    if (!pair) {
      // Not a match at all (no skill in common): scored on the company's best offer, 0 when it brings none.
      pair = { companyId: wish.company_id, candidateId: wish.candidate_id, score: 0, companyWish: false, candidateWish: false }
      const profile = facts.profiles.get(wish.candidate_id)
      for (const o of input.offers) {
        const offer = facts.offers.get(o.id)
        if (o.company_id !== wish.company_id || !profile || !offer) continue
        const score = Math.round(scoreOnly(profile, offer, now))
        if (score > pair.score || pair.offerId === undefined) Object.assign(pair, { score, offerId: o.id })
      }
      pairs.set(key(wish.company_id, wish.candidate_id), pair)
    }
    if (wish.by === 'company') pair.companyWish = true
    else pair.candidateWish = true
  }
  return [...pairs.values()]
}

/** Runs the scheduler on the forum as it stands and saves the result; throws ScheduleInputError for the organiser. */
export async function runSchedule(db: DB, user: Organiser, forum: PlanningForum, now: Date): Promise<ScheduleStats | null> {
  const planning = await computePlanningMatches(db, user, forum.id, now)
  const { input } = planning
  const companyIds = new Set(input.companies.map((c) => c.id))
  const candidateIds = new Set(input.candidates.map((c) => c.id))
  const known = (p: { company_id: number; candidate_id: number }) => companyIds.has(p.company_id) && candidateIds.has(p.candidate_id)
  const pinned = await listPinnedInterviews(db, user, forum.id)
  const schedule = scheduleForum({
    slots: slotCount(forum),
    companies: input.companies.map((c) => ({ id: c.id, tables: forum.tables_per_company })),
    candidates: input.candidates.map((c) => ({ id: c.id, maxInterviews: forum.max_interviews_per_candidate })),
    pairs: schedulePairs(forum, planning, now),
    pinned: pinned.filter(known).map((p) => ({ companyId: p.company_id, candidateId: p.candidate_id, table: p.table_no, slot: p.slot_no })),
    removed: input.removed.filter(known).map((r) => ({ companyId: r.company_id, candidateId: r.candidate_id })),
  })
  const saved = await saveSchedule(db, user, forum.id, {
    interviews: schedule.interviews.filter((i) => !i.pinned)
      .map((i) => ({ companyId: i.companyId, candidateId: i.candidateId, offerId: i.offerId, table: i.table, slot: i.slot, score: i.score })),
    dropPinnedIds: pinned.filter((p) => !known(p)).map((p) => p.id),
    summary: schedule.stats,
    now,
  })
  return saved ? schedule.stats : null
}

export type { ForumMatchLists }
