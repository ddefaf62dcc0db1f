import { sql, type ExpressionBuilder } from 'kysely'
import type { DB } from '../connection.ts'
import type { Database } from '../schema.ts'

/**
 * Applications as the candidate sees them: every query names the candidate
 * and filters on candidate_id. The recruiters' side lives elsewhere.
 */

/** The same rule as the public offer page: published and not past its expiry. */
const isPublic = (eb: ExpressionBuilder<Database, 'offers'>, now: Date) =>
  eb.and([
    eb('offers.status', '=', 'published'),
    eb('offers.published_at', '<=', now.toISOString()),
    eb.or([eb('offers.expires_at', 'is', null), eb('offers.expires_at', '>', now.toISOString())]),
  ])

export function findOwnApplication(db: DB, candidateId: number, offerId: number) {
  return db
    .selectFrom('applications')
    .select(['id', 'stage', 'created_at', 'withdrawn_at'])
    .where('candidate_id', '=', candidateId)
    .where('offer_id', '=', offerId)
    .executeTakeFirst()
}

/**
 * Applies to an offer, only while it is public. 'already-applied' comes from
 * the unique constraint itself, so two simultaneous clicks cannot both apply.
 */
export async function applyToOffer(
  db: DB,
  candidateId: number,
  offerId: number,
  message: string,
  now: Date,
): Promise<{ id: number } | 'already-applied' | 'offer-unavailable'> {
  try {
    const row = await db
      .insertInto('applications')
      .columns(['offer_id', 'candidate_id', 'message', 'stage', 'created_at', 'stage_changed_at'])
      .expression(
        db
          .selectFrom('offers')
          .select((eb) => [
            'offers.id',
            eb.val(candidateId).as('candidate_id'),
            eb.val(message).as('message'),
            sql<string>`'new'`.as('stage'),
            eb.val(now.toISOString()).as('created_at'),
            eb.val(now.toISOString()).as('stage_changed_at'),
          ])
          .where('offers.id', '=', offerId)
          .where((eb) => isPublic(eb, now)),
      )
      .returning('id')
      .executeTakeFirst()
    return row ?? 'offer-unavailable'
  } catch (error) {
    if (error instanceof Error && /UNIQUE constraint failed: applications\.offer_id, applications\.candidate_id/.test(error.message)) {
      return 'already-applied'
    }
    throw error
  }
}

/** The candidate's applications, newest first; the offer is linked only while it is public. */
export function listOwnApplications(db: DB, candidateId: number, now: Date) {
  return db
    .selectFrom('applications as a')
    .innerJoin('offers', 'offers.id', 'a.offer_id')
    .innerJoin('companies as co', 'co.id', 'offers.company_id')
    .select((eb) => [
      'a.id', 'a.stage', 'a.created_at', 'a.stage_changed_at', 'a.withdrawn_at',
      'offers.title as offer_title', 'offers.slug as offer_slug', 'co.name as company_name',
      eb.case().when(isPublic(eb, now)).then(1).else(0).end().as('offer_public'),
    ])
    .where('a.candidate_id', '=', candidateId)
    .orderBy('a.created_at', 'desc')
    .orderBy('a.id', 'desc')
    .execute()
}

/**
 * The candidate withdraws their application: the company keeps the row (and sees "retirée"),
 * no longer the profile nor the CV. False when it is not theirs or already withdrawn.
 */
export async function withdrawOwnApplication(db: DB, candidateId: number, applicationId: number, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('applications')
    .set({ withdrawn_at: now.toISOString() })
    .where('id', '=', applicationId)
    .where('candidate_id', '=', candidateId)
    .where('withdrawn_at', 'is', null)
    .executeTakeFirst()
  return result.numUpdatedRows === 1n
}
