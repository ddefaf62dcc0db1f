import { writeFileSync } from 'node:fs'
import fc from 'fast-check'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createTestOffer } from '#db/seed/index.ts'
import { createTestDatabase } from '#db/test-database.ts'
import { NOW, seedOffers } from '../contract/offer-search.contract.ts'
import { offerQuery } from '../query-params.ts'
import type { OfferQuery } from '../types.ts'
import { EmbeddedSearchEngine } from './engine.ts'
import { indexOffer } from './offer-index.ts'
import { snapshotPathOf } from './snapshot.ts'

// An engine started from the snapshot, then the outbox replayed from its stamp,
// must answer exactly as one that loaded everything from the database.

let test: Awaited<ReturnType<typeof createTestDatabase>>
let file: string
let companies: number[]
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString()

const TITLES = ['Développeur Kotlin mobile', 'Administratrice systèmes Linux', 'Chargé de recrutement', 'Data engineer Spark', 'Technicien fibre optique']
const COMMUNES = ['62193', '62160', '59183', '59350', '62588']
const QUERIES: Partial<OfferQuery>[] = [
  {},
  { sort: 'salary' },
  { contracts: ['cdi'], remote: ['hybrid'] },
  { near: { insee: '62193', radiusKm: 30 }, sort: 'distance' },
  { text: 'développeur' },
  { text: 'kotlin mobile' },
  { text: 'administratrise' },
  { text: 'recrutment' },
  { skills: ['python'] },
  { perPage: 2, page: 2 },
]

beforeAll(async () => {
  test = await createTestDatabase()
  await seedOffers(test.db)
  companies = (await test.db.selectFrom('companies').select('id').execute()).map((c) => c.id)
  file = snapshotPathOf(test.file)!
})
afterAll(async () => {
  await test.destroy()
})

const answers = async (engine: EmbeddedSearchEngine) => {
  const all = []
  for (const q of QUERIES) all.push(await engine.searchOffers(offerQuery({ sort: q.text ? 'relevance' : 'date', ...q }), NOW))
  return all
}

const write = fc.oneof(
  fc.record({ kind: fc.constant('publish' as const), title: fc.constantFrom(...TITLES), commune: fc.constantFrom(...COMMUNES),
    contract: fc.constantFrom('cdi' as const, 'cdd' as const, 'stage' as const), days: fc.integer({ min: 0, max: 30 }),
    salary: fc.option(fc.integer({ min: 20, max: 70 }), { nil: null }), company: fc.nat(),
    occupation: fc.constantFrom(null, 'M1805', 'M1811', 'M1801') }),
  fc.record({ kind: fc.constant('edit' as const), pick: fc.nat(), title: fc.constantFrom(...TITLES), commune: fc.constantFrom(...COMMUNES),
    salary: fc.option(fc.integer({ min: 20, max: 70 }), { nil: null }) }),
  fc.record({ kind: fc.constant('close' as const), pick: fc.nat() }),
)

type Write = typeof write extends fc.Arbitrary<infer T> ? T : never

async function apply(w: Write) {
  if (w.kind === 'publish') {
    await createTestOffer(test.db, {
      companyId: companies[w.company % companies.length]!, title: w.title, commune_insee: w.commune, contract_type: w.contract,
      published_at: daysAgo(w.days), salary_min: w.salary === null ? null : w.salary * 1000, salary_max: w.salary === null ? null : w.salary * 1000 + 4000,
      salary_period: w.salary === null ? null : 'year', occupation: w.occupation, skills: w.title.includes('Data') ? [{ slug: 'python', required: true }] : [],
    })
    return
  }
  const published = await test.db.selectFrom('offers').select('id').where('status', '=', 'published').orderBy('id').execute()
  if (published.length === 0) return
  const id = published[w.pick % published.length]!.id
  await test.db.transaction().execute(async (trx) => {
    if (w.kind === 'close') await trx.updateTable('offers').set({ status: 'closed' }).where('id', '=', id).execute()
    else {
      await trx.updateTable('offers').set({
        title: w.title, commune_insee: w.commune, salary_min: w.salary === null ? null : w.salary * 1000,
        salary_max: w.salary === null ? null : w.salary * 1000, salary_period: w.salary === null ? null : 'year',
      }).where('id', '=', id).execute()
    }
    await indexOffer(trx, id)
  })
}

it('answers from its snapshot plus the outbox replayed exactly as after a full load, whatever was written since', async () => {
  const writer = new EmbeddedSearchEngine(test.sqlite, { snapshotFile: file })
  await writer.warmUp()
  await fc.assert(
    fc.asyncProperty(fc.array(write, { maxLength: 8 }), fc.array(write, { maxLength: 4 }), async (before, after) => {
      for (const w of before) await apply(w)
      writer.saveSnapshot()
      for (const w of after) await apply(w)
      const fromSnapshot = new EmbeddedSearchEngine(test.sqlite, { snapshotFile: file })
      await fromSnapshot.warmUp()
      expect(fromSnapshot.warmedFrom).toEqual({ source: 'snapshot' })
      const fresh = new EmbeddedSearchEngine(test.sqlite)
      await fresh.warmUp()
      expect(await answers(fromSnapshot)).toEqual(await answers(fresh))
    }),
    { numRuns: 12 },
  )
})

it('loads everything from the database when the snapshot is corrupt, missing its events, or of another board', async () => {
  const writer = new EmbeddedSearchEngine(test.sqlite, { snapshotFile: file })
  await writer.warmUp()
  const fresh = new EmbeddedSearchEngine(test.sqlite)
  await fresh.warmUp()
  const expected = await answers(fresh)
  const startFrom = async () => {
    const engine = new EmbeddedSearchEngine(test.sqlite, { snapshotFile: file })
    await engine.warmUp()
    expect(await answers(engine)).toEqual(expected)
    return engine.warmedFrom
  }

  writer.saveSnapshot()
  expect(await startFrom()).toEqual({ source: 'snapshot' })

  writeFileSync(file, 'pas un instantané')
  expect(await startFrom()).toMatchObject({ source: 'database', reason: 'unreadable' })

  // The outbox pruned past the snapshot's event (maintenance after a long stop).
  writer.saveSnapshot()
  await apply({ kind: 'publish', title: TITLES[0]!, commune: '62193', contract: 'cdi', days: 1, salary: null, company: 0, occupation: 'M1805' })
  const last = test.sqlite.prepare<[], number>('select max(id) from search_outbox').pluck().get()!
  test.sqlite.prepare('delete from search_outbox where id < ?').run(last)
  const fresher = new EmbeddedSearchEngine(test.sqlite)
  await fresher.warmUp()
  expected.splice(0, expected.length, ...(await answers(fresher)))
  expect(await startFrom()).toMatchObject({ source: 'database' })

  // Another board whose outbox has the same number of events: the stamp's event differs.
  writer.saveSnapshot()
  test.sqlite.prepare("update search_outbox set created_at = '2001-01-01T00:00:00.000Z' where id = ?").run(last)
  expect(await startFrom()).toMatchObject({ source: 'database' })
})
