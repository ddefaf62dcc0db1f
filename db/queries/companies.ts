import { sql } from 'kysely'
import type { DB } from '../connection.ts'
import { slugify, uniqueSlug } from '../identifiers.ts'

const visibleOffer = (now: Date) =>
  sql<boolean>`o.status = 'published' and o.published_at <= ${now.toISOString()}
    and (o.expires_at is null or o.expires_at > ${now.toISOString()})`

export function findCompanyBySlug(db: DB, slug: string) {
  return db
    .selectFrom('companies as co')
    .innerJoin('communes as c', 'c.insee', 'co.commune_insee')
    .leftJoin('territories as t', 't.id', 'c.territory_id')
    .leftJoin('clusters as cl', 'cl.id', 'co.cluster_id')
    .select([
      'co.id', 'co.slug', 'co.name', 'co.siren', 'co.naf_code', 'co.size_band', 'co.description', 'co.website',
      'c.name as commune_name', 't.name as territory_name', 'cl.name as cluster_name',
      // Whether there is a logo; the file's name stays server-side.
      'co.logo_mime',
    ])
    .where('co.slug', '=', slug)
    .executeTakeFirst()
}

/** Companies with the most offers open right now. */
export function listHiringCompanies(db: DB, now: Date, limit: number) {
  return db
    .selectFrom('companies as co')
    .innerJoin('offers as o', 'o.company_id', 'co.id')
    .innerJoin('communes as c', 'c.insee', 'co.commune_insee')
    .select((eb) => ['co.slug', 'co.name', 'c.name as commune_name', eb.fn.countAll<number>().as('open_offers')])
    .where(visibleOffer(now))
    .groupBy('co.id')
    .orderBy('open_offers', 'desc')
    .orderBy('co.name')
    .limit(limit)
    .execute()
}

/** Open offers per territory of a region, for the home page. */
/** Open offers in each territory of the active region. */
export function countOpenOffersByTerritory(db: DB, now: Date) {
  return db
    .selectFrom('territories as t')
    .innerJoin('regions as r', 'r.id', 't.region_id')
    .leftJoin('communes as c', 'c.territory_id', 't.id')
    .leftJoin('offers as o', (join) => join.onRef('o.commune_insee', '=', 'c.insee').on(visibleOffer(now)))
    .select((eb) => ['t.slug', 't.name', eb.fn.count<number>('o.id').as('open_offers')])
    .where('r.active', '=', 1)
    .groupBy('t.id')
    .orderBy('t.name')
    .execute()
}

export type NewCompanyInput = {
  name: string
  siren: string | null
  nafCode: string
  sizeBand: '1-9' | '10-49' | '50-249' | '250+'
  clusterSlug: string | null
  communeInsee: string
  website: string | null
  description: string
}

/** Creates a company and makes `ownerId` its owner, in one transaction. */
export async function createCompanyWithOwner(db: DB, ownerId: number, input: NewCompanyInput, now: Date) {
  return db.transaction().execute(async (trx) => {
    const base = slugify(input.name) || 'entreprise'
    const taken = new Set(
      (await trx.selectFrom('companies').select('slug').where('slug', 'like', `${base}%`).execute()).map((r) => r.slug),
    )
    const cluster = input.clusterSlug
      ? await trx.selectFrom('clusters').select('id').where('slug', '=', input.clusterSlug).executeTakeFirst()
      : undefined
    const company = await trx
      .insertInto('companies')
      .values({
        slug: uniqueSlug(base, taken),
        name: input.name,
        siren: input.siren ? input.siren.slice(0, 9) : null,
        naf_code: input.nafCode,
        size_band: input.sizeBand,
        cluster_id: cluster?.id ?? null,
        description: input.description,
        website: input.website,
        commune_insee: input.communeInsee,
        created_at: now.toISOString(),
      })
      .returning(['id', 'slug'])
      .executeTakeFirstOrThrow()
    await trx
      .insertInto('company_members')
      .values({ company_id: company.id, user_id: ownerId, role: 'owner', created_at: now.toISOString() })
      .execute()
    return company
  })
}

/** The companies a user belongs to, with their role there. */
export function listCompaniesOfMember(db: DB, userId: number) {
  return db
    .selectFrom('company_members as m')
    .innerJoin('companies as co', 'co.id', 'm.company_id')
    .innerJoin('communes as c', 'c.insee', 'co.commune_insee')
    .select(['co.slug', 'co.name', 'c.name as commune_name', 'm.role'])
    .where('m.user_id', '=', userId)
    .orderBy('co.name')
    .execute()
}
