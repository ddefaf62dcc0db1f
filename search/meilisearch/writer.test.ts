import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestCandidate, createTestCompany, createTestOffer } from '#db/seed/index.ts'
import { createTestDatabase } from '#db/test-database.ts'
import { SearchRequestError, SearchUnavailableError } from '../errors.ts'
import type { IndexWriter } from '../sync/index-writer.ts'
import { createMeilisearch } from './index.ts'
import { startStubbedMeilisearch, succeedingTasks, task, type StubbedMeilisearch } from './stubbed-http.ts'

// Stubbed HTTP: no Meilisearch can run here. The real client talks to a local server that
// records each request and answers Meilisearch's task protocol as each test scripts it.

let test: Awaited<ReturnType<typeof createTestDatabase>>
let stub: StubbedMeilisearch
let writer: IndexWriter
const ids: Record<string, number> = {}

const liveIndexExists = () => stub.routes.push((r) => (r.method === 'GET' && r.path === '/indexes/test_offers' ? { body: { uid: 'test_offers' } } : undefined))
const sent = () => stub.requests.filter((r) => !r.path.startsWith('/tasks/')).map((r) => `${r.method} ${r.path}`)
const error = (code: string) => ({ message: `${code}!`, code, type: 'invalid_request', link: '' })

beforeAll(async () => {
  test = await createTestDatabase()
  const company = await createTestCompany(test.db, { name: 'Opale Logiciels' })
  ids.published = (await createTestOffer(test.db, { companyId: company.id, title: 'Développeur web' })).id
  ids.draft = (await createTestOffer(test.db, { companyId: company.id, title: 'Brouillon', status: 'draft' })).id
  ids.consenting = (await createTestCandidate(test.db, { visibility: 'verified_recruiters', skills: [{ slug: 'php', level: 3 }] })).id
  ids.private = (await createTestCandidate(test.db, { visibility: 'private' })).id
  stub = await startStubbedMeilisearch()
})
afterAll(async () => {
  await stub.close()
  await test.destroy()
})
beforeEach(() => {
  stub.routes.length = 0
  stub.requests.length = 0
  // A fresh writer each time: it remembers which live indexes it has seen.
  writer = createMeilisearch({ url: stub.url, apiKey: 'admin-key', indexPrefix: 'test_', timeoutMs: 5_000 }, test.sqlite).writer
})

describe('stubbed HTTP: no Meilisearch can run here — sync', () => {
  it('replaces visible documents whole and deletes every other id, then waits for both tasks', async () => {
    liveIndexExists()
    stub.routes.push(...succeedingTasks())
    await writer.sync('offer', [ids.draft!, ids.published!, ids.published!, 424_242])
    expect(sent()).toEqual([
      'GET /indexes/test_offers',
      // POST documents replaces (PUT would merge with the stored fields).
      'POST /indexes/test_offers/documents',
      'POST /indexes/test_offers/documents/delete-batch',
    ])
    const [, add, remove] = stub.requests.filter((r) => !r.path.startsWith('/tasks/'))
    expect(add!.query.get('primaryKey')).toBe('id')
    expect((add!.body as { id: number; title: string }[]).map((d) => [d.id, d.title])).toEqual([[ids.published, 'developpeur web']])
    expect(remove!.body).toEqual([ids.draft, 424_242])
    expect(stub.requests.filter((r) => r.path.startsWith('/tasks/')).map((r) => r.path)).toEqual(['/tasks/1', '/tasks/2'])
  })

  it('sends the same documents when the same ids come again: a replay changes nothing', async () => {
    liveIndexExists()
    stub.routes.push(...succeedingTasks())
    await writer.sync('offer', [ids.published!])
    await writer.sync('offer', [ids.published!])
    const bodies = stub.requests.filter((r) => r.path.endsWith('/documents')).map((r) => JSON.stringify(r.body))
    expect(bodies).toHaveLength(2)
    expect(bodies[0]).toBe(bodies[1])
  })

  it('sends consenting profiles only; a private one is a delete', async () => {
    stub.routes.push((r) => (r.method === 'GET' && r.path === '/indexes/test_profiles' ? { body: { uid: 'test_profiles' } } : undefined))
    stub.routes.push(...succeedingTasks())
    await writer.sync('profile', [ids.consenting!, ids.private!])
    const add = stub.requests.find((r) => r.path === '/indexes/test_profiles/documents')!
    expect(add.body).toEqual([{ id: ids.consenting, skillTokens: 'php', skills: ['php'], mobilityKm: 30, located: true, _geo: expect.any(Object) }])
    expect(stub.requests.find((r) => r.path.endsWith('/delete-batch'))!.body).toEqual([ids.private])
  })

  it('creates a missing live index with its settings before the first write, never a bare one', async () => {
    stub.routes.push((r) => (r.method === 'GET' && r.path === '/indexes/test_offers' ? { status: 404, body: error('index_not_found') } : undefined))
    stub.routes.push(...succeedingTasks())
    await writer.sync('offer', [ids.published!])
    await writer.sync('offer', [ids.published!])
    expect(sent()).toEqual([
      'GET /indexes/test_offers',
      'POST /indexes',
      'PATCH /indexes/test_offers/settings',
      'POST /indexes/test_offers/documents',
      'POST /indexes/test_offers/documents',
    ])
    expect(stub.requests.find((r) => r.path === '/indexes')!.body).toEqual({ uid: 'test_offers', primaryKey: 'id' })
    const settings = stub.requests.find((r) => r.path.endsWith('/settings'))!.body as { synonyms: Record<string, string[]> }
    expect(settings.synonyms.js).toContain('javascript')
  })

  it('a failed task is a request error with Meilisearch’s code; an unanswered write is unavailable and retried later', async () => {
    liveIndexExists()
    stub.routes.push((r) => (r.path === '/indexes/test_offers/documents' ? { status: 202, body: { taskUid: 99, indexUid: 'test_offers', status: 'enqueued', type: 'documentAdditionOrUpdate', enqueuedAt: '' } } : undefined))
    stub.routes.push((r) => (r.path === '/tasks/99' ? { body: task(99, 'failed', 'test_offers', { code: 'invalid_document_geo_field', message: 'bad _geo' }) } : undefined))
    const failed = await writer.sync('offer', [ids.published!]).catch((e: unknown) => e)
    expect(failed).toBeInstanceOf(SearchRequestError)
    expect((failed as SearchRequestError).code).toBe('invalid_document_geo_field')

    stub.routes.length = 0
    stub.routes.push(() => ({ status: 503, body: error('internal') }))
    await expect(writer.sync('offer', [ids.published!])).rejects.toBeInstanceOf(SearchUnavailableError)
  })

  it('a Meilisearch down while checking the live index is not remembered: the next write checks again', async () => {
    stub.routes.push(() => 'hang-up')
    await expect(writer.sync('offer', [ids.published!])).rejects.toBeInstanceOf(SearchUnavailableError)
    stub.routes.length = 0
    liveIndexExists()
    stub.routes.push(...succeedingTasks())
    await writer.sync('offer', [ids.published!])
    expect(sent().filter((s) => s === 'GET /indexes/test_offers')).toHaveLength(2)
  })

  it('writes into an index being rebuilt without touching the live one, and does nothing for no id', async () => {
    stub.routes.push(...succeedingTasks())
    await writer.sync('offer', [ids.published!], 'test_offers_rebuild')
    await writer.sync('offer', [])
    expect(sent()).toEqual(['POST /indexes/test_offers_rebuild/documents'])
  })
})

describe('stubbed HTTP: no Meilisearch can run here — reindex support', () => {
  it('creates a fresh index with the settings applied, and swaps it in keeping the previous documents under its uid', async () => {
    liveIndexExists()
    stub.routes.push(...succeedingTasks())
    const fresh = await writer.createFreshIndex('offer')
    expect(fresh).toMatch(/^test_offers_[a-z0-9]+$/)
    expect(await writer.swapIntoLive('offer', fresh)).toEqual({ previousUid: fresh })
    expect(sent()).toEqual(['POST /indexes', `PATCH /indexes/${fresh}/settings`, 'GET /indexes/test_offers', 'POST /swap-indexes'])
    expect(stub.requests.find((r) => r.path === '/swap-indexes')!.body).toEqual([{ indexes: ['test_offers', fresh], rename: false }])
    expect(writer.allIds('offer')).toEqual([ids.published])
    expect(writer.allIds('profile')).toEqual([ids.consenting])
  })
})
