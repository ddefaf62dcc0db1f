import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestCandidate, createTestCompany, createTestOffer } from '#db/seed/index.ts'
import { createTestDatabase } from '#db/test-database.ts'
import { SearchRequestError } from '../errors.ts'
import type { IndexWriter } from '../sync/index-writer.ts'
import { createMeilisearch } from './index.ts'
import { createReindexWriter } from './index.ts'
import { PRESCRIBED_KEYS, simulatedMeilisearch, startStubbedMeilisearch, succeedingTasks, task, type StubbedMeilisearch } from './stubbed-http.ts'

// Stubbed HTTP: no Meilisearch can run here. The real client talks to a local server that
// records each request and answers Meilisearch's task protocol as each test scripts it.

let test: Awaited<ReturnType<typeof createTestDatabase>>
let stub: StubbedMeilisearch
let writer: IndexWriter
const ids: Record<string, number> = {}

const reindexWriter = () => createReindexWriter(stub.config, test.sqlite)
const sent = () => stub.requests.filter((r) => !r.path.startsWith('/tasks/')).map((r) => `${r.method} ${r.path}`)
const error = (code: string) => ({ message: `${code}!`, code, type: 'invalid_request', link: '' })
/** Answers GET /indexes page by page, as Meilisearch does. */
const indexList = (indexes: { uid: string; createdAt: string }[]) =>
  stub.routes.push((r) => {
    if (r.method !== 'GET' || r.path !== '/indexes') return undefined
    const offset = Number(r.query.get('offset') ?? 0)
    const limit = Number(r.query.get('limit') ?? 20)
    const results = indexes.slice(offset, offset + limit).map((i) => ({ ...i, updatedAt: i.createdAt, primaryKey: 'id' }))
    return { body: { results, offset, limit, total: indexes.length } }
  })

beforeAll(async () => {
  test = await createTestDatabase()
  const company = await createTestCompany(test.db, { name: 'Opale Logiciels' })
  ids.published = (await createTestOffer(test.db, { companyId: company.id, title: 'Développeur web' })).id
  await createTestOffer(test.db, { companyId: company.id, title: 'Brouillon', status: 'draft' })
  ids.consenting = (await createTestCandidate(test.db, { visibility: 'verified_recruiters' })).id
  await createTestCandidate(test.db, { visibility: 'private' })
  stub = await startStubbedMeilisearch()
})
afterAll(async () => {
  await stub.close()
  await test.destroy()
})
beforeEach(() => {
  stub.reset()
  writer = createMeilisearch(stub.config, test.sqlite).writer
})

describe('stubbed HTTP: no Meilisearch can run here — reindex support', () => {
  it('creates a fresh index with the settings applied, and swaps it in keeping the previous documents under its uid', async () => {
    const sim = simulatedMeilisearch(PRESCRIBED_KEYS)
    stub.routes.push(...sim.routes)
    sim.createIndex('test_offers', [{ id: 999 }])
    const fresh = await reindexWriter().createFreshIndex('offer')
    expect(fresh).toMatch(/^test_offers_[a-z0-9]+$/)
    expect(await reindexWriter().swapIntoLive('offer', fresh)).toEqual({ previousUid: fresh, outcome: 'swapped' })
    expect(sent()).toEqual(expect.arrayContaining(['POST /indexes', `PATCH /indexes/${fresh}/settings`, 'GET /indexes/test_offers', 'POST /swap-indexes']))
    expect(stub.requests.find((r) => r.path === '/swap-indexes')!.body).toEqual([{ indexes: ['test_offers', fresh], rename: false }])
    expect([...sim.indexes.get(fresh)!.documents.keys()]).toEqual([999])
  })

  it('creates the live index, empty and with its settings, only when swapping into it for the first time', async () => {
    const sim = simulatedMeilisearch(PRESCRIBED_KEYS)
    stub.routes.push(...sim.routes)
    sim.createIndex('test_offers_fresh', [{ id: 1 }])
    await reindexWriter().swapIntoLive('offer', 'test_offers_fresh')
    expect(sent().slice(0, 3)).toEqual(['GET /indexes/test_offers', 'POST /indexes', 'PATCH /indexes/test_offers/settings'])
    const settings = stub.requests.find((r) => r.path.endsWith('/settings'))!.body as { synonyms: Record<string, string[]> }
    expect(settings.synonyms.js).toContain('javascript')
    expect([...sim.indexes.get('test_offers')!.documents.keys()]).toEqual([1])
  })

  it('lists the ids that become documents: published offers and consenting profiles only', () => {
    expect(writer.allIds('offer')).toEqual([ids.published])
    expect(writer.allIds('profile')).toEqual([ids.consenting])
  })
})

describe('stubbed HTTP: no Meilisearch can run here — kept indexes', () => {
  it('lists the indexes of a kind other than the live one, dated by the reindex that made their uid', async () => {
    const day = 86_400_000
    const now = Date.now()
    const stamp = (ms: number) => `${ms.toString(36)}beef`
    // A rollback index holds the documents of the index it replaced: Meilisearch dates it by them.
    const rollback = { uid: `test_offers_${stamp(now - 2 * day)}`, createdAt: new Date(now - 90 * day).toISOString() }
    const handMade = { uid: 'test_offers_manual', createdAt: new Date(now - 10 * day).toISOString() }
    const others = ['test_offers', 'test_offersx', 'test_profiles', `test_profiles_${stamp(now)}`, `other_offers_${stamp(now)}`]
    // More than one page of indexes (100 per page), the kept ones on the second.
    const filler = Array.from({ length: 110 }, (_, i) => `another_board_${i}`)
    indexList([...[...others, ...filler].map((uid) => ({ uid, createdAt: new Date(now).toISOString() })), rollback, handMade])

    const kept = await writer.keptIndexes('offer')
    expect(kept).toEqual([
      { uid: rollback.uid, createdAt: new Date(now - 2 * day) },
      { uid: handMade.uid, createdAt: new Date(handMade.createdAt) },
    ])
  })

  it('drops an index and waits until it is gone; a missing one is fine', async () => {
    stub.routes.push((r) => (r.method === 'DELETE' && r.path === '/indexes/test_offers_gone' ? { status: 404, body: error('index_not_found') } : undefined))
    stub.routes.push(...succeedingTasks())
    await writer.dropIndex('test_profiles_old')
    await writer.dropIndex('test_offers_gone')
    expect(sent()).toEqual(['DELETE /indexes/test_profiles_old', 'DELETE /indexes/test_offers_gone'])
    expect(stub.requests.filter((r) => r.path.startsWith('/tasks/')).map((r) => r.path)).toEqual(['/tasks/1'])
  })

  it('a drop whose task fails is a request error, and a live index is never dropped', async () => {
    stub.routes.push((r) => (r.method === 'DELETE' ? { status: 202, body: { taskUid: 7, indexUid: 'test_offers_x', status: 'enqueued', type: 'indexDeletion', enqueuedAt: '' } } : undefined))
    stub.routes.push((r) => (r.path === '/tasks/7' ? { body: task(7, 'failed', 'test_offers_x', { code: 'invalid_api_key', message: 'no' }) } : undefined))
    await expect(writer.dropIndex('test_offers_x')).rejects.toBeInstanceOf(SearchRequestError)

    stub.requests.length = 0
    await expect(writer.dropIndex('test_offers')).rejects.toThrow(/live index/)
    await expect(writer.dropIndex('test_profiles')).rejects.toThrow(/live index/)
    expect(stub.requests).toEqual([])
  })
})
