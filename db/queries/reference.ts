import { sql } from 'kysely'
import type { DB } from '../connection.ts'

/** The region this board serves (REGION, written by db/seed/reference.ts at boot). */
export function findActiveRegion(db: DB) {
  return db.selectFrom('regions').select(['id', 'slug', 'name']).where('active', '=', 1).executeTakeFirst()
}

export function listTerritories(db: DB) {
  return db
    .selectFrom('territories as t')
    .innerJoin('regions as r', 'r.id', 't.region_id')
    .select(['t.slug', 't.name'])
    .where('r.active', '=', 1)
    .orderBy('t.name')
    .execute()
}

export function listClusters(db: DB) {
  return db
    .selectFrom('clusters as c')
    .innerJoin('regions as r', 'r.id', 'c.region_id')
    .select(['c.slug', 'c.name'])
    .where('r.active', '=', 1)
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

/** A skill's other spellings, "|"-separated ("firewall|pare-feux"), or null: the skill pickers' search box reads them. */
export const skillAliasesText = sql<string | null>`(select group_concat(alias, '|') from skill_aliases where skill_id = skills.id)`.as('aliases')
