import type { ExpressionBuilder } from 'kysely'
import type { DB } from '../connection.ts'
import type { Database } from '../schema.ts'

/**
 * Hires marked by recruiters after a forum. A recruiter reaches a forum only
 * through a company of theirs taking part, and only their companies'
 * interviews: company_members is joined in every query.
 */

export type Outcome = 'hired' | 'not_hired'

type WithInterview = ExpressionBuilder<Database & { i: Database['forum_interviews'] }, 'i'>
const ofMemberCompany = (userId: number) => (eb: WithInterview) =>
  eb('i.company_id', 'in', eb.selectFrom('company_members as m').select('m.company_id').where('m.user_id', '=', userId))

export function findForumForMember(db: DB, userId: number, slug: string) {
  return db
    .selectFrom('forums as f')
    .select(['f.id', 'f.slug', 'f.name', 'f.date', 'f.opens_at', 'f.closes_at', 'f.slot_minutes'])
    .where('f.slug', '=', slug)
    .where((eb) => eb.exists(
      eb.selectFrom('forum_companies as fco')
        .innerJoin('company_members as m', 'm.company_id', 'fco.company_id')
        .select('m.user_id')
        .whereRef('fco.forum_id', '=', 'f.id')
        .where('m.user_id', '=', userId)))
    .executeTakeFirst()
}

/** The interviews of the user's companies at the forum, consenting candidates only. */
export function listMemberInterviews(db: DB, userId: number, forumId: number) {
  return db
    .selectFrom('forum_interviews as i')
    .innerJoin('forum_candidates as fc', (join) =>
      join.onRef('fc.forum_id', '=', 'i.forum_id').onRef('fc.candidate_id', '=', 'i.candidate_id'))
    .innerJoin('companies as co', 'co.id', 'i.company_id')
    .innerJoin('candidate_profiles as p', 'p.user_id', 'i.candidate_id')
    .leftJoin('offers as o', 'o.id', 'i.offer_id')
    .select(['i.id', 'i.candidate_id', 'co.name as company_name', 'i.table_no', 'i.slot_no', 'i.outcome', 'p.first_name', 'p.last_name',
      'o.title as offer_title'])
    .where('i.forum_id', '=', forumId)
    .where('fc.consent_at', 'is not', null)
    .where(ofMemberCompany(userId))
    .orderBy('co.name').orderBy('i.slot_no').orderBy('i.table_no')
    .execute()
}

/** False when the interview is not one of the user's companies' at that forum. */
export async function setInterviewOutcome(db: DB, userId: number, forumId: number, interviewId: number, outcome: Outcome) {
  const result = await db
    .updateTable('forum_interviews as i')
    .set({ outcome })
    .where('i.id', '=', interviewId)
    .where('i.forum_id', '=', forumId)
    .where('i.candidate_id', 'in', (eb) =>
      eb.selectFrom('forum_candidates as fc').select('fc.candidate_id').where('fc.forum_id', '=', forumId).where('fc.consent_at', 'is not', null))
    .where(ofMemberCompany(userId))
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}
