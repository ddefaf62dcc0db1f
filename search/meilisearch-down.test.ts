import net from 'node:net'
import { afterAll, beforeAll, expect, it, vi } from 'vitest'
import { parseEnv, searchConfigFrom } from '#app/env.server.ts'
import { loader } from '#app/routes/offers.tsx'
import { lastOutboxId, markRelayed } from '#db/queries/search-outbox.ts'
import { createTestCompany, createTestOffer } from '#db/seed/index.ts'
import { createTestDatabase } from '#db/test-database.ts'
import { FALLBACK_NOTICE } from './fallback.ts'
import { createSearch } from './index.ts'
import { syncCommand } from './sync/sync-command.ts'

/**
 * The whole chain as configured in production — env, adapter, fallback,
 * relay — with Meilisearch really down: nothing listens on its port. No
 * stub anywhere; only a live Meilisearch is missing, which cannot run here.
 */
let test: Awaited<ReturnType<typeof createTestDatabase>>
let closedPort: number

beforeAll(async () => {
  test = await createTestDatabase()
  // A port that was free a moment ago and is closed again: connections are refused.
  const server = net.createServer().listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  closedPort = (server.address() as net.AddressInfo).port
  await new Promise((resolve) => server.close(resolve))
})
afterAll(async () => {
  await test.destroy()
})

it('with SEARCH_ENGINE=meilisearch and Meilisearch unreachable, writes succeed, the outbox keeps them and the search page answers from the embedded engine with the notice', async () => {
  const env = parseEnv({
    SEARCH_ENGINE: 'meilisearch',
    MEILISEARCH_URL: `http://127.0.0.1:${closedPort}`,
    MEILISEARCH_API_KEY: 'cle-de-test-passerelle-0123456789',
    MEILISEARCH_TIMEOUT_MS: '2000',
  })
  const { engine, writer } = createSearch(searchConfigFrom(env), test.sqlite)
  expect(writer).not.toBeNull()
  // The relay follows offers from a first reindex on.
  await markRelayed(test.db, 'offer', await lastOutboxId(test.db), new Date())
  await markRelayed(test.db, 'profile', await lastOutboxId(test.db), new Date())
  const before = await lastOutboxId(test.db)

  // A recruiter publishes while Meilisearch is down: the write is not held up.
  const company = await createTestCompany(test.db, { name: 'Boulogne Réseaux' })
  const offer = await createTestOffer(test.db, { companyId: company.id, title: 'Technicien·ne réseaux et télécoms' })
  expect(await lastOutboxId(test.db)).toBeGreaterThan(before)

  vi.spyOn(console, 'warn').mockImplementation(() => {})
  const request = new Request('http://localhost/offres?q=t%C3%A9l%C3%A9coms')
  const data = await loader({ request, params: {}, context: { db: test.db, search: engine, nonce: '' } } as never)
  expect(data.result.notices).toContain(FALLBACK_NOTICE)
  expect(data.result.hits.map((hit) => hit.id)).toEqual([offer.id])

  // The relay cannot deliver: `npm run search:sync` says so, exits 1, and the event stays pending.
  const log = { log: vi.fn(), error: vi.fn() }
  expect(await syncCommand({ db: test.db, writer: writer!, log, sleep: async () => {} })).toBe(1)
  expect(log.error.mock.calls.map(([line]) => String(line)).join('\n')).toMatch(/Offres : échec après 3 essai\(s\).*1 événement\(s\) en attente/s)
})
