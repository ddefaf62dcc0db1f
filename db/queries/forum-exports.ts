import { sql, type ExpressionBuilder } from 'kysely'
import type { DB } from '../connection.ts'
import type { UserRole } from '../domain.ts'
import type { Database } from '../schema.ts'

/**
 * What the organiser of a forum takes away from it: the schedule, the match
 * list, the figures of the dashboard, and the log of every export. Every
 * query names the user and keeps to the forums they organise (an admin sees
 * them all) in the SQL itself; candidate rows keep to those who consented to
 * be shown to the forum (forum_candidates.consent_at), whatever the caller does.
 */

export type Organiser = { id: number; role: UserRole }
export type ExportKind = 'planning' | 'correspondances' | 'classeur' | 'agendas'
export type ExportFormat = 'csv' | 'xlsx' | 'print'

type WithForum = ExpressionBuilder<Database & { f: Database['forums'] }, 'f'>
/** The forum `f` is the user's to organise. */
const organisedBy = (user: Organiser) => (eb: WithForum) =>
  eb.or([eb('f.organiser_id', '=', user.id), eb(sql.lit(user.role === 'admin' ? 1 : 0), '=', 1)])

export function findForumForOrganiser(db: DB, user: Organiser, slug: string) {
  return db
    .selectFrom('forums as f')
    .select(['f.id', 'f.slug', 'f.name', 'f.date', 'f.venue', 'f.opens_at', 'f.closes_at', 'f.slot_minutes',
      'f.tables_per_company', 'f.max_interviews_per_candidate', 'f.status'])
    .where('f.slug', '=', slug)
    .where(organisedBy(user))
    .executeTakeFirst()
}

/** Every interview of the forum with a consenting candidate, by company, table and slot. */
export function listScheduleForExport(db: DB, user: Organiser, forumId: number) {
  return db
    .selectFrom('forum_interviews as i')
    .innerJoin('forums as f', 'f.id', 'i.forum_id')
    .innerJoin('forum_candidates as fc', (join) =>
      join.onRef('fc.forum_id', '=', 'i.forum_id').onRef('fc.candidate_id', '=', 'i.candidate_id'))
    .innerJoin('companies as co', 'co.id', 'i.company_id')
    .innerJoin('users as u', 'u.id', 'i.candidate_id')
    .innerJoin('candidate_profiles as p', 'p.user_id', 'i.candidate_id')
    .leftJoin('offers as o', 'o.id', 'i.offer_id')
    .select(['i.id', 'i.company_id', 'co.name as company_name', 'i.table_no', 'i.slot_no', 'i.score', 'i.outcome',
      'i.candidate_id', 'p.first_name', 'p.last_name', 'u.email', 'p.programme', 'p.school', 'p.degree_level',
      'p.graduation_year', 'o.title as offer_title'])
    .where('i.forum_id', '=', forumId)
    .where('fc.consent_at', 'is not', null)
    .where(organisedBy(user))
    .orderBy('co.name').orderBy('i.company_id').orderBy('i.table_no').orderBy('i.slot_no')
    .execute()
}

/** Who wants to meet whom, consenting candidates only. */
export function listWishesForExport(db: DB, user: Organiser, forumId: number) {
  return db
    .selectFrom('forum_wishes as w')
    .innerJoin('forums as f', 'f.id', 'w.forum_id')
    .innerJoin('forum_candidates as fc', (join) =>
      join.onRef('fc.forum_id', '=', 'w.forum_id').onRef('fc.candidate_id', '=', 'w.candidate_id'))
    .innerJoin('companies as co', 'co.id', 'w.company_id')
    .innerJoin('users as u', 'u.id', 'w.candidate_id')
    .innerJoin('candidate_profiles as p', 'p.user_id', 'w.candidate_id')
    .select(['w.company_id', 'co.name as company_name', 'w.candidate_id', 'w.by', 'p.first_name', 'p.last_name',
      'u.email', 'p.programme', 'p.school', 'p.degree_level', 'p.graduation_year'])
    .where('w.forum_id', '=', forumId)
    .where('fc.consent_at', 'is not', null)
    .where(organisedBy(user))
    .execute()
}

/** The companies expected at the forum (accepted), for the agendas. */
export function listForumCompanies(db: DB, user: Organiser, forumId: number) {
  return db
    .selectFrom('forum_companies as fco')
    .innerJoin('forums as f', 'f.id', 'fco.forum_id')
    .innerJoin('companies as co', 'co.id', 'fco.company_id')
    .select(['co.id', 'co.name'])
    .where('fco.forum_id', '=', forumId)
    .where('fco.status', '=', 'accepted')
    .where(organisedBy(user))
    .orderBy('co.name').orderBy('co.id')
    .execute()
}

/** Writes one line of the export log; the kind says which view, the format how it left. */
export async function logExport(db: DB, user: Organiser, forumId: number, kind: ExportKind, format: ExportFormat, now: Date) {
  // One statement: the organiser check and the insert cannot be split apart.
  const result = await db
    .insertInto('export_log')
    .columns(['forum_id', 'user_id', 'kind', 'format', 'created_at'])
    .expression((eb) =>
      eb.selectFrom('forums as f')
        .select(['f.id', sql.lit(user.id).as('user_id'), eb.val(kind).as('kind'), eb.val(format).as('format'),
          eb.val(now.toISOString()).as('created_at')])
        .where('f.id', '=', forumId)
        .where(organisedBy(user)))
    .executeTakeFirst()
  return (result.numInsertedOrUpdatedRows ?? 0n) > 0n
}

export function listRecentExports(db: DB, user: Organiser, forumId: number, limit = 10) {
  return db
    .selectFrom('export_log as l')
    .innerJoin('forums as f', 'f.id', 'l.forum_id')
    .leftJoin('users as u', 'u.id', 'l.user_id')
    .select(['l.id', 'l.kind', 'l.format', 'l.created_at', 'u.display_name as user_name'])
    .where('l.forum_id', '=', forumId)
    .where(organisedBy(user))
    .orderBy('l.created_at', 'desc').orderBy('l.id', 'desc')
    .limit(limit)
    .execute()
}

/** The dashboard's figures, counted in SQL. */
export async function forumDashboardCounts(db: DB, user: Organiser, forumId: number) {
  const inForum = db.selectFrom('forums as f').where('f.id', '=', forumId).where(organisedBy(user))
  const [companies, candidates, perCandidate, outcomes] = await Promise.all([
    inForum.innerJoin('forum_companies as fco', 'fco.forum_id', 'f.id')
      .select((eb) => ['fco.status', eb.fn.countAll<number>().as('n')]).groupBy('fco.status').execute(),
    inForum.innerJoin('forum_candidates as fc', 'fc.forum_id', 'f.id')
      .select((eb) => [sql<number>`fc.consent_at is not null`.as('confirmed'), eb.fn.countAll<number>().as('n')])
      .groupBy(sql`fc.consent_at is not null`).execute(),
    // Interviews per confirmed candidate, zero included.
    inForum.innerJoin('forum_candidates as fc', 'fc.forum_id', 'f.id')
      .leftJoin('forum_interviews as i', (join) =>
        join.onRef('i.forum_id', '=', 'fc.forum_id').onRef('i.candidate_id', '=', 'fc.candidate_id'))
      .select((eb) => ['fc.candidate_id', eb.fn.count<number>('i.id').as('n')])
      .where('fc.consent_at', 'is not', null)
      .groupBy('fc.candidate_id').execute(),
    inForum.innerJoin('forum_interviews as i', 'i.forum_id', 'f.id')
      .select((eb) => ['i.outcome', eb.fn.countAll<number>().as('n')]).groupBy('i.outcome').execute(),
  ])
  const companyCount = (status: string) => companies.find((c) => c.status === status)?.n ?? 0
  return {
    companies: { invited: companyCount('invited'), accepted: companyCount('accepted'), declined: companyCount('declined') },
    candidates: {
      confirmed: candidates.find((c) => Number(c.confirmed) === 1)?.n ?? 0,
      waiting: candidates.find((c) => Number(c.confirmed) === 0)?.n ?? 0,
    },
    interviewsPerCandidate: perCandidate.map((c) => c.n),
    interviews: outcomes.reduce((sum, o) => sum + o.n, 0),
    outcomes: {
      hired: outcomes.find((o) => o.outcome === 'hired')?.n ?? 0,
      notHired: outcomes.find((o) => o.outcome === 'not_hired')?.n ?? 0,
      unmarked: outcomes.find((o) => o.outcome === null)?.n ?? 0,
    },
  }
}
