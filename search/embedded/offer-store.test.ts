import { afterAll, beforeAll, expect, it } from 'vitest'
import { Random } from '#db/seed/random.ts'
import { createTestCompany, createTestOffer } from '#db/seed/index.ts'
import { createTestDatabase } from '#db/test-database.ts'
import { indexOffer } from './offer-index.ts'
import { OfferStore } from './offer-store.ts'

let test: Awaited<ReturnType<typeof createTestDatabase>>
const COMMUNES = ['62193', '62160', '59183', '62588', '59350']
const NOW = Date.parse('2026-11-20T10:00:00Z')

beforeAll(async () => {
  test = await createTestDatabase()
})
afterAll(async () => {
  await test.destroy()
})

/** The store's orders as offer ids, comparable between two stores. */
function ordersOf(store: OfferStore) {
  const ids = (slots: Int32Array) => [...slots].map((slot) => store.ids[slot])
  const byPlace = store.byPlace().map((slots, place) => [store.places.values[place], ids(slots)] as const)
  return {
    date: ids(store.byDate()),
    salary: ids(store.bySalary()),
    place: Object.fromEntries(byPlace.filter(([, list]) => list.length > 0)),
  }
}

it('keeps its presorted orders right through writes, as a fresh load would sort them', async () => {
  const random = new Random(11)
  const company = await createTestCompany(test.db, { name: 'Estran Data' })
  const ids: number[] = []
  for (let i = 0; i < 30; i++) {
    const offer = await createTestOffer(test.db, {
      companyId: company.id,
      title: `Offre ${i}`,
      commune_insee: random.pick(COMMUNES),
      published_at: new Date(NOW - random.int(0, 40) * 86_400_000).toISOString(),
      salary_min: 30000,
      salary_max: random.pick([30000, 36000, 42000]),
      salary_period: 'year',
    })
    ids.push(offer.id)
  }
  const store = new OfferStore(test.sqlite)
  store.refresh()
  ordersOf(store) // materialise the orders, so that writes must patch them

  for (let step = 0; step < 60; step++) {
    const id = random.pick(ids)
    await test.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('offers')
        .set({
          status: random.chance(0.2) ? 'closed' : 'published',
          commune_insee: random.pick(COMMUNES),
          published_at: new Date(NOW - random.int(0, 40) * 86_400_000).toISOString(),
          salary_max: random.chance(0.2) ? null : random.pick([30000, 36000, 42000, 50000]),
        })
        .where('id', '=', id)
        .execute()
      await indexOffer(trx, id)
    })
    store.refresh()
  }
  const fresh = new OfferStore(test.sqlite)
  fresh.refresh()
  expect(ordersOf(store)).toEqual(ordersOf(fresh))
})
