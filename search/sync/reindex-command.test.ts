import { afterAll, beforeAll, beforeEach, expect, it, vi } from 'vitest'
import { createTestCandidate, createTestCompany, createTestOffer } from '#db/seed/index.ts'
import { createTestDatabase } from '#db/test-database.ts'
import { reindexCommand } from './reindex-command.ts'
import { TestDoubleIndexWriter } from './test-double-writer.ts'

let test: Awaited<ReturnType<typeof createTestDatabase>>
let writer: TestDoubleIndexWriter

beforeAll(async () => {
  test = await createTestDatabase()
  const company = await createTestCompany(test.db)
  await createTestOffer(test.db, { companyId: company.id, title: 'Développeur·se Python' })
  await createTestCandidate(test.db, { visibility: 'verified_recruiters', firstName: 'Lou' })
})
afterAll(async () => {
  await test.destroy()
})
beforeEach(() => {
  writer = new TestDoubleIndexWriter(test.sqlite)
})

const capture = () => ({ log: vi.fn(), error: vi.fn() })

it('npm run search:reindex builds both indexes, then on a rebuild prints, per kind, the command that rolls it back', async () => {
  const first = capture()
  expect(await reindexCommand([], { db: test.db, writer, log: first })).toBe(0)
  expect(writer.documents('offer').size).toBe(1)
  expect(writer.documents('profile').size).toBe(1)
  expect(String(first.log.mock.calls[0]![0])).toContain('Première construction : pas d’index précédent auquel revenir.')

  const log = capture()
  expect(await reindexCommand([], { db: test.db, writer, log })).toBe(0)
  const printed = log.log.mock.calls.map(([text]) => String(text))
  expect(printed).toHaveLength(2)
  expect(printed[0]).toMatch(/^Offres : 1 document\(s\) chargé\(s\), \d+ changement\(s\) rejoué\(s\), nouvel index en ligne\./)
  const rollback = /npm run search:reindex -- (--rollback \S+ --kind offer --since \d+)/.exec(printed[0]!)![1]!

  // The printed command works as printed.
  expect(await reindexCommand(rollback.split(' '), { db: test.db, writer, log })).toBe(0)
  const previousUid = rollback.split(' ')[1]!
  expect(log.log).toHaveBeenLastCalledWith(expect.stringMatching(new RegExp(`^Offres : l’index ${previousUid} est de nouveau en ligne`)))
})

it('answers 2 and the usage for arguments it cannot use', async () => {
  for (const args of [['--kind', 'company'], ['--rollback', 'passerelle_offers_old'], ['--since', '12', '--kind', 'offer', '--rollback', 'x', '--oops']]) {
    const log = capture()
    expect(await reindexCommand(args, { db: test.db, writer, log })).toBe(2)
    expect(log.error).toHaveBeenCalledWith(expect.stringContaining('Usage :'))
  }
  expect(writer.calls).toBe(0)
})

it('answers 1 when a rebuild fails, saying the live index did not change', async () => {
  writer.createFreshIndex = async () => {
    throw new Error('disque plein (test double)')
  }
  const log = capture()

  expect(await reindexCommand(['--kind', 'profile'], { db: test.db, writer, log })).toBe(1)
  expect(log.error).toHaveBeenCalledWith('Profils : reconstruction échouée, l’index en ligne n’a pas changé — erreur inattendue : disque plein (test double)')
})
