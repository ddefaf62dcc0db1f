import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { EmbeddedSearchEngine } from '#search/embedded/engine.ts'
import { indexOffer } from '#search/embedded/offer-index.ts'
import { parseOfferQuery } from '#search/query-params.ts'
import { createTestCompany, createTestOffer } from '../seed/index.ts'
import { createTestDatabase } from '../test-database.ts'
import { lastOutboxId, markRelayed, pruneSearchOutbox } from './search-outbox.ts'

const DAY = 86_400_000
let test: Awaited<ReturnType<typeof createTestDatabase>>

beforeEach(async () => {
  test = await createTestDatabase()
})
afterEach(async () => {
  await test.destroy()
})

/** Outbox events with the given ages in days, oldest first; answers their ids. */
async function eventsAged(now: Date, ...days: number[]): Promise<number[]> {
  const ids: number[] = []
  for (const age of days) {
    const row = await test.db
      .insertInto('search_outbox')
      .values({ doc_type: ids.length % 2 ? 'profile' : 'offer', doc_id: 100 + ids.length, created_at: new Date(now.getTime() - age * DAY).toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow()
    ids.push(row.id)
  }
  return ids
}

const keptIds = async () => (await test.db.selectFrom('search_outbox').select('id').orderBy('id').execute()).map((r) => r.id)

describe('pruning the search outbox, with an injected clock', () => {
  const now = new Date('2026-12-01T03:00:00Z')

  it('without an external engine, drops events older than a week, always keeping the newest', async () => {
    const ids = await eventsAged(now, 30, 9, 8, 6, 1)
    expect(await pruneSearchOutbox(test.db, now)).toBe(3)
    expect(await keptIds()).toEqual(ids.slice(3))

    const old = await eventsAged(now, 40)
    await test.db.deleteFrom('search_outbox').where('id', '!=', old[0]!).execute()
    expect(await pruneSearchOutbox(test.db, now)).toBe(0)
    expect(await keptIds()).toEqual(old)
  })

  it('while Meilisearch follows the board, keeps every event its relay has not sent, however old', async () => {
    const ids = await eventsAged(now, 30, 20, 10, 9, 2)
    // Offers relayed through the 4th event, profiles only through the 1st: the outbox is pruned as one prefix.
    await markRelayed(test.db, 'offer', ids[3]!, now)
    await markRelayed(test.db, 'profile', ids[0]!, now)

    expect(await pruneSearchOutbox(test.db, now)).toBe(1)
    expect(await keptIds()).toEqual(ids.slice(1))

    await markRelayed(test.db, 'profile', ids[4]!, now)
    expect(await pruneSearchOutbox(test.db, now)).toBe(3)
    expect(await keptIds()).toEqual(ids.slice(4))
  })

  it('never makes a running embedded engine miss a change: one whose cursor fell behind the pruning reloads', async () => {
    const company = await createTestCompany(test.db)
    const offer = await createTestOffer(test.db, { companyId: company.id, title: 'Alternance développement web', contract_type: 'cdi' })
    const engine = new EmbeddedSearchEngine(test.sqlite)
    const apprenticeships = async () =>
      (await engine.searchOffers(parseOfferQuery(new URLSearchParams({ contrat: 'alternance' })).query)).hits.map((hit) => hit.id)
    expect(await apprenticeships()).toEqual([])

    // The engine gets no search for more than a week: the offer changes, then another, then maintenance runs.
    await test.db.transaction().execute(async (trx) => {
      await trx.updateTable('offers').set({ contract_type: 'alternance' }).where('id', '=', offer.id).execute()
      await indexOffer(trx, offer.id)
    })
    await createTestOffer(test.db, { companyId: company.id, title: 'Technicien·ne support', contract_type: 'cdi' })
    expect(await pruneSearchOutbox(test.db, new Date(Date.now() + 8 * DAY))).toBeGreaterThan(0)
    expect(await keptIds()).toEqual([await lastOutboxId(test.db)])

    expect(await apprenticeships()).toEqual([offer.id])
  })
})
