import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { createTestCandidate, createTestCompany, createTestOffer } from '#db/seed/index.ts'
import { createTestDatabase } from '#db/test-database.ts'
import { SearchRequestError, SearchUnavailableError } from '../errors.ts'
import type { IndexWriter } from '../sync/index-writer.ts'
import { connect } from './client.ts'
import { createMeilisearch } from './index.ts'
import { MeilisearchWriter } from './writer.ts'
import { startStubbedMeilisearch, succeedingTasks, task, type StubbedMeilisearch, type StubbedRoute } from './stubbed-http.ts'

// Stubbed HTTP: no Meilisearch can run here. The real client talks to a local server that
// records each request and answers Meilisearch's task protocol as each test scripts it.

let test: Awaited<ReturnType<typeof createTestDatabase>>
let stub: StubbedMeilisearch
let writer: IndexWriter
const ids: Record<string, number> = {}

const liveIndexMissing: StubbedRoute = (r) =>
  r.method === 'GET' && r.path === '/indexes/test_offers' ? { status: 404, body: error('index_not_found') } : undefined
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
  stub.reset()
  // A fresh writer each time: it remembers which live indexes it has seen.
  writer = createMeilisearch(stub.config, test.sqlite).writer
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
    expect((add!.body as { id: number; title: string }[]).map((d) => [d.id, d.title])).toEqual([[ids.published, 'developpeur web cdi presentiel']])
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

  it('refuses to write to a missing live index, telling to reindex, and never creates one', async () => {
    stub.routes.push(liveIndexMissing)
    stub.routes.push(...succeedingTasks())
    const refused = await writer.sync('offer', [ids.published!, ids.draft!]).catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(SearchRequestError)
    expect((refused as SearchRequestError).code).toBe('index_not_found')
    expect((refused as Error).message).toContain('npm run search:reindex')
    // No POST /indexes, and no document sent (Meilisearch would create the index bare, without settings).
    expect(sent()).toEqual(['GET /indexes/test_offers'])
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

  it('checks the live index at every call: one lost while running is refused, not recreated bare by a write', async () => {
    let lost = false
    stub.routes.push((r) => (lost ? liveIndexMissing(r) : undefined))
    liveIndexExists()
    stub.routes.push(...succeedingTasks())
    await writer.sync('offer', [ids.published!])
    lost = true
    await expect(writer.sync('offer', [ids.published!])).rejects.toMatchObject({ name: 'SearchRequestError', code: 'index_not_found' })
    expect(sent()).toEqual(['GET /indexes/test_offers', 'POST /indexes/test_offers/documents', 'GET /indexes/test_offers'])
  })

  it('a Meilisearch down while checking the live index is unavailable, retried later', async () => {
    stub.routes.push(() => 'hang-up')
    await expect(writer.sync('offer', [ids.published!])).rejects.toBeInstanceOf(SearchUnavailableError)
  })

  it('writes into an index being rebuilt without touching the live one, and does nothing for no id', async () => {
    stub.routes.push(...succeedingTasks())
    await writer.sync('offer', [ids.published!], 'test_offers_rebuild')
    await writer.sync('offer', [])
    expect(sent()).toEqual(['POST /indexes/test_offers_rebuild/documents'])
  })
})

describe('stubbed HTTP: no Meilisearch can run here — a call the relay gave up on', () => {
  it('enqueues nothing more once the signal is aborted: an abandoned call’s delete never lands after a newer add', async () => {
    const relayGivesUp = new AbortController()
    liveIndexExists()
    // The relay's timeout fires while the add is on its way.
    stub.routes.push((r) => void (r.path === '/indexes/test_offers/documents' && relayGivesUp.abort()))
    stub.routes.push(...succeedingTasks())
    const sync = writer.sync('offer', [ids.draft!, ids.published!], undefined, relayGivesUp.signal)
    await expect(sync).rejects.toBeInstanceOf(SearchUnavailableError)
    expect(sent()).toEqual(['GET /indexes/test_offers', 'POST /indexes/test_offers/documents'])
  })

  it('sends nothing at all when aborted before it starts', async () => {
    liveIndexExists()
    stub.routes.push(...succeedingTasks())
    await expect(writer.sync('offer', [ids.published!], undefined, AbortSignal.abort())).rejects.toBeInstanceOf(SearchUnavailableError)
    expect(stub.requests).toEqual([])
  })

  it('shares one wait budget across its tasks: the delete only gets what the add left', async () => {
    const connection = connect(stub.config, { taskWaitMs: 1_000 })
    const waits = vi.spyOn(connection.client.tasks, 'waitForTask')
    const budgeted = new MeilisearchWriter(connection, test.sqlite)
    liveIndexExists()
    // The add's task is done 700 ms after it was enqueued; the delete's never is.
    const doneAfterMs: Record<string, number> = { '/indexes/test_offers/documents': 700, '/indexes/test_offers/documents/delete-batch': Infinity }
    const enqueued = new Map<number, { at: number; doneAfterMs: number }>()
    let addSeenDone = false
    stub.routes.push((r) => {
      if (r.method !== 'POST' || !(r.path in doneAfterMs)) return undefined
      const taskUid = enqueued.size + 1
      enqueued.set(taskUid, { at: Date.now(), doneAfterMs: doneAfterMs[r.path]! })
      return { status: 202, body: { taskUid, indexUid: 'test_offers', status: 'enqueued', type: 'stubbed', enqueuedAt: new Date().toISOString() } }
    })
    stub.routes.push((r) => {
      const uid = Number(/^\/tasks\/(\d+)$/.exec(r.path)?.[1])
      const queued = enqueued.get(uid)
      if (!queued) return undefined
      const done = Date.now() - queued.at >= queued.doneAfterMs
      if (done) addSeenDone = true
      return { body: task(uid, done ? 'succeeded' : 'processing', 'test_offers') }
    })
    await expect(budgeted.sync('offer', [ids.draft!, ids.published!])).rejects.toBeInstanceOf(SearchUnavailableError)
    // One budget: the add's wait may take all of it, and the delete only gets what the 0.7 s of the add left (at most
    // 0.3 s, less on a slow machine). Each task on its own budget would have given the delete 1 s again. No clock is read.
    const timeouts = waits.mock.calls.map(([, options]) => options?.timeout)
    expect(timeouts[0]).toBeLessThanOrEqual(1_000)
    // Once the add was seen done, the delete was waited for too (a starved machine may spend the budget on the add).
    if (addSeenDone) expect(timeouts).toHaveLength(2)
    expect(timeouts.slice(1).every((t) => t !== undefined && t <= 300)).toBe(true)
  })
})
