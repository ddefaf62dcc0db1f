import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { parseEnv } from '#app/env.server.ts'
import { findRelayState, lastOutboxId } from '#db/queries/search-outbox.ts'
import { createTestCandidate, createTestCompany, createTestOffer } from '#db/seed/index.ts'
import { createTestDatabase } from '#db/test-database.ts'
import { SearchUnavailableError } from '../errors.ts'
import { commandWriter } from '../sync/cli.ts'
import { reindexCommand } from '../sync/reindex-command.ts'
import { syncCommand } from '../sync/sync-command.ts'
import { connect } from './client.ts'
import { MeilisearchWriter } from './writer.ts'
import { PRESCRIBED_KEYS, simulatedMeilisearch, startStubbedMeilisearch, STUB_KEYS, type SimulatedMeilisearch, type StubbedMeilisearch } from './stubbed-http.ts'

// Stubbed HTTP: no Meilisearch can run here. The real client talks to a simulated Meilisearch
// (stubbed-http.ts) that keeps indexes and a task queue, enforces each key's rights, hides swap
// tasks from keys scoped to a prefix, and keeps tasks queued however long the client waits.

let test: Awaited<ReturnType<typeof createTestDatabase>>
let stub: StubbedMeilisearch
let sim: SimulatedMeilisearch
const ids: Record<string, number> = {}
const capture = () => ({ log: vi.fn(), error: vi.fn() })
const printed = (log: ReturnType<typeof capture>) => [...log.log.mock.calls, ...log.error.mock.calls].map(([line]) => String(line)).join('\n')
const documentsIn = (uid: string) => [...(sim.indexes.get(uid)?.documents.keys() ?? [])].sort((a, b) => a - b)

function env() {
  return parseEnv(
    {
      SEARCH_ENGINE: 'meilisearch', MEILISEARCH_URL: stub.url, MEILISEARCH_INDEX_PREFIX: 'test_',
      MEILISEARCH_API_KEY: STUB_KEYS.runtime, MEILISEARCH_ADMIN_KEY: STUB_KEYS.reindex,
    },
    'search:reindex',
  )
}
/** The reindex key, with a short wait budget: the waits the tests make run out. */
const impatientReindexWriter = (taskWaitMs: number, timeoutMs = 5_000) =>
  new MeilisearchWriter(connect({ ...stub.config, apiKey: STUB_KEYS.reindex, timeoutMs }, { taskWaitMs }), test.sqlite)

beforeAll(async () => {
  test = await createTestDatabase()
  const company = await createTestCompany(test.db)
  ids.first = (await createTestOffer(test.db, { companyId: company.id, title: 'Développeur·se Go' })).id
  ids.second = (await createTestOffer(test.db, { companyId: company.id, title: 'Testeur·se logiciel' })).id
  await createTestCandidate(test.db, { visibility: 'verified_recruiters', skills: [{ slug: 'php', level: 3 }] })
  stub = await startStubbedMeilisearch()
})
afterAll(async () => {
  await stub.close()
  await test.destroy()
})
beforeEach(async () => {
  stub.reset()
  sim = simulatedMeilisearch(PRESCRIBED_KEYS)
  stub.routes.push(...sim.routes)
  await test.db.deleteFrom('search_relay').execute()
})

describe('stubbed HTTP: no Meilisearch can run here — reindex with the two keys the README prescribes', () => {
  it('a first deployment swaps the fresh index in although the scoped key never sees the swap task, and the relay follows it', async () => {
    const log = capture()
    expect(await reindexCommand(['--kind', 'offer'], { db: test.db, writer: commandWriter(env(), test.sqlite, 'search:reindex'), log })).toBe(0)

    // The swap task was hidden from the key (404), yet the new index is live, with every published offer.
    const swap = sim.tasks.find((t) => t.type === 'indexSwap')!
    expect(stub.requests.some((r) => r.path === `/tasks/${swap.uid}` && r.headers.authorization === `Bearer ${STUB_KEYS.reindex}`)).toBe(true)
    expect(documentsIn('test_offers')).toEqual([ids.first, ids.second])
    expect(printed(log)).toContain('nouvel index en ligne')
    // Indexes were created and swapped with the reindex key only.
    for (const r of stub.requests.filter((each) => (each.method === 'POST' && each.path === '/indexes') || each.path === '/swap-indexes')) {
      expect(r.headers.authorization).toBe(`Bearer ${STUB_KEYS.reindex}`)
    }
    // The relay follows offers from the reindex's end; search:sync, with the server's key, says so and names the same build.
    expect((await findRelayState(test.db, 'offer'))?.relayed_through_id).toBe(await lastOutboxId(test.db))
    const built = /Index en ligne : test_offers, construit le (\S+)\./.exec(printed(log))![1]!
    const sync = capture()
    await syncCommand({ db: test.db, writer: commandWriter(env(), test.sqlite, 'search:sync'), log: sync, sleep: async () => {} })
    expect(printed(sync)).toContain(`index en ligne : test_offers, construit le ${built}.`)
    expect(stub.requests.filter((r) => r.path === '/indexes/test_offers').at(-1)!.headers.authorization).toBe(`Bearer ${STUB_KEYS.runtime}`)
  })

  it('a rebuild keeps the previous index for a rollback, and the rollback puts it back, with hidden swap tasks both ways', async () => {
    const writer = commandWriter(env(), test.sqlite, 'search:reindex')
    expect(await reindexCommand(['--kind', 'offer'], { db: test.db, writer, log: capture() })).toBe(0)
    sim.indexes.get('test_offers')!.documents.set(999_999, { id: 999_999 }) // only in the first build
    const log = capture()
    expect(await reindexCommand(['--kind', 'offer'], { db: test.db, writer, log })).toBe(0)
    const rollback = /npm run search:reindex -- (--rollback \S+ --kind offer --since \d+)/.exec(printed(log))![1]!
    const kept = rollback.split(' ')[1]!
    expect(documentsIn(kept)).toContain(999_999)
    expect(documentsIn('test_offers')).toEqual([ids.first, ids.second])

    const back = capture()
    expect(await reindexCommand(rollback.split(' '), { db: test.db, writer, log: back })).toBe(0)
    expect(printed(back)).toContain(`l’index ${kept} est de nouveau en ligne`)
    expect(documentsIn('test_offers')).toContain(999_999)
  })

  it('a swap whose answer never comes is found applied once settled: the new index is kept and caught up, nothing dropped', async () => {
    // The swap is queued at once, but its answer comes after the client's request timeout.
    sim.answerDelayMs = (r) => (r.path === '/swap-indexes' ? 1_000 : 0)
    const writer = impatientReindexWriter(2_000, 300)
    expect(await reindexCommand(['--kind', 'offer'], { db: test.db, writer, log: capture() })).toBe(0)
    expect(documentsIn('test_offers')).toEqual([ids.first, ids.second])
    expect(sim.tasks.filter((t) => t.type === 'indexDeletion')).toEqual([])
    expect(await findRelayState(test.db, 'offer')).toBeDefined()
  })

  it('a swap still queued past every wait: neither index is dropped, the catch-up goes after it, and the relay follows', async () => {
    const writer = impatientReindexWriter(300)
    expect(await reindexCommand(['--kind', 'offer'], { db: test.db, writer, log: capture() })).toBe(0)
    sim.indexes.get('test_offers')!.documents.set(999_999, { id: 999_999 })
    // Meilisearch is slow: the swap (and every task behind it) waits 1 s in the queue.
    sim.taskMs = (type) => (type === 'indexSwap' ? 1_000 : 0)
    const log = capture()

    expect(await reindexCommand(['--kind', 'offer'], { db: test.db, writer, log })).toBe(1)
    expect(printed(log)).toContain('Meilisearch n’a pas confirmé l’échange d’index à temps')
    expect(printed(log)).not.toContain('n’a pas changé')
    await new Promise((resolve) => setTimeout(resolve, 1_100))
    sim.advance()
    // The swap applied: the new build is live, the previous one (with its extra document) kept for a rollback.
    expect(documentsIn('test_offers')).toEqual([ids.first, ids.second])
    const kept = [...sim.indexes.keys()].filter((uid) => uid.startsWith('test_offers_'))
    expect(kept.map(documentsIn)).toEqual([expect.arrayContaining([999_999])])
    expect((await findRelayState(test.db, 'offer'))?.relayed_through_id).toBe(await lastOutboxId(test.db))
  })

  it('a swap a proxy answers 504 for, though Meilisearch queued it, is settled like any unanswered one: nothing live is dropped', async () => {
    const writer = commandWriter(env(), test.sqlite, 'search:reindex')
    expect(await reindexCommand(['--kind', 'offer'], { db: test.db, writer, log: capture() })).toBe(0)
    sim.indexes.get('test_offers')!.documents.set(999_999, { id: 999_999 })
    stub.routes.unshift((r) => {
      if (r.path !== '/swap-indexes') return undefined
      void sim.routes[0]!(r) // Meilisearch queues it; the proxy in front gives up.
      return { status: 504, body: { message: 'upstream timed out', code: 'gateway_timeout', type: 'internal', link: '' } }
    })
    expect(await reindexCommand(['--kind', 'offer'], { db: test.db, writer, log: capture() })).toBe(0)
    expect(documentsIn('test_offers')).toEqual([ids.first, ids.second])
    const kept = [...sim.indexes.keys()].filter((uid) => uid.startsWith('test_offers_'))
    expect(kept.map(documentsIn)).toEqual([expect.arrayContaining([999_999])])
  })

  it('a swap Meilisearch refuses leaves the live index alone and drops the fresh one', async () => {
    const writer = commandWriter(env(), test.sqlite, 'search:reindex')
    expect(await reindexCommand(['--kind', 'offer'], { db: test.db, writer, log: capture() })).toBe(0)
    const keptBefore = [...sim.indexes.keys()].filter((uid) => uid.startsWith('test_offers_'))
    stub.routes.unshift((r) => (r.path === '/swap-indexes' ? { status: 400, body: { message: 'no', code: 'invalid_swap_indexes', type: 'invalid_request', link: '' } } : undefined))
    const log = capture()
    expect(await reindexCommand(['--kind', 'offer'], { db: test.db, writer, log })).toBe(1)
    expect(printed(log)).toContain('l’index en ligne n’a pas changé')
    expect([...sim.indexes.keys()].filter((uid) => uid.startsWith('test_offers_'))).toEqual(keptBefore)
    expect(documentsIn('test_offers')).toEqual([ids.first, ids.second])
  })
})

describe('stubbed HTTP: no Meilisearch can run here — waits with one budget', () => {
  it('waits for an index creation as long as for any task, not the client’s 5 s default', async () => {
    // Creating an index takes 5.3 s in the queue; the writer's budget is 25 s.
    sim.taskMs = (type) => (type === 'indexCreation' ? 5_300 : 0)
    const writer = commandWriter(env(), test.sqlite, 'search:reindex')
    const fresh = await writer.createFreshIndex('offer')
    expect(sim.indexes.get(fresh)?.settings).toMatchObject({ rankingRules: expect.any(Array) })
  }, 10_000)

  it('a batch whose tasks are still queued is awaited on the retry, not sent again behind them', async () => {
    const writer = impatientReindexWriter(300)
    sim.createIndex('test_offers')
    sim.paused = true
    await expect(writer.sync('offer', [ids.first!, ids.second!])).rejects.toBeInstanceOf(SearchUnavailableError)
    await expect(writer.sync('offer', [ids.first!, ids.second!])).rejects.toBeInstanceOf(SearchUnavailableError)
    sim.paused = false
    await writer.sync('offer', [ids.first!, ids.second!])
    expect(stub.requests.filter((r) => r.path === '/indexes/test_offers/documents')).toHaveLength(1)
    expect(documentsIn('test_offers')).toEqual([ids.first, ids.second])
    // Another batch is sent as usual.
    await writer.sync('offer', [ids.first!])
    expect(stub.requests.filter((r) => r.path === '/indexes/test_offers/documents')).toHaveLength(2)
  })
})

describe('stubbed HTTP: no Meilisearch can run here — the server’s key cannot create an index', () => {
  it('a live index lost between the check and the write is not recreated bare by the relay (it would be with the reindex key)', async () => {
    sim.createIndex('test_offers')
    // The index goes missing right after the writer checked it.
    stub.routes.unshift((r) => void (r.method === 'POST' && r.path === '/indexes/test_offers/documents' && sim.indexes.delete('test_offers')))
    const relayWriter = commandWriter(env(), test.sqlite, 'search:sync')
    await expect(relayWriter.sync('offer', [ids.first!])).rejects.toMatchObject({ name: 'SearchRequestError', code: 'index_not_found' })
    expect(sim.indexes.has('test_offers')).toBe(false)

    // What the single key of old (indexes.*) did: the write created a bare index, without settings.
    sim.createIndex('test_offers')
    await impatientReindexWriter(2_000).sync('offer', [ids.first!])
    expect(sim.indexes.get('test_offers')?.settings).toEqual({})
  })
})
