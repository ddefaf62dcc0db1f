import { sql } from 'kysely'
import type { DB } from '../connection.ts'
import type { Organiser } from './forum-exports.ts'

/**
 * A forum participant's programme: their interviews, by slot. The candidate's
 * reads only their own rows (candidate_id in SQL); the organiser's reads the
 * forums they organise (an admin: all). Only candidates who consented to the
 * forum are in a schedule anyone else sees, and only they get a programme.
 */

export type ProgrammeForum = {
  id: number; slug: string; name: string; date: string; venue: string; opens_at: string; closes_at: string; slot_minutes: number
  commune_name: string; status: 'draft' | 'open' | 'closed'
}
export type ProgrammeInterview = {
  slot_no: number; table_no: number; company_name: string; company_slug: string; offer_title: string | null; offer_slug: string | null
}

const forumColumns = ['f.id', 'f.slug', 'f.name', 'f.date', 'f.venue', 'f.opens_at', 'f.closes_at', 'f.slot_minutes', 'c.name as commune_name',
  'f.status'] as const

/**
 * The candidate's programme at a forum announced to the public: `registered` says whether they confirmed
 * their registration; `interviews` is empty until the organiser computed the schedule. Null: no such forum.
 * Reused by the forum reminder mail (H13a) and the organiser's programme mails.
 */
export async function findCandidateProgramme(db: DB, candidateId: number, forumSlug: string) {
  const forum = await db
    .selectFrom('forums as f')
    .innerJoin('communes as c', 'c.insee', 'f.commune_insee')
    .leftJoin('forum_candidates as fc', (join) => join.onRef('fc.forum_id', '=', 'f.id').on('fc.candidate_id', '=', candidateId))
    .select([...forumColumns, 'fc.consent_at'])
    .where('f.slug', '=', forumSlug)
    .where('f.status', '!=', 'draft')
    .executeTakeFirst()
  if (!forum) return null
  const registered = forum.consent_at !== null
  const interviews: ProgrammeInterview[] = registered
    ? await db
        .selectFrom('forum_interviews as i')
        .innerJoin('companies as co', 'co.id', 'i.company_id')
        .leftJoin('offers as o', 'o.id', 'i.offer_id')
        .select(['i.slot_no', 'i.table_no', 'co.name as company_name', 'co.slug as company_slug', 'o.title as offer_title', 'o.slug as offer_slug'])
        .where('i.forum_id', '=', forum.id)
        .where('i.candidate_id', '=', candidateId)
        .orderBy('i.slot_no')
        .execute()
    : []
  const { consent_at: _, ...rest } = forum
  return { forum: rest as ProgrammeForum, registered, interviews }
}

/** Every participant of a scheduled forum with their interviews, for the organiser's programme mails. */
export async function listProgrammesForOrganiser(db: DB, user: Organiser, forumId: number) {
  const rows = await db
    .selectFrom('forum_interviews as i')
    .innerJoin('forums as f', 'f.id', 'i.forum_id')
    .innerJoin('forum_candidates as fc', (join) => join.onRef('fc.forum_id', '=', 'i.forum_id').onRef('fc.candidate_id', '=', 'i.candidate_id'))
    .innerJoin('users as u', 'u.id', 'i.candidate_id')
    .innerJoin('candidate_profiles as p', 'p.user_id', 'i.candidate_id')
    .innerJoin('companies as co', 'co.id', 'i.company_id')
    .leftJoin('offers as o', 'o.id', 'i.offer_id')
    .select(['i.candidate_id', 'u.email', 'p.first_name', 'p.last_name', 'i.company_id', 'i.slot_no', 'i.table_no',
      'co.name as company_name', 'co.slug as company_slug', 'o.title as offer_title', 'o.slug as offer_slug'])
    .where('i.forum_id', '=', forumId)
    .where('fc.consent_at', 'is not', null)
    .where((eb) => eb.or([eb('f.organiser_id', '=', user.id), eb(sql.lit(user.role === 'admin' ? 1 : 0), '=', 1)]))
    .orderBy('i.slot_no')
    .orderBy('i.table_no')
    .execute()
  const companyIds = [...new Set(rows.map((r) => r.company_id))]
  const members = companyIds.length
    ? await db
        .selectFrom('company_members as m')
        .innerJoin('users as u', 'u.id', 'm.user_id')
        .select(['m.company_id', 'm.user_id', 'u.email', 'u.display_name'])
        .where('m.company_id', 'in', companyIds)
        .orderBy('m.user_id')
        .execute()
    : []
  return { interviews: rows, members }
}

/** The programme hash last e-mailed to each participant of the forum. */
export async function listSentProgrammes(db: DB, forumId: number) {
  const rows = await db.selectFrom('forum_programme_mails').select(['user_id', 'programme_hash', 'sent_at']).where('forum_id', '=', forumId).execute()
  return new Map(rows.map((r) => [r.user_id, r]))
}

/** Records one mail, once it left: a crash mid-way sends only the rest next time. */
export async function recordSentProgramme(db: DB, forumId: number, userId: number, hash: string, now: Date) {
  await db
    .insertInto('forum_programme_mails')
    .values({ forum_id: forumId, user_id: userId, programme_hash: hash, sent_at: now.toISOString() })
    .onConflict((oc) => oc.columns(['forum_id', 'user_id']).doUpdateSet({ programme_hash: hash, sent_at: now.toISOString() }))
    .execute()
}

/** The forum, if the user organises it (an admin: any), with what a programme shows. */
export async function findOrganiserProgrammeForum(db: DB, user: Organiser, slug: string): Promise<ProgrammeForum | undefined> {
  return db
    .selectFrom('forums as f')
    .innerJoin('communes as c', 'c.insee', 'f.commune_insee')
    .select([...forumColumns])
    .where('f.slug', '=', slug)
    .where((eb) => eb.or([eb('f.organiser_id', '=', user.id), eb(sql.lit(user.role === 'admin' ? 1 : 0), '=', 1)]))
    .executeTakeFirst()
}
