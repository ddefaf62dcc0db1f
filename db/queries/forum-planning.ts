import { CompiledQuery, sql, type ExpressionBuilder } from 'kysely'
import { OFFERS_SQL, offerFromRow, PROFILES_SQL, profileFromRow, type OfferRow, type ProfileRow } from '#search/embedded/match-facts.ts'
import type { MatchOffer, MatchProfile } from '#search/matching/score.ts'
import type { DB } from '../connection.ts'
import type { Database } from '../schema.ts'
import type { Organiser } from './forum-exports.ts'

/**
 * The organiser's planning of a forum: what the scheduler needs (accepted
 * companies and their offers, confirmed candidates, wishes, pins, removed
 * pairs) and the writes of the planning page. Every query names the user and
 * keeps to the forums they organise (an admin sees them all) in the SQL
 * itself; candidates are those who consented (consent_at not null) only.
 */

type WithForum = ExpressionBuilder<Database & { f: Database['forums'] }, 'f'>
const organisedBy = (user: Organiser) => (eb: WithForum) =>
  eb.or([eb('f.organiser_id', '=', user.id), eb(sql.lit(user.role === 'admin' ? 1 : 0), '=', 1)])

/** The ids of the user's forums, as a subquery for writes. */
const organisedForum = (db: DB, user: Organiser, forumId: number) =>
  db.selectFrom('forums as f').select('f.id').where('f.id', '=', forumId).where(organisedBy(user))

export function findPlanningForum(db: DB, user: Organiser, slug: string) {
  return db
    .selectFrom('forums as f')
    .select(['f.id', 'f.slug', 'f.name', 'f.date', 'f.opens_at', 'f.closes_at', 'f.slot_minutes', 'f.tables_per_company',
      'f.max_interviews_per_candidate', 'f.schedule_summary'])
    .where('f.slug', '=', slug)
    .where(organisedBy(user))
    .executeTakeFirst()
}

export type PlanningInput = Awaited<ReturnType<typeof loadPlanningInput>>

/** Everything the match lists and the scheduler read, in one call. */
export async function loadPlanningInput(db: DB, user: Organiser, forumId: number) {
  const companies = await db
    .selectFrom('forum_companies as fco')
    .innerJoin('forums as f', 'f.id', 'fco.forum_id')
    .innerJoin('companies as co', 'co.id', 'fco.company_id')
    .select(['co.id', 'co.name'])
    .where('fco.forum_id', '=', forumId).where('fco.status', '=', 'accepted').where(organisedBy(user))
    .orderBy('co.name').orderBy('co.id')
    .execute()
  const offers = await db
    .selectFrom('forum_offers as fo')
    .innerJoin('forum_companies as fco', (j) => j.onRef('fco.forum_id', '=', 'fo.forum_id').onRef('fco.company_id', '=', 'fo.company_id'))
    .innerJoin('forums as f', 'f.id', 'fo.forum_id')
    .innerJoin('offers as o', 'o.id', 'fo.offer_id')
    .select(['fo.offer_id as id', 'fo.company_id', 'o.title'])
    .where('fo.forum_id', '=', forumId).where('fco.status', '=', 'accepted').where(organisedBy(user))
    .orderBy('fo.offer_id')
    .execute()
  const candidates = await db
    .selectFrom('forum_candidates as fc')
    .innerJoin('forums as f', 'f.id', 'fc.forum_id')
    .innerJoin('candidate_profiles as p', 'p.user_id', 'fc.candidate_id')
    .select(['fc.candidate_id as id', 'p.first_name', 'p.last_name'])
    .where('fc.forum_id', '=', forumId).where('fc.consent_at', 'is not', null).where(organisedBy(user))
    .orderBy('p.last_name').orderBy('p.first_name').orderBy('fc.candidate_id')
    .execute()
  const wishes = await db
    .selectFrom('forum_wishes as w')
    .innerJoin('forums as f', 'f.id', 'w.forum_id')
    .innerJoin('forum_candidates as fc', (j) => j.onRef('fc.forum_id', '=', 'w.forum_id').onRef('fc.candidate_id', '=', 'w.candidate_id'))
    .innerJoin('forum_companies as fco', (j) => j.onRef('fco.forum_id', '=', 'w.forum_id').onRef('fco.company_id', '=', 'w.company_id'))
    .select(['w.company_id', 'w.candidate_id', 'w.by'])
    .where('w.forum_id', '=', forumId).where('fc.consent_at', 'is not', null).where('fco.status', '=', 'accepted')
    .where(organisedBy(user))
    .execute()
  const removed = await db
    .selectFrom('forum_removed_pairs as r')
    .innerJoin('forums as f', 'f.id', 'r.forum_id')
    .select(['r.company_id', 'r.candidate_id'])
    .where('r.forum_id', '=', forumId).where(organisedBy(user))
    .execute()
  return { companies, offers, candidates, wishes, removed }
}

/** The schedule as the page shows it: consenting candidates only. */
export function listPlanningInterviews(db: DB, user: Organiser, forumId: number) {
  return db
    .selectFrom('forum_interviews as i')
    .innerJoin('forums as f', 'f.id', 'i.forum_id')
    .innerJoin('forum_candidates as fc', (j) => j.onRef('fc.forum_id', '=', 'i.forum_id').onRef('fc.candidate_id', '=', 'i.candidate_id'))
    .innerJoin('candidate_profiles as p', 'p.user_id', 'i.candidate_id')
    .select(['i.id', 'i.company_id', 'i.candidate_id', 'i.table_no', 'i.slot_no', 'i.score', 'i.pinned', 'p.first_name', 'p.last_name'])
    .where('i.forum_id', '=', forumId).where('fc.consent_at', 'is not', null).where(organisedBy(user))
    .orderBy('i.company_id').orderBy('i.slot_no').orderBy('i.table_no')
    .execute()
}

/** Pinned interviews of the forum, whoever they are with (the caller keeps the ones still scheduleable). */
export function listPinnedInterviews(db: DB, user: Organiser, forumId: number) {
  return db
    .selectFrom('forum_interviews as i')
    .innerJoin('forums as f', 'f.id', 'i.forum_id')
    .select(['i.id', 'i.company_id', 'i.candidate_id', 'i.table_no', 'i.slot_no'])
    .where('i.forum_id', '=', forumId).where('i.pinned', '=', 1).where(organisedBy(user))
    .execute()
}

/**
 * Scorer inputs for the forum's people. The ids come from the organiser-scoped
 * queries above; the statements are the engine's own (match-facts.ts).
 */
export async function loadMatchFacts(db: DB, candidateIds: number[], offerIds: number[]) {
  const run = async <R>(text: string, ids: number[]) =>
    ids.length ? (await db.executeQuery<R>(CompiledQuery.raw(text, [JSON.stringify(ids)]))).rows : []
  const profiles = new Map<number, MatchProfile>((await run<ProfileRow>(PROFILES_SQL, candidateIds)).map((r) => [r.id, profileFromRow(r)]))
  const offers = new Map<number, MatchOffer>((await run<OfferRow>(OFFERS_SQL, offerIds)).map((r) => [r.id, offerFromRow(r)]))
  return { profiles, offers }
}

export type NewInterview = { companyId: number; candidateId: number; offerId?: number; table: number; slot: number; score: number }

/**
 * Replaces the forum's unpinned interviews with the new ones and records the
 * run's summary, in one transaction: a failure leaves the previous schedule
 * whole. `dropPinnedIds`: pins whose company or candidate left the forum
 * (they cannot take place, and would block their seats).
 */
export async function saveSchedule(
  db: DB, user: Organiser, forumId: number,
  input: { interviews: NewInterview[]; dropPinnedIds: number[]; summary: object; now: Date },
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const forum = await organisedForum(trx, user, forumId).executeTakeFirst()
    if (!forum) return false
    await trx.deleteFrom('forum_interviews').where('forum_id', '=', forum.id).where('pinned', '=', 0).execute()
    if (input.dropPinnedIds.length) {
      await trx.deleteFrom('forum_interviews').where('forum_id', '=', forum.id).where('id', 'in', input.dropPinnedIds).execute()
    }
    // Batched: SQLite caps the bound parameters of one statement.
    for (let i = 0; i < input.interviews.length; i += 100) {
      await trx.insertInto('forum_interviews').values(input.interviews.slice(i, i + 100).map((v) => ({
        forum_id: forum.id, company_id: v.companyId, candidate_id: v.candidateId, offer_id: v.offerId ?? null,
        table_no: v.table, slot_no: v.slot, score: Math.round(v.score), pinned: 0,
      }))).execute()
    }
    await trx.updateTable('forums')
      .set({ schedule_summary: JSON.stringify({ ...input.summary, computedAt: input.now.toISOString() }), updated_at: input.now.toISOString() })
      .where('id', '=', forum.id).execute()
    return true
  })
}

/** Pins or unpins one interview of the user's forum; false when there is no such interview. */
export async function setInterviewPinned(db: DB, user: Organiser, forumId: number, interviewId: number, pinned: boolean) {
  const result = await db.updateTable('forum_interviews').set({ pinned: pinned ? 1 : 0 })
    .where('id', '=', interviewId).where('forum_id', 'in', organisedForum(db, user, forumId))
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

/** Takes an interview out of the schedule and remembers the pair, so no later run brings it back. */
export async function removeInterview(db: DB, user: Organiser, forumId: number, interviewId: number, now: Date) {
  return db.transaction().execute(async (trx) => {
    const interview = await trx.selectFrom('forum_interviews').select(['id', 'forum_id', 'company_id', 'candidate_id'])
      .where('id', '=', interviewId).where('forum_id', 'in', organisedForum(trx, user, forumId))
      .executeTakeFirst()
    if (!interview) return false
    await trx.deleteFrom('forum_interviews').where('id', '=', interview.id).execute()
    await trx.insertInto('forum_removed_pairs')
      .values({ forum_id: interview.forum_id, company_id: interview.company_id, candidate_id: interview.candidate_id, removed_at: now.toISOString() })
      .onConflict((oc) => oc.doNothing())
      .execute()
    return true
  })
}
