import { indexOffer } from '#search/embedded/offer-index.ts'
import type { DB } from '../connection.ts'
import type { ReportReason } from '../domain.ts'
import { DEFAULT_VALIDITY_DAYS } from './recruiter-offers.ts'

/**
 * What admins moderate: companies to verify, offers waiting for approval,
 * and reports filed by visitors. Callers check the admin role; these
 * functions only ever change the one row they are given.
 */

const DAY_MS = 86_400_000

export async function moderationCounts(db: DB) {
  const count = (query: { executeTakeFirstOrThrow(): Promise<{ n: number }> }) => query.executeTakeFirstOrThrow().then((r) => r.n)
  const [companies, offers, reports] = await Promise.all([
    count(db.selectFrom('companies').select((eb) => eb.fn.countAll<number>().as('n')).where('verified_at', 'is', null)),
    count(db.selectFrom('offers').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'pending')),
    count(db.selectFrom('offer_reports').select((eb) => eb.fn.countAll<number>().as('n')).where('resolved_at', 'is', null)),
  ])
  return { companies, offers, reports }
}

export function listUnverifiedCompanies(db: DB) {
  return db
    .selectFrom('companies as co')
    .innerJoin('communes as c', 'c.insee', 'co.commune_insee')
    .select(['co.id', 'co.slug', 'co.name', 'co.siren', 'co.naf_code', 'co.website', 'co.created_at', 'c.name as commune_name'])
    .select((eb) =>
      eb.selectFrom('offers as o').select((e) => e.fn.countAll<number>().as('n')).whereRef('o.company_id', '=', 'co.id')
        .where('o.status', '=', 'pending').as('pending_offers'),
    )
    .where('co.verified_at', 'is', null)
    .orderBy('co.created_at')
    .execute()
}

/**
 * Verified companies (no source's placeholder) whose slug starts as the typed
 * name's does, for the admin to open their offer import (decision 012): a
 * range of the slug's unique index, never a scan of every company.
 */
export function findImportableCompanies(db: DB, slugPrefix: string, limit = 20) {
  return db
    .selectFrom('companies as co')
    .select(['co.id', 'co.slug', 'co.name'])
    .where('co.slug', '>=', slugPrefix)
    .where('co.slug', '<', `${slugPrefix}\uffff`)
    .where('co.verified_at', 'is not', null)
    .where('co.placeholder_source', 'is', null)
    .orderBy('co.slug')
    .limit(limit)
    .execute()
}

export async function verifyCompany(db: DB, companyId: number, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('companies')
    .set({ verified_at: now.toISOString() })
    .where('id', '=', companyId)
    .where('verified_at', 'is', null)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

/** One page of the offers waiting for approval, oldest change first (the queue's order, read from its index). */
export function listPendingOffers(db: DB, { limit = 50, offset = 0 }: { limit?: number; offset?: number } = {}) {
  return db
    .selectFrom('offers as o')
    .innerJoin('companies as co', 'co.id', 'o.company_id')
    .select(['o.id', 'o.title', 'o.updated_at', 'co.name as company_name', 'co.slug as company_slug', 'co.verified_at'])
    .where('o.status', '=', 'pending')
    .orderBy('o.updated_at')
    .orderBy('o.id')
    .limit(limit)
    .offset(offset)
    .execute()
}

export function findOfferForModeration(db: DB, offerId: number) {
  return db
    .selectFrom('offers as o')
    .innerJoin('companies as co', 'co.id', 'o.company_id')
    .innerJoin('communes as c', 'c.insee', 'o.commune_insee')
    .select(['o.id', 'o.slug', 'o.title', 'o.status', 'o.description_md', 'o.contract_type', 'o.updated_at',
      'o.moderation_note', 'co.name as company_name', 'co.slug as company_slug', 'co.verified_at', 'c.name as commune_name'])
    .where('o.id', '=', offerId)
    .executeTakeFirst()
}

/** The addresses of everyone who manages the offer's company: they hear of the decision. */
export function companyRecipientsOfOffer(db: DB, offerId: number) {
  return db
    .selectFrom('offers as o')
    .innerJoin('company_members as m', 'm.company_id', 'o.company_id')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.email', 'u.display_name'])
    .where('o.id', '=', offerId)
    .execute()
}

export type ModerationDecision = { approve: true } | { approve: false; reason: string }

/**
 * Approves (online now, valid 60 days) or rejects (back to draft, with the
 * reason the recruiter will read) a pending offer. Null when the offer is no
 * longer pending, e.g. another admin decided first.
 */
export async function decidePendingOffer(
  db: DB,
  offerId: number,
  decision: ModerationDecision,
  now: Date,
): Promise<{ status: 'published' | 'draft' } | null> {
  return db.transaction().execute(async (trx) => {
    const changes = decision.approve
      ? {
          status: 'published' as const,
          published_at: now.toISOString(),
          expires_at: new Date(now.getTime() + DEFAULT_VALIDITY_DAYS * DAY_MS).toISOString(),
          moderation_note: null,
        }
      : { status: 'draft' as const, moderation_note: decision.reason }
    const result = await trx
      .updateTable('offers')
      .set({ ...changes, updated_at: now.toISOString() })
      .where('id', '=', offerId)
      .where('status', '=', 'pending')
      .executeTakeFirst()
    if (result.numUpdatedRows === 0n) return null
    await indexOffer(trx, offerId)
    return { status: changes.status }
  })
}

export async function createOfferReport(
  db: DB,
  report: { offerId: number; reporterId: number | null; reason: ReportReason; message: string },
  now: Date,
): Promise<void> {
  await db
    .insertInto('offer_reports')
    .values({ offer_id: report.offerId, reporter_id: report.reporterId, reason: report.reason, message: report.message,
      created_at: now.toISOString() })
    .execute()
}

export function listOpenReports(db: DB) {
  return db
    .selectFrom('offer_reports as r')
    .innerJoin('offers as o', 'o.id', 'r.offer_id')
    .innerJoin('companies as co', 'co.id', 'o.company_id')
    .leftJoin('users as u', 'u.id', 'r.reporter_id')
    .select(['r.id', 'r.reason', 'r.message', 'r.created_at', 'o.id as offer_id', 'o.slug as offer_slug',
      'o.title as offer_title', 'o.status as offer_status', 'co.name as company_name', 'u.email as reporter_email'])
    .where('r.resolved_at', 'is', null)
    .orderBy('r.created_at')
    .execute()
}

/**
 * Closes a report. With a `takedownNote`, also takes the offer offline (and
 * out of search) in the same transaction: back to draft with the note, so
 * the company reads why and the next publication waits for moderation.
 * Answers the reported offer's id, or null when the report was already handled.
 */
export async function resolveReport(
  db: DB,
  reportId: number,
  adminId: number,
  options: { takedownNote: string | null },
  now: Date,
): Promise<{ offerId: number } | null> {
  return db.transaction().execute(async (trx) => {
    const report = await trx
      .updateTable('offer_reports')
      .set({ resolved_at: now.toISOString(), resolved_by: adminId })
      .where('id', '=', reportId)
      .where('resolved_at', 'is', null)
      .returning('offer_id')
      .executeTakeFirst()
    if (!report) return null
    if (options.takedownNote) {
      await trx
        .updateTable('offers')
        .set({ status: 'draft', moderation_note: options.takedownNote, updated_at: now.toISOString() })
        .where('id', '=', report.offer_id)
        .execute()
      await indexOffer(trx, report.offer_id)
    }
    return { offerId: report.offer_id }
  })
}
