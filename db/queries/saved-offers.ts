import { sql } from 'kysely'
import type { DB } from '../connection.ts'
import { isVisibleOffer } from './offers.ts'

/**
 * Offers a candidate keeps, and the marks their own rows put on offers
 * (saved, applied, withdrawn). Every query names the candidate in SQL.
 */

/** Keeps an offer (again: nothing changes). Only a published offer can be saved. */
export async function saveOffer(db: DB, userId: number, offerId: number, now: Date): Promise<boolean> {
  const offer = await db.selectFrom('offers').select('id').where('id', '=', offerId).where('status', '=', 'published').executeTakeFirst()
  if (!offer) return false
  await db
    .insertInto('saved_offers')
    .values({ user_id: userId, offer_id: offerId, created_at: now.toISOString() })
    .onConflict((oc) => oc.doNothing())
    .execute()
  return true
}

export async function unsaveOffer(db: DB, userId: number, offerId: number): Promise<void> {
  await db.deleteFrom('saved_offers').where('user_id', '=', userId).where('offer_id', '=', offerId).execute()
}

/** The candidate's saved offers, newest first; an offer no longer public stays listed, unlinked. */
export function listSavedOffers(db: DB, userId: number, now: Date) {
  return db
    .selectFrom('saved_offers as s')
    .innerJoin('offers as o', 'o.id', 's.offer_id')
    .innerJoin('companies as co', 'co.id', 'o.company_id')
    .innerJoin('communes as c', 'c.insee', 'o.commune_insee')
    .leftJoin('applications as a', (join) => join.onRef('a.offer_id', '=', 's.offer_id').on('a.candidate_id', '=', userId))
    .select((eb) => [
      'o.id', 'o.slug', 'o.title', 'o.contract_type', sql<string>`coalesce(o.employer_name, co.name)`.as('company_name'), 'c.name as commune', 's.created_at as saved_at',
      'a.created_at as applied_at', 'a.withdrawn_at',
      eb.case().when(isVisibleOffer(now)).then(1).else(0).end().as('public'),
    ])
    .where('s.user_id', '=', userId)
    .orderBy('s.created_at', 'desc')
    .orderBy('s.offer_id', 'desc')
    .execute()
}

export type OfferMark = { saved: boolean; appliedAt: string | null; withdrawnAt: string | null }

/**
 * The candidate's marks on a page of offers, in one statement: saved offers
 * and applications among `offerIds`, both read by the candidate's own index.
 */
export async function offerMarks(db: DB, userId: number, offerIds: number[]): Promise<Map<number, OfferMark>> {
  const marks = new Map<number, OfferMark>()
  if (offerIds.length === 0) return marks
  const rows = await db
    .selectFrom('saved_offers')
    .select(['offer_id', sql<number>`1`.as('saved'), sql<string | null>`null`.as('applied_at'), sql<string | null>`null`.as('withdrawn_at')])
    .where('user_id', '=', userId)
    .where('offer_id', 'in', offerIds)
    .unionAll((eb) =>
      eb.selectFrom('applications')
        .select(['offer_id', sql<number>`0`.as('saved'), 'created_at as applied_at', 'withdrawn_at'])
        .where('candidate_id', '=', userId)
        .where('offer_id', 'in', offerIds))
    .execute()
  for (const row of rows) {
    const mark = marks.get(row.offer_id) ?? { saved: false, appliedAt: null, withdrawnAt: null }
    if (row.saved) mark.saved = true
    if (row.applied_at) {
      mark.appliedAt = row.applied_at
      mark.withdrawnAt = row.withdrawn_at
    }
    marks.set(row.offer_id, mark)
  }
  return marks
}
