import { sql } from 'kysely'
import type { DB } from '../connection.ts'

/**
 * What a visitor may see of an offer (`offers as o`): published, and not past its expiry. One test for the offer
 * page, the API, the feeds, the sitemap and saved offers.
 */
export const isVisibleOffer = (now: Date) => {
  const at = now.toISOString()
  return sql<boolean>`(o.status = 'published' and o.published_at <= ${at} and (o.expires_at is null or o.expires_at > ${at}))`
}

/**
 * An offer as a job seeker may see it: published and not past its expiry.
 * Drafts, offers awaiting moderation, closed and expired offers are not found.
 */
export async function findVisibleOfferBySlug(db: DB, slug: string, now: Date) {
  const offer = await db
    .selectFrom('offers as o')
    .innerJoin('companies as co', 'co.id', 'o.company_id')
    .innerJoin('communes as c', 'c.insee', 'o.commune_insee')
    .leftJoin('territories as t', 't.id', 'c.territory_id')
    .leftJoin('occupations as oc', 'oc.code', 'o.occupation')
    .select([
      'oc.code as occupation_code', 'oc.label as occupation_label',
      'o.id', 'o.slug', 'o.title', 'o.description_md', 'o.remote_policy', 'o.contract_type',
      'o.experience_level', 'o.salary_min', 'o.salary_max', 'o.salary_period', 'o.start_date',
      'o.published_at', 'o.expires_at',
      'co.slug as company_slug', 'co.website as company_website', 'co.logo_mime as company_logo_mime',
      // An imported offer names its employer itself (decision 012).
      sql<string>`coalesce(o.employer_name, co.name)`.as('company_name'), 'co.placeholder_source',
      'o.source', 'o.source_id', 'o.source_url', 'o.remote_stated', 'o.education_json', 'o.salary_min_cents', 'o.salary_max_cents', 'o.salary_text',
      'o.employer_sector', 'o.employer_size', 'o.working_time', 'o.positions', 'o.qualification',
      'c.insee as commune_insee', 'c.name as commune_name', 'c.postal_codes', 'c.latitude', 'c.longitude',
      't.name as territory_name', 't.slug as territory_slug',
    ])
    .where('o.slug', '=', slug)
    .where(isVisibleOffer(now))
    .executeTakeFirst()
  if (!offer) return undefined
  return { ...offer, skills: await listOfferSkills(db, offer.id) }
}

/** An offer's skills, the required ones first, then by name (the offer page, the API). */
export function listOfferSkills(db: DB, offerId: number) {
  return db
    .selectFrom('offer_skills as os')
    .innerJoin('skills as s', 's.id', 'os.skill_id')
    .select(['s.slug', 's.name', 'os.required'])
    .where('os.offer_id', '=', offerId)
    .orderBy('os.required', 'desc')
    .orderBy('s.name')
    .execute()
}
