import type { DB } from '../connection.ts'
import { DEFAULT_REGION_SLUG, regionDefinition, type RegionDefinition } from '../reference/regions.ts'
import type { SeedCommune } from './generate.ts'

/** The definition of the region the database serves (the default one before any is active). */
export async function activeRegionDefinition(db: DB): Promise<RegionDefinition> {
  const active = await db.selectFrom('regions').select('slug').where('active', '=', 1).executeTakeFirst()
  return regionDefinition(active?.slug ?? DEFAULT_REGION_SLUG)
}

/** Where the demo places companies, offers and graduates: the region's chosen communes, in INSEE order. */
export async function demoCommunes(db: DB, region: RegionDefinition): Promise<SeedCommune[]> {
  return db
    .selectFrom('communes')
    .select(['insee', 'name', 'population', 'territory_id'])
    .where('insee', 'in', region.demo.communes)
    .where('latitude', 'is not', null)
    .orderBy('insee')
    .execute()
}
