import type { DB } from '../connection.ts'
import { slugify, uniqueSlug } from '../identifiers.ts'

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
      // A source's placeholder (decision 012): no place, size or cluster of its own to show.
      'co.placeholder_source',
    ])
    .where('co.slug', '=', slug)
    .executeTakeFirst()
}

/** Companies by slug with their commune, for lists whose order comes from elsewhere (the search engine's counts). */
export async function companiesBySlug(db: DB, slugs: string[]) {
  if (slugs.length === 0) return new Map<string, { slug: string; name: string; commune_name: string }>()
  const rows = await db
    .selectFrom('companies as co')
    .innerJoin('communes as c', 'c.insee', 'co.commune_insee')
    .select(['co.slug', 'co.name', 'c.name as commune_name'])
    .where('co.slug', 'in', slugs)
    .execute()
  return new Map(rows.map((r) => [r.slug, r]))
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
