import { sql, type ExpressionBuilder } from 'kysely'
import type { DB } from '../connection.ts'
import type { DegreeLevel } from '../domain.ts'
import type { Database } from '../schema.ts'

/**
 * Matching profiles as a recruiter sees them, and contact requests. Recruiter
 * functions name the user and reach the offer through company_members in SQL;
 * candidate functions name the candidate and touch only their own requests.
 * A profile's last name and e-mail are selected only once the candidate has
 * accepted that company's request: the rule lives here, not in the page.
 */

type WithOffer = ExpressionBuilder<Database & { o: Database['offers'] }, 'o'>
const memberOfOfferCompany = (userId: number) => (eb: WithOffer) =>
  eb.exists(
    eb.selectFrom('company_members as m').select('m.user_id').whereRef('m.company_id', '=', 'o.company_id').where('m.user_id', '=', userId),
  )

/** The offer, if the user belongs to its company; `verified` says whether the company may see profiles. */
export function findOfferForMatching(db: DB, userId: number, offerId: number) {
  return db
    .selectFrom('offers as o')
    .innerJoin('companies as co', 'co.id', 'o.company_id')
    .select((eb) => ['o.id', 'o.title', 'o.status', 'o.company_id', 'co.slug as company_slug', 'co.name as company_name',
      eb('co.verified_at', 'is not', null).as('verified')])
    .where('o.id', '=', offerId)
    .where(memberOfOfferCompany(userId))
    .executeTakeFirst()
}

export type MatchedProfile = {
  user_id: number
  first_name: string
  /** Always given: "Inès D." is what a recruiter sees before acceptance. */
  last_initial: string
  /** Null until the candidate accepted this company's contact request. */
  last_name: string | null
  email: string | null
  programme: string
  school: string
  degree_level: DegreeLevel | null
  graduation_year: number | null
  commune: string | null
  skills: string
  contact_status: 'pending' | 'accepted' | 'declined' | null
}

/**
 * The consenting profiles among `candidateIds`, for the offer's company, if
 * the user belongs to it and it is verified (profiles are shown to verified
 * recruiters only). Profiles whose consent was withdrawn meanwhile are left out.
 */
export async function listMatchedProfiles(db: DB, userId: number, offerId: number, candidateIds: number[]): Promise<MatchedProfile[]> {
  if (candidateIds.length === 0) return []
  const { rows } = await sql<MatchedProfile>`
    select p.user_id, p.first_name, substr(p.last_name, 1, 1) as last_initial, p.programme, p.school, p.degree_level, p.graduation_year, c.name as commune,
      case when cr.status = 'accepted' then p.last_name end as last_name,
      case when cr.status = 'accepted' then u.email end as email,
      cr.status as contact_status,
      (select json_group_array(s.name) from candidate_skills cs join skills s on s.id = cs.skill_id where cs.user_id = p.user_id) as skills
    from offers o
    join companies co on co.id = o.company_id and co.verified_at is not null
    join company_members m on m.company_id = o.company_id and m.user_id = ${userId}
    join candidate_profiles p on p.user_id in (select value from json_each(${JSON.stringify(candidateIds)}))
      and p.visibility = 'verified_recruiters'
    join users u on u.id = p.user_id and u.role = 'candidate'
    left join communes c on c.insee = p.commune_insee
    left join contact_requests cr on cr.company_id = o.company_id and cr.candidate_id = p.user_id
    where o.id = ${offerId}`.execute(db)
  return rows
}

/** Who to tell about a new request, and what: the company's name and the offer, never the recruiter's own details. */
export type ContactRequestNotice = { email: string; firstName: string; companyName: string; offerTitle: string }

/**
 * Sends the company's request to a consenting candidate, about this offer.
 * 'not-found' when the offer is not the user's company's, the company is not
 * verified or the candidate does not show their profile; 'already' when the
 * company asked before (one request per company and candidate).
 */
export async function sendContactRequest(
  db: DB,
  userId: number,
  input: { offerId: number; candidateId: number; message: string },
  now: Date,
): Promise<{ status: 'sent'; notice: ContactRequestNotice } | { status: 'already' } | { status: 'not-found' }> {
  return db.transaction().execute(async (trx) => {
    const target = await trx
      .selectFrom('offers as o')
      .innerJoin('companies as co', 'co.id', 'o.company_id')
      .innerJoin('candidate_profiles as p', (join) =>
        join.on('p.user_id', '=', input.candidateId).on('p.visibility', '=', 'verified_recruiters'))
      .innerJoin('users as u', 'u.id', 'p.user_id')
      .select(['o.company_id', 'o.title as offerTitle', 'co.name as companyName', 'u.email', 'p.first_name as firstName'])
      .where('o.id', '=', input.offerId)
      // As on the page: a draft, closed or taken-down offer is no ground to contact anyone (its title is mailed).
      .where('o.status', '=', 'published')
      .where('co.verified_at', 'is not', null)
      .where(memberOfOfferCompany(userId))
      .executeTakeFirst()
    if (!target) return { status: 'not-found' as const }
    const inserted = await trx
      .insertInto('contact_requests')
      .values({ company_id: target.company_id, candidate_id: input.candidateId, offer_id: input.offerId, requested_by: userId,
        message: input.message, created_at: now.toISOString() })
      .onConflict((oc) => oc.columns(['company_id', 'candidate_id']).doNothing())
      .executeTakeFirst()
    if (inserted.numInsertedOrUpdatedRows === 0n) return { status: 'already' as const }
    const { company_id: _, ...notice } = target
    return { status: 'sent' as const, notice }
  })
}

/** The candidate's own requests, newest first, with who asks and about what. */
export function listOwnContactRequests(db: DB, candidateId: number) {
  return db
    .selectFrom('contact_requests as cr')
    .innerJoin('companies as co', 'co.id', 'cr.company_id')
    .leftJoin('offers as o', 'o.id', 'cr.offer_id')
    .select(['cr.id', 'cr.message', 'cr.status', 'cr.created_at', 'cr.answered_at', 'co.name as company_name', 'co.slug as company_slug',
      'o.title as offer_title', 'o.slug as offer_slug', 'o.status as offer_status'])
    .where('cr.candidate_id', '=', candidateId)
    .orderBy('cr.created_at', 'desc')
    .orderBy('cr.id', 'desc')
    .execute()
}

/** Accepts or declines one of the candidate's own pending requests; false when there is none with that id. */
export async function answerOwnContactRequest(db: DB, candidateId: number, requestId: number, accept: boolean, now: Date): Promise<boolean> {
  const updated = await db
    .updateTable('contact_requests')
    .set({ status: accept ? 'accepted' : 'declined', answered_at: now.toISOString() })
    .where('id', '=', requestId)
    .where('candidate_id', '=', candidateId)
    .where('status', '=', 'pending')
    .executeTakeFirst()
  return updated.numUpdatedRows > 0n
}

