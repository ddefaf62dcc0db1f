import { sql } from 'kysely'
import type { DB } from '../connection.ts'
import { isVisibleOffer, listOfferSkills } from './offers.ts'

/**
 * What the public API, the feeds and the sitemap read: published offers not
 * past their expiry, and nothing about people (no recruiter, no applicant).
 */
/** One published, unexpired offer by id, as the API shows it. */
export async function findPublicOfferById(db: DB, id: number, now: Date) {
  const offer = await db
    .selectFrom('offers as o')
    .innerJoin('companies as co', 'co.id', 'o.company_id')
    .innerJoin('communes as c', 'c.insee', 'o.commune_insee')
    .leftJoin('territories as t', 't.id', 'c.territory_id')
    .leftJoin('occupations as oc', 'oc.code', 'o.occupation')
    .select([
      'o.id', 'o.slug', 'o.title', 'o.description_md', 'o.remote_policy', 'o.contract_type', 'o.experience_level',
      'o.salary_min', 'o.salary_max', 'o.salary_period', 'o.start_date', 'o.published_at', 'o.expires_at', 'o.updated_at',
      'oc.code as occupation_code', 'oc.label as occupation_label',
      'co.slug as company_slug', sql<string>`coalesce(o.employer_name, co.name)`.as('company_name'),
      'c.insee as commune_insee', 'c.name as commune_name', 'c.postal_codes', 'c.latitude', 'c.longitude',
      't.name as territory_name', 't.slug as territory_slug',
      'co.placeholder_source', 'o.source', 'o.source_id', 'o.source_url', 'o.source_updated_at', 'o.remote_stated',
      'o.employer_name', 'o.employer_sector', 'o.employer_size',
    ])
    .where('o.id', '=', id)
    .where(isVisibleOffer(now))
    .executeTakeFirst()
  if (!offer) return undefined
  return { ...offer, skills: await listOfferSkills(db, offer.id) }
}
export type PublicOffer = NonNullable<Awaited<ReturnType<typeof findPublicOfferById>>>

/** The published, unexpired offers (the same test as the offer page's). */
function visibleOffers(db: DB, now: Date) {
  return db.selectFrom('offers as o').where(isVisibleOffer(now))
}

export async function countPublicOffers(db: DB, now: Date): Promise<number> {
  const row = await visibleOffers(db, now).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}

/** One file of the sitemap: offers in publication order (new ones land in the last file). */
export function listPublicOfferUrls(db: DB, now: Date, offset: number, limit: number) {
  return visibleOffers(db, now)
    .select(['o.slug', 'o.updated_at', 'o.published_at'])
    .orderBy('o.published_at')
    .orderBy('o.id')
    .limit(limit)
    .offset(offset)
    .execute()
}

export async function countCompanies(db: DB): Promise<number> {
  // The placeholder employers of imported offers (decision 012) have no page worth indexing.
  const row = await db.selectFrom('companies').where('placeholder_source', 'is', null).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Companies for the sitemap, with the date their page last gained an offer (its last change a crawler can see). */
export function listCompanyUrls(db: DB, offset: number, limit: number) {
  return db
    .selectFrom('companies as co')
    .select((eb) => [
      'co.slug',
      'co.created_at',
      eb.selectFrom('offers as o').select((e) => e.fn.max('o.published_at').as('p'))
        .whereRef('o.company_id', '=', 'co.id').where('o.status', '=', 'published').as('last_offer_at'),
    ])
    .where('co.placeholder_source', 'is', null)
    .orderBy('co.id')
    .limit(limit)
    .offset(offset)
    .execute()
}

/** Forums announced to the public (not drafts), as /forums lists them. */
export function listPublicForumUrls(db: DB) {
  return db.selectFrom('forums').select(['slug', 'updated_at']).where('status', '!=', 'draft').orderBy('id').execute()
}

/**
 * The aggregator feed's offers, in publication order after `after`, with what a job board
 * shows (never a person): read in batches so the feed streams at any size.
 * Only offers written here (`source = 'manual'`): imported ones are already
 * at their source, which aggregators read themselves (decision 013).
 */
export type FeedCursor = { publishedAt: string; id: number }
export function listPublicOffersForFeed(db: DB, now: Date, after: FeedCursor | null, limit: number) {
  return visibleOffers(db, now)
    .innerJoin('companies as co', 'co.id', 'o.company_id')
    .innerJoin('communes as c', 'c.insee', 'o.commune_insee')
    .leftJoin('occupations as oc', 'oc.code', 'o.occupation')
    .select([
      'o.id', 'o.slug', 'o.title', 'o.description_md', 'o.remote_policy', 'o.contract_type', 'o.experience_level',
      'o.salary_min', 'o.salary_max', 'o.salary_period', 'o.published_at', 'o.expires_at', 'o.updated_at',
      'oc.label as occupation_label', sql<string>`coalesce(o.employer_name, co.name)`.as('company_name'), 'co.slug as company_slug',
      'c.name as commune_name', 'c.postal_codes', 'c.department',
    ])
    // Not re-published: imported offers are at their source already (decision 013); `+` keeps the source index out.
    .where(sql`+o.source`, '=', 'manual')
    // In publication order, the order of the (status, published_at) index: no batch sorts every offer.
    .$if(after !== null, (q) => q.where((eb) => eb(eb.refTuple('o.published_at', 'o.id'), '>', eb.tuple(after!.publishedAt, after!.id))))
    .orderBy('o.published_at')
    .orderBy('o.id')
    .limit(limit)
    .execute()
}
export type FeedOffer = Awaited<ReturnType<typeof listPublicOffersForFeed>>[number]
