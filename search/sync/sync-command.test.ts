import { afterAll, beforeAll, beforeEach, expect, it, vi } from 'vitest'
import { lastOutboxId, markRelayed } from '#db/queries/search-outbox.ts'
import { createTestCompany, createTestOffer } from '#db/seed/index.ts'
import { createTestDatabase } from '#db/test-database.ts'
import { syncCommand } from './sync-command.ts'
import { TestDoubleIndexWriter } from './test-double-writer.ts'

let test: Awaited<ReturnType<typeof createTestDatabase>>
let writer: TestDoubleIndexWriter
const noWait = async () => {}

beforeAll(async () => {
  test = await createTestDatabase()
})
afterAll(async () => {
  await test.destroy()
})
beforeEach(async () => {
  await test.db.deleteFrom('search_relay').execute()
  for (const kind of ['offer', 'profile'] as const) await markRelayed(test.db, kind, await lastOutboxId(test.db), new Date())
  writer = new TestDoubleIndexWriter(test.sqlite)
})

const capture = () => ({ log: vi.fn(), error: vi.fn() })

it('npm run search:sync exits 0 once the outbox is drained, printing the counts per kind', async () => {
  const company = await createTestCompany(test.db)
  await createTestOffer(test.db, { companyId: company.id })
  await createTestOffer(test.db, { companyId: company.id })
  const log = capture()

  expect(await syncCommand({ db: test.db, writer, log, sleep: noWait })).toBe(0)
  expect(log.log.mock.calls.map(([line]) => line)).toEqual([
    expect.stringMatching(/^Offres : 2 événement\(s\) relayé\(s\) \(2 document\(s\)\), plus rien en attente\.\n  curseur à l’événement (\d+) \(dernier écrit : \1\) ; index en ligne : offers, construit le /),
    expect.stringMatching(/^Profils : 0 événement\(s\) relayé\(s\) \(0 document\(s\)\), plus rien en attente\.\n  curseur à l’événement \d+ .* ; index en ligne : profiles, /),
  ])
  expect(log.error).not.toHaveBeenCalled()
})

it('exits 1 when the engine (a test double) stays down, with the error and what is still pending', async () => {
  const company = await createTestCompany(test.db)
  await createTestOffer(test.db, { companyId: company.id })
  writer.behaviours = ['unavailable', 'unavailable', 'unavailable']
  const log = capture()

  expect(await syncCommand({ db: test.db, writer, log, sleep: noWait })).toBe(1)
  expect(log.error).toHaveBeenCalledWith(
    expect.stringMatching(/^Offres : échec après 3 essai\(s\) \(moteur indisponible : connexion refusée \(test double\)\) ; 1 événement\(s\) en attente\.\n  curseur/),
  )
})

it('succeeds when the engine comes back within its tries', async () => {
  const company = await createTestCompany(test.db)
  await createTestOffer(test.db, { companyId: company.id })
  writer.behaviours = ['unavailable', 'unavailable']

  expect(await syncCommand({ db: test.db, writer, log: capture(), sleep: noWait })).toBe(0)
})

it('exits 1 for a kind no reindex has loaded, saying what to run', async () => {
  await test.db.deleteFrom('search_relay').where('doc_type', '=', 'profile').execute()
  const log = capture()

  expect(await syncCommand({ db: test.db, writer, log, sleep: noWait })).toBe(1)
  expect(log.error).toHaveBeenCalledWith(expect.stringMatching(/^Profils : jamais indexé dans Meilisearch, lancez d’abord « npm run search:reindex »/))
})
