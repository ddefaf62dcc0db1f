import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest'
import { findRelayState, lastOutboxId, markRelayed } from '#db/queries/search-outbox.ts'
import { createTestCompany, createTestOffer } from '#db/seed/index.ts'
import { createTestDatabase } from '#db/test-database.ts'
import { startSearchRelay } from './relay-worker.ts'
import { advanceBy } from './test-clock.ts'
import { TestDoubleIndexWriter } from './test-double-writer.ts'

let test: Awaited<ReturnType<typeof createTestDatabase>>

beforeAll(async () => {
  test = await createTestDatabase()
  await markRelayed(test.db, 'offer', await lastOutboxId(test.db), new Date())
  await markRelayed(test.db, 'profile', await lastOutboxId(test.db), new Date())
})
afterAll(async () => {
  await test.destroy()
})
afterEach(() => {
  vi.useRealTimers()
})

it('backs off while the engine (a test double) is down, logs one line per failure streak, then catches up', async () => {
  const company = await createTestCompany(test.db)
  const offer = await createTestOffer(test.db, { companyId: company.id, title: 'Administrateur·rice systèmes' })
  const writer = new TestDoubleIndexWriter(test.sqlite)
  writer.behaviours = ['unavailable', 'unavailable', 'unavailable', 'unavailable']
  const log = { warn: vi.fn(), error: vi.fn() }

  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
  // random 1: each delay at the top of its range, 1 s, 2 s, 4 s, 8 s.
  const worker = startSearchRelay(test.db, writer, { pollMs: 1000, random: () => 1, log })
  await advanceBy(10_000)

  // Polled every second, a down engine is tried at 0, 1, 3 and 7 s only.
  expect(writer.calls).toBe(4)
  expect(log.error).toHaveBeenCalledTimes(1)
  expect(log.error.mock.calls[0]![0]).toMatch(/^Relais de recherche \(offres\) : moteur indisponible : .*nouvel essai dans 1 s\.$/)
  expect(writer.documents('offer').has(offer.id)).toBe(false)
  expect((await findRelayState(test.db, 'offer'))!.attempts).toBe(4)

  await advanceBy(6000)
  expect(writer.documents('offer').get(offer.id)).toBe('Administrateur·rice systèmes')
  expect(log.error).toHaveBeenCalledTimes(1)
  expect(log.warn).toHaveBeenCalledWith('Relais de recherche (offres) : rétabli après 4 échec(s).')
  expect((await findRelayState(test.db, 'offer'))!.relayed_through_id).toBe(await lastOutboxId(test.db))
  await worker.stop()
})

it('survives an engine that throws something unexpected, and says once that a kind was never reindexed', async () => {
  await test.db.deleteFrom('search_relay').where('doc_type', '=', 'profile').execute()
  const writer = new TestDoubleIndexWriter(test.sqlite)
  writer.sync = () => {
    throw new TypeError('bug in the adapter')
  }
  const company = await createTestCompany(test.db)
  await createTestOffer(test.db, { companyId: company.id })
  const log = { warn: vi.fn(), error: vi.fn() }

  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
  const worker = startSearchRelay(test.db, writer, { pollMs: 1000, random: () => 1, log })
  await advanceBy(5000)
  await worker.stop()

  expect(log.error).toHaveBeenCalledWith(expect.stringMatching(/^Relais de recherche \(offres\) : erreur inattendue : bug in the adapter/))
  expect(log.warn.mock.calls.filter(([line]) => /profils.*jamais construit.*npm run search:reindex/.test(line))).toHaveLength(1)
})
