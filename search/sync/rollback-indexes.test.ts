import { afterAll, beforeAll, expect, it } from 'vitest'
import { OUTBOX_KEEP_DAYS } from '#db/queries/search-outbox.ts'
import { createTestDatabase } from '#db/test-database.ts'
import { dropStaleIndexes } from './rollback-indexes.ts'
import { TestDoubleIndexWriter } from './test-double-writer.ts'

let test: Awaited<ReturnType<typeof createTestDatabase>>
beforeAll(async () => {
  test = await createTestDatabase()
})
afterAll(async () => {
  await test.destroy()
})

it('drops the rollback indexes (of a test double) once the outbox can no longer serve their rollback, never the live ones', async () => {
  const writer = new TestDoubleIndexWriter(test.sqlite)
  const now = new Date('2026-11-23T12:00:00Z')
  const day = 24 * 60 * 60 * 1000
  const old = await writer.createFreshIndex('profile')
  const recent = await writer.createFreshIndex('profile')
  const offers = await writer.createFreshIndex('offer')
  writer.createdAt.set(old, new Date(now.getTime() - (OUTBOX_KEEP_DAYS + 1) * day))
  writer.createdAt.set(recent, new Date(now.getTime() - (OUTBOX_KEEP_DAYS - 1) * day))
  writer.createdAt.set(offers, new Date(now.getTime() - 30 * day))

  expect((await dropStaleIndexes(writer, now)).sort()).toEqual([offers, old].sort())

  expect((await writer.keptIndexes('profile')).map((index) => index.uid)).toEqual([recent])
  expect(await writer.keptIndexes('offer')).toEqual([])
  expect(writer.indexes.has(writer.liveUid('profile'))).toBe(true)
  expect(writer.indexes.has(writer.liveUid('offer'))).toBe(true)
})
