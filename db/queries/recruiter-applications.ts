import { sql, type ExpressionBuilder } from 'kysely'
import type { DB } from '../connection.ts'
import type { ApplicationStage } from '../domain.ts'
import type { Database } from '../schema.ts'

/**
 * Applications as the recruiters of the offer's company see them. Every query
 * names the user and joins company_members through the offer: a recruiter
 * reaches only the applications to their companies' offers, whatever id they
 * send. Applying shares the candidate's profile with that company, even when
 * the profile is private for search.
 */

type WithOffer = ExpressionBuilder<Database & { o: Database['offers'] }, 'o'>
/** The user belongs to the company of offer `o`. */
const memberOfOfferCompany = (userId: number) => (eb: WithOffer) =>
  eb.exists(
    eb.selectFrom('company_members as m').select('m.user_id').whereRef('m.company_id', '=', 'o.company_id').where('m.user_id', '=', userId),
  )

export function findOfferForApplicants(db: DB, userId: number, offerId: number) {
  return db
    .selectFrom('offers as o')
    .innerJoin('companies as co', 'co.id', 'o.company_id')
    .select(['o.id', 'o.slug', 'o.title', 'co.slug as company_slug', 'co.name as company_name'])
    .where('o.id', '=', offerId)
    .where(memberOfOfferCompany(userId))
    .executeTakeFirst()
}

/**
 * What the applicants list filters by: a stage (the applications still standing there) or `withdrawn` (the ones the candidate
 * withdrew, whatever stage they had reached: they are counted there, never under that stage).
 */
export type ApplicationFilter = ApplicationStage | 'withdrawn'

/** One page of the offer's applications, latest first, at one stage, withdrawn, or all. */
export function listOfferApplications(
  db: DB, userId: number, offerId: number, filter: ApplicationFilter | null, { limit = 50, offset = 0 }: { limit?: number; offset?: number } = {},
) {
  let query = db
    .selectFrom('applications as a')
    .innerJoin('offers as o', 'o.id', 'a.offer_id')
    .leftJoin('candidate_profiles as p', 'p.user_id', 'a.candidate_id')
    .select(['a.id', 'a.stage', 'a.created_at', 'a.stage_changed_at', 'a.withdrawn_at', 'a.candidate_id', 'p.first_name', 'p.last_name'])
    .where('a.offer_id', '=', offerId)
    .where(memberOfOfferCompany(userId))
  if (filter === 'withdrawn') query = query.where('a.withdrawn_at', 'is not', null)
  else if (filter) query = query.where('a.stage', '=', filter).where('a.withdrawn_at', 'is', null)
  return query.orderBy('a.created_at', 'desc').orderBy('a.id', 'desc').limit(limit).offset(offset).execute()
}

/** Applications per stage still standing, and the withdrawn ones (`withdrawn`), through the (offer, stage) index. */
export async function countApplicationsByStage(db: DB, userId: number, offerId: number) {
  const rows = await db
    .selectFrom('applications as a')
    .innerJoin('offers as o', 'o.id', 'a.offer_id')
    .select((eb) => ['a.stage', eb.fn.countAll<number>().as('n'), sql<number>`count(a.withdrawn_at)`.as('withdrawn')])
    .where('a.offer_id', '=', offerId)
    .where(memberOfOfferCompany(userId))
    .groupBy('a.stage')
    .execute()
  const counts = new Map<ApplicationFilter, number>()
  for (const row of rows) {
    if (row.n > row.withdrawn) counts.set(row.stage, row.n - row.withdrawn)
    if (row.withdrawn > 0) counts.set('withdrawn', (counts.get('withdrawn') ?? 0) + row.withdrawn)
  }
  return counts
}

/** Applications to each of the given offers of a company (the page of its offers table shown). */
export async function countApplicationsByOffer(db: DB, userId: number, companySlug: string, offerIds: readonly number[]) {
  if (offerIds.length === 0) return new Map<number, number>()
  const rows = await db
    .selectFrom('applications as a')
    .innerJoin('offers as o', 'o.id', 'a.offer_id')
    .innerJoin('companies as co', 'co.id', 'o.company_id')
    .select((eb) => ['a.offer_id', eb.fn.countAll<number>().as('n')])
    .where('a.offer_id', 'in', offerIds)
    .where('co.slug', '=', companySlug)
    .where(memberOfOfferCompany(userId))
    .groupBy('a.offer_id')
    .execute()
  return new Map(rows.map((r) => [r.offer_id, r.n]))
}

/** One application with the candidate's shared profile (all null once the candidate deleted their account). */
export function findApplication(db: DB, userId: number, applicationId: number) {
  return db
    .selectFrom('applications as a')
    .innerJoin('offers as o', 'o.id', 'a.offer_id')
    .innerJoin('companies as co', 'co.id', 'o.company_id')
    .leftJoin('users as u', 'u.id', 'a.candidate_id')
    .leftJoin('candidate_profiles as p', 'p.user_id', 'a.candidate_id')
    .leftJoin('communes as c', 'c.insee', 'p.commune_insee')
    .select([
      'a.id', 'a.stage', 'a.message', 'a.created_at', 'a.stage_changed_at', 'a.withdrawn_at', 'a.candidate_id',
      'o.id as offer_id', 'o.title as offer_title', 'co.slug as company_slug', 'co.name as company_name',
      'u.email', 'p.first_name', 'p.last_name', 'p.school', 'p.programme', 'p.degree_level', 'p.graduation_year',
      'c.name as commune_name', 'p.available_from', 'p.links', 'p.cv_name', 'p.bio', 'p.contract_types', 'p.mobility_km',
      'p.remote_preference',
    ])
    .where('a.id', '=', applicationId)
    .where(memberOfOfferCompany(userId))
    .executeTakeFirst()
}

export function listApplicantSkills(db: DB, userId: number, applicationId: number) {
  return db
    .selectFrom('applications as a')
    .innerJoin('offers as o', 'o.id', 'a.offer_id')
    .innerJoin('candidate_skills as cs', 'cs.user_id', 'a.candidate_id')
    .innerJoin('skills as s', 's.id', 'cs.skill_id')
    .select(['s.name', 'cs.level'])
    .where('a.id', '=', applicationId)
    .where('a.withdrawn_at', 'is', null)
    .where(memberOfOfferCompany(userId))
    .orderBy('cs.level', 'desc')
    .orderBy('s.name')
    .execute()
}

export function listApplicantLanguages(db: DB, userId: number, applicationId: number) {
  return db
    .selectFrom('applications as a')
    .innerJoin('offers as o', 'o.id', 'a.offer_id')
    .innerJoin('candidate_languages as cl', 'cl.user_id', 'a.candidate_id')
    .select(['cl.language', 'cl.level'])
    .where('a.id', '=', applicationId)
    .where('a.withdrawn_at', 'is', null)
    .where(memberOfOfferCompany(userId))
    .orderBy('cl.language')
    .execute()
}

/** Private notes of the offer's company on an application, oldest first. */
export function listApplicationNotes(db: DB, userId: number, applicationId: number) {
  return db
    .selectFrom('application_notes as n')
    .innerJoin('applications as a', 'a.id', 'n.application_id')
    .innerJoin('offers as o', 'o.id', 'a.offer_id')
    .leftJoin('users as author', 'author.id', 'n.author_id')
    .select(['n.id', 'n.body', 'n.created_at', 'author.display_name as author_name'])
    .where('a.id', '=', applicationId)
    .where(memberOfOfferCompany(userId))
    .orderBy('n.created_at')
    .orderBy('n.id')
    .execute()
}

/** Moves an application to any stage; false if the user's companies do not hold it or the candidate withdrew it. */
export async function moveApplicationStage(db: DB, userId: number, applicationId: number, stage: ApplicationStage, now: Date) {
  const result = await db
    .updateTable('applications')
    .set({ stage, stage_changed_at: now.toISOString() })
    .where('id', '=', applicationId)
    .where('withdrawn_at', 'is', null)
    .where('offer_id', 'in', (eb) =>
      eb.selectFrom('offers as o').select('o.id').where(memberOfOfferCompany(userId)))
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

export async function addApplicationNote(db: DB, userId: number, applicationId: number, body: string, now: Date) {
  // One statement: the membership check and the insert cannot be split apart.
  const result = await db
    .insertInto('application_notes')
    .columns(['application_id', 'author_id', 'body', 'created_at'])
    .expression((eb) =>
      eb
        .selectFrom('applications as a')
        .innerJoin('offers as o', 'o.id', 'a.offer_id')
        .select([
          'a.id',
          sql.lit(userId).as('author_id'),
          eb.val(body).as('body'),
          eb.val(now.toISOString()).as('created_at'),
        ])
        .where('a.id', '=', applicationId)
        .where(memberOfOfferCompany(userId)))
    .executeTakeFirst()
  return (result.numInsertedOrUpdatedRows ?? 0n) > 0n
}

/** The CV shared by applying, for the offer's company only. */
export function findApplicationCv(db: DB, userId: number, applicationId: number) {
  return db
    .selectFrom('applications as a')
    .innerJoin('offers as o', 'o.id', 'a.offer_id')
    .innerJoin('candidate_profiles as p', 'p.user_id', 'a.candidate_id')
    .select(['p.cv_file', 'p.cv_name', 'p.last_name'])
    .where('a.id', '=', applicationId)
    .where('p.cv_file', 'is not', null)
    // A withdrawn application no longer shares the CV.
    .where('a.withdrawn_at', 'is', null)
    .where(memberOfOfferCompany(userId))
    .executeTakeFirst()
}

/** One row per application of the offer, with what the CSV export needs. */
export function listApplicationsForExport(db: DB, userId: number, offerId: number) {
  return db
    .selectFrom('applications as a')
    .innerJoin('offers as o', 'o.id', 'a.offer_id')
    .leftJoin('users as u', 'u.id', 'a.candidate_id')
    .leftJoin('candidate_profiles as p', 'p.user_id', 'a.candidate_id')
    .leftJoin('communes as c', 'c.insee', 'p.commune_insee')
    .select((eb) => [
      'a.id', 'a.stage', 'a.created_at', 'a.withdrawn_at', 'a.message', 'a.candidate_id', 'u.email', 'p.first_name', 'p.last_name',
      'p.school', 'p.programme', 'p.degree_level', 'p.graduation_year', 'c.name as commune_name',
      eb
        .selectFrom('candidate_skills as cs')
        .innerJoin('skills as s', 's.id', 'cs.skill_id')
        .select(sql<string>`group_concat(s.name, ', ')`.as('skills'))
        .whereRef('cs.user_id', '=', 'a.candidate_id')
        .as('skills'),
    ])
    .where('a.offer_id', '=', offerId)
    .where(memberOfOfferCompany(userId))
    .orderBy('a.created_at')
    .orderBy('a.id')
    .execute()
}
