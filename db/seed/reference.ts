import { createRequire } from 'node:module'
import type { Insertable, Transaction } from 'kysely'
import type { DB } from '../connection.ts'
import { regions, type RegionDefinition } from '../reference/regions.ts'
import { skills } from '../reference/skills.ts'
import type { CommuneTable, Database } from '../schema.ts'

// createRequire rather than a JSON import attribute: it behaves the same under
// tsx, Node and a Vite SSR bundle, and keeps its 12 MB of JSON out of the bundle.
const require = createRequire(import.meta.url)

type EtalabCommune = {
  code: string
  nom: string
  type: string
  departement?: string
  codesPostaux?: string[]
  population?: number
}
type EtalabEpci = { code: string; membres: { code: string }[] }

const BATCH = 500

/**
 * Regions, clusters, territories, communes and the skills taxonomy. Runs once:
 * a database that already has regions is left as it is.
 */
export async function seedReferenceData(db: DB): Promise<void> {
  const existing = await db.selectFrom('regions').select('id').limit(1).executeTakeFirst()
  if (existing) return

  const communes = require('@etalab/decoupage-administratif/data/communes.json') as EtalabCommune[]
  const epcis = require('@etalab/decoupage-administratif/data/epci.json') as EtalabEpci[]

  await db.transaction().execute(async (trx) => {
    for (const region of regions) await seedRegion(trx, region, communes, epcis)
    await seedSkills(trx)
  })
}

async function seedRegion(
  trx: Transaction<Database>,
  region: RegionDefinition,
  communes: EtalabCommune[],
  epcis: EtalabEpci[],
): Promise<void> {
  const { id: regionId } = await trx
    .insertInto('regions')
    .values({ slug: region.slug, name: region.name })
    .returning('id')
    .executeTakeFirstOrThrow()
  for (const cluster of region.clusters) {
    await trx.insertInto('clusters').values({ region_id: regionId, ...cluster }).execute()
  }

  const territoryOfCommune = new Map<string, number>()
  for (const territory of region.territories) {
    const { id } = await trx
      .insertInto('territories')
      .values({ region_id: regionId, slug: territory.slug, name: territory.name })
      .returning('id')
      .executeTakeFirstOrThrow()
    for (const code of territory.epci) {
      const epci = epcis.find((e) => e.code === code)
      if (!epci) throw new Error(`EPCI ${code} (territoire ${territory.slug}) absent du référentiel`)
      for (const member of epci.membres) territoryOfCommune.set(member.code, id)
    }
  }

  const coordinates = new Map(region.coordinates.map(([insee, lat, lon]) => [insee, { lat, lon }]))
  const rows: Insertable<CommuneTable>[] = communes
    .filter((c) => c.type === 'commune-actuelle' && c.departement && region.departments.includes(c.departement))
    .map((c) => ({
      insee: c.code,
      name: c.nom,
      department: c.departement!,
      postal_codes: JSON.stringify(c.codesPostaux ?? []),
      population: c.population ?? null,
      territory_id: territoryOfCommune.get(c.code) ?? null,
      latitude: coordinates.get(c.code)?.lat ?? null,
      longitude: coordinates.get(c.code)?.lon ?? null,
    }))
  // Two regions may share a department: the first one keeps its communes.
  for (let start = 0; start < rows.length; start += BATCH) {
    await trx
      .insertInto('communes')
      .values(rows.slice(start, start + BATCH))
      .onConflict((oc) => oc.column('insee').doNothing())
      .execute()
  }
}

async function seedSkills(trx: Transaction<Database>): Promise<void> {
  const seen = new Set<string>()
  for (const skill of skills) {
    const { id } = await trx
      .insertInto('skills')
      .values({ slug: skill.slug, name: skill.name, category: skill.category })
      .returning('id')
      .executeTakeFirstOrThrow()
    const aliases = skill.aliases.filter((alias) => !seen.has(alias))
    aliases.forEach((alias) => seen.add(alias))
    if (aliases.length > 0) {
      await trx.insertInto('skill_aliases').values(aliases.map((alias) => ({ alias, skill_id: id }))).execute()
    }
  }
}
