import type { DB } from '../connection.ts'

export const DEFAULT_REGION_SLUG = 'littoral-hauts-de-france'

export function findRegion(db: DB, slug = DEFAULT_REGION_SLUG) {
  return db.selectFrom('regions').select(['id', 'slug', 'name']).where('slug', '=', slug).executeTakeFirst()
}

export function listTerritories(db: DB, regionSlug = DEFAULT_REGION_SLUG) {
  return db
    .selectFrom('territories as t')
    .innerJoin('regions as r', 'r.id', 't.region_id')
    .select(['t.slug', 't.name'])
    .where('r.slug', '=', regionSlug)
    .orderBy('t.name')
    .execute()
}

/** Communes that can centre a radius search: those with coordinates. */
export function listLocatedCommunes(db: DB) {
  return db
    .selectFrom('communes as c')
    .leftJoin('territories as t', 't.id', 'c.territory_id')
    .select(['c.insee', 'c.name', 'c.department', 't.name as territory'])
    .where('c.latitude', 'is not', null)
    .orderBy('c.name')
    .execute()
}

export async function skillNamesBySlug(db: DB, slugs: string[]): Promise<Map<string, string>> {
  if (slugs.length === 0) return new Map()
  const rows = await db.selectFrom('skills').select(['slug', 'name']).where('slug', 'in', slugs).execute()
  return new Map(rows.map((r) => [r.slug, r.name]))
}

export async function companyNamesBySlug(db: DB, slugs: string[]): Promise<Map<string, string>> {
  if (slugs.length === 0) return new Map()
  const rows = await db.selectFrom('companies').select(['slug', 'name']).where('slug', 'in', slugs).execute()
  return new Map(rows.map((r) => [r.slug, r.name]))
}
