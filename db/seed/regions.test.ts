import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { loader as homeLoader } from '#app/routes/home.tsx'
import { findActiveRegion, listClusters, listTerritories } from '#db/queries/reference.ts'
import { createSearchEngine } from '#search/index.ts'
import { offerQuery } from '#search/query-params.ts'
import { openDatabase } from '../connection.ts'
import { prepareDatabase } from '../prepare.ts'
import { regions } from '../reference/regions.ts'

const folder = mkdtempSync(path.join(tmpdir(), 'passerelle-regions-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

// One database per region, prepared as `REGION=<slug> npm start` does: reference data, then the demo.
describe.each(regions.map((r) => [r.slug, r] as const))('REGION=%s', (slug, region) => {
  it('boots a board of that region: its name, territories, clusters and a demo placed there', async () => {
    const { db, sqlite } = openDatabase(path.join(folder, `${slug}.sqlite`))
    try {
      expect(await prepareDatabase(db, { demo: true, region: slug })).toEqual({ seeded: true })
      expect((await findActiveRegion(db))?.name).toBe(region.name)
      expect((await listTerritories(db)).map((t) => t.slug).sort()).toEqual(region.territories.map((t) => t.slug).sort())
      expect((await listClusters(db)).map((c) => c.name)).toEqual(region.clusters.map((c) => c.name))

      // The companies live in the region's demo communes (every territory's open offers are counted below).
      const companies = await db.selectFrom('companies').select(['commune_insee', 'name']).execute()
      expect(companies.every((c) => region.demo.communes.includes(c.commune_insee))).toBe(true)
      expect(companies.some((c) => region.demo.companyNamePrefixes.some((p) => c.name.includes(p)))).toBe(true)

      // A radius search around the region's centre finds offers there, nearest first, all within the radius.
      const search = createSearchEngine({ engine: 'embedded' }, sqlite)
      const near = await search.searchOffers(offerQuery({ near: { insee: region.centre.commune, radiusKm: 30 }, sort: 'distance', perPage: 50 }))
      expect(near.total).toBeGreaterThan(10)
      const distances = near.hits.map((h) => h.distanceKm ?? Number.NaN)
      expect(distances.every((d) => d <= 30)).toBe(true)
      expect(distances).toEqual([...distances].sort((a, b) => a - b))
      // The territory facet names the region's territories, and the offers elsewhere as "hors territoire".
      const all = await search.searchOffers(offerQuery())
      const facet = all.facets.territory.map((f) => f.value)
      expect(facet.filter((v) => v !== 'hors-territoire').sort()).toEqual(region.territories.map((t) => t.slug).sort())
      // The home page speaks of this region: its name, clusters and territories, and a local search example.
      const home = await homeLoader({ request: new Request('http://localhost/'), params: {}, context: { db, search } } as never)
      expect(home.regionName).toBe(region.name)
      expect(home.clusters.map((c) => c.name)).toEqual(region.clusters.map((c) => c.name))
      expect(home.territories.map((t) => t.slug).sort()).toEqual(region.territories.map((t) => t.slug).sort())
      for (const territory of home.territories) expect(territory.open_offers, territory.name).toBeGreaterThan(0)
      expect(home.searchExample).toBe(region.demo.searchExample)
    } finally {
      await db.destroy()
    }
  }, 60_000)
})

it('completes a database of the two-department days in place: every commune, points, EPCI, the active region', async () => {
  const { db } = openDatabase(path.join(folder, 'older.sqlite'))
  try {
    await prepareDatabase(db, { demo: false })
    // As the former seed left it: communes of 59 and 62 only, no EPCI, points for a few, no active region.
    await db.deleteFrom('communes').where('department', 'not in', ['59', '62']).execute()
    await db.updateTable('communes').set({ epci: null, latitude: null, longitude: null }).where('insee', '!=', '62193').execute()
    await db.updateTable('regions').set({ active: 0 }).execute()
    await prepareDatabase(db, { demo: false })
    const { n } = await db.selectFrom('communes').select((eb) => eb.fn.countAll<number>().as('n')).where('latitude', 'is not', null).executeTakeFirstOrThrow()
    expect(n).toBe(34_969)
    expect((await findActiveRegion(db))?.slug).toBe('littoral-hauts-de-france')
    expect((await listTerritories(db)).map((t) => t.slug)).toContain('calaisis')
    const boulogne = await db.selectFrom('communes as c').innerJoin('territories as t', 't.id', 'c.territory_id').select('t.slug').where('c.insee', '=', '62160').executeTakeFirst()
    expect(boulogne?.slug).toBe('boulonnais')
  } finally {
    await db.destroy()
  }
})
