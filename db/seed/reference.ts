import { readFileSync } from 'node:fs'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'
import { sql, type Insertable, type Transaction } from 'kysely'
import type { DB } from '../connection.ts'
import { DEFAULT_REGION_SLUG, regionDefinition, regions, type RegionDefinition } from '../reference/regions.ts'
import { skills } from '../reference/skills.ts'
import type { CommuneTable, Database } from '../schema.ts'
import { seedOccupations } from './occupations.ts'

// Resolved from the working directory (the repository root for npm scripts and tests), not from this
// module's URL, which a bundle would move.
const COMMUNES_FILE = path.resolve('db/reference/data/communes.tsv.gz')

/**
 * Communes of all France, the regions and their territories, the skills
 * taxonomy and the occupations. Each part is written once; a later call only
 * switches the active region when `regionSlug` names another one.
 */
export async function seedReferenceData(db: DB, regionSlug?: string): Promise<void> {
  // Without a region asked for, the database keeps the one it serves.
  const current = await db.selectFrom('regions').select('slug').where('active', '=', 1).executeTakeFirst()
  const active = regionDefinition(regionSlug ?? current?.slug ?? DEFAULT_REGION_SLUG)
  await seedCommunes(db)
  await db.transaction().execute(async (trx) => {
    for (const region of regions) await ensureRegion(trx, region)
    await activateRegion(trx, active)
    await syncSkills(trx)
  })
  await seedOccupations(db)
}

/** The derived national file (db/reference/derive-communes.ts): INSEE, name, department, postcodes, EPCI, population, point. */
export function readCommunesFile(): Insertable<CommuneTable>[] {
  const [, ...lines] = gunzipSync(readFileSync(COMMUNES_FILE)).toString('utf8').trimEnd().split('\n')
  return lines.map((line) => {
    const [insee, name, department, postcodes, epci, population, lat, lon] = line.split('\t') as string[]
    return {
      insee: insee!,
      name: name!,
      department: department!,
      postal_codes: JSON.stringify(postcodes ? postcodes.split(' ') : []),
      epci: epci || null,
      population: population ? Number(population) : null,
      latitude: Number(lat),
      longitude: Number(lon),
    }
  })
}

/** Every current commune with its point; an older database (two departments, few points) is completed in place. */
async function seedCommunes(db: DB): Promise<void> {
  const rows = readCommunesFile()
  const { located } = await db
    .selectFrom('communes')
    .select((eb) => eb.fn.count<number>('insee').as('located'))
    .where('latitude', 'is not', null)
    .where('epci', 'is not', null)
    .executeTakeFirstOrThrow()
  // Communes without an EPCI (islands such as Île-de-Sein) are the few the count may miss.
  if (located >= rows.filter((r) => r.epci).length) return
  // One statement over a JSON array: 35,000 rows in a fraction of the time of batched inserts
  // (every test database is built this way).
  const payload = JSON.stringify(
    rows.map((r) => [r.insee, r.name, r.department, r.postal_codes, r.epci, r.population, r.latitude, r.longitude]),
  )
  await sql`
    insert into communes (insee, name, department, postal_codes, epci, population, latitude, longitude)
    select value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, value ->> 7
    from json_each(${payload}) where true
    on conflict (insee) do update set name = excluded.name, department = excluded.department,
      postal_codes = excluded.postal_codes, epci = excluded.epci, population = excluded.population,
      latitude = excluded.latitude, longitude = excluded.longitude`.execute(db)
}

async function ensureRegion(trx: Transaction<Database>, region: RegionDefinition): Promise<void> {
  const existing = await trx.selectFrom('regions').select('id').where('slug', '=', region.slug).executeTakeFirst()
  const regionId =
    existing?.id ??
    (await trx.insertInto('regions').values({ slug: region.slug, name: region.name }).returning('id').executeTakeFirstOrThrow()).id
  if (existing) await trx.updateTable('regions').set({ name: region.name }).where('id', '=', regionId).execute()
  for (const cluster of region.clusters) {
    await trx
      .insertInto('clusters')
      .values({ region_id: regionId, ...cluster })
      .onConflict((oc) => oc.column('slug').doUpdateSet({ name: cluster.name }))
      .execute()
  }
  for (const territory of region.territories) {
    await trx
      .insertInto('territories')
      .values({ region_id: regionId, slug: territory.slug, name: territory.name })
      .onConflict((oc) => oc.column('slug').doUpdateSet({ name: territory.name }))
      .execute()
  }
}

/**
 * Points the communes at the active region's territories (and no other): the
 * territory facet, the home page and the demo read them. An offer elsewhere
 * is "hors territoire". Done again only when the active region changes.
 */
async function activateRegion(trx: Transaction<Database>, region: RegionDefinition): Promise<void> {
  const current = await trx.selectFrom('regions').select('slug').where('active', '=', 1).executeTakeFirst()
  if (current?.slug === region.slug) return
  await trx.updateTable('regions').set({ active: sql<number>`slug = ${region.slug}` }).execute()
  await trx.updateTable('communes').set({ territory_id: null }).where('territory_id', 'is not', null).execute()
  for (const territory of region.territories) {
    const { id } = await trx.selectFrom('territories').select('id').where('slug', '=', territory.slug).executeTakeFirstOrThrow()
    await trx
      .updateTable('communes')
      .set({ territory_id: id })
      .where((eb) =>
        eb.or([
          ...(territory.epci.length ? [eb('epci', 'in', territory.epci)] : []),
          ...(territory.departments.length ? [eb('department', 'in', territory.departments)] : []),
        ]),
      )
      .execute()
  }
}

/**
 * Brings the skills tables to the taxonomy (db/reference/skills.ts): a skill
 * is found by slug and keeps its id (offers and profiles point at it); new
 * skills and spellings are added, names and categories follow the taxonomy.
 * Nothing is removed, so a database made with a smaller taxonomy grows on its
 * next start without losing a tag. Cheap when nothing changed (two reads).
 */
async function syncSkills(trx: Transaction<Database>): Promise<void> {
  const rows = await trx.selectFrom('skills').select(['id', 'slug', 'name', 'category']).execute()
  const bySlug = new Map(rows.map((r) => [r.slug, r]))
  const taken = new Set((await trx.selectFrom('skill_aliases').select('alias').execute()).map((r) => r.alias))
  for (const skill of skills) {
    let row = bySlug.get(skill.slug)
    if (!row) {
      row = await trx
        .insertInto('skills')
        .values({ slug: skill.slug, name: skill.name, category: skill.category })
        .returning(['id', 'slug', 'name', 'category'])
        .executeTakeFirstOrThrow()
    } else if (row.name !== skill.name || row.category !== skill.category) {
      await trx.updateTable('skills').set({ name: skill.name, category: skill.category }).where('id', '=', row.id).execute()
    }
    const aliases = skill.aliases.filter((alias) => !taken.has(alias))
    aliases.forEach((alias) => taken.add(alias))
    if (aliases.length > 0) {
      await trx.insertInto('skill_aliases').values(aliases.map((alias) => ({ alias, skill_id: row.id }))).execute()
    }
  }
}
