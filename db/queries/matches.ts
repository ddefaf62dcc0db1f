import { sql } from 'kysely'
import type { DB } from '../connection.ts'

/** Public facts of published offers, for the cards of "Offres pour vous" (the ids come from the matching engine). */
export function listOfferCards(db: DB, offerIds: number[]) {
  if (offerIds.length === 0) return Promise.resolve([])
  return db
    .selectFrom('offers as o')
    .innerJoin('companies as co', 'co.id', 'o.company_id')
    .innerJoin('communes as c', 'c.insee', 'o.commune_insee')
    .select(['o.id', 'o.slug', 'o.title', 'o.contract_type', 'co.name as company_name', 'c.name as commune'])
    .where('o.id', 'in', offerIds)
    // `+o.status`: found by id. Without the plus SQLite may choose the status index and read every published offer.
    .where(sql<string>`+o.status`, '=', 'published')
    .execute()
}

/** Whether the candidate has filled in a profile at all, and whether it lists skills (what matching reads). */
export async function findOwnMatchingReadiness(db: DB, userId: number) {
  const row = await db
    .selectFrom('candidate_profiles as p')
    .select((eb) => [
      'p.visibility',
      eb.selectFrom('candidate_skills as cs').select((e) => e.fn.countAll<number>().as('n')).whereRef('cs.user_id', '=', 'p.user_id').as('skills'),
    ])
    .where('p.user_id', '=', userId)
    .executeTakeFirst()
  return row ? { visibility: row.visibility, skills: Number(row.skills ?? 0) } : null
}
