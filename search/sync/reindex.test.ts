import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { findRelayState, lastOutboxId, takeRelayLease } from '#db/queries/search-outbox.ts'
import { createTestCompany, createTestOffer } from '#db/seed/index.ts'
import { createTestDatabase } from '#db/test-database.ts'
import { indexOffer } from '#search/embedded/offer-index.ts'
import { SearchRequestError } from '../errors.ts'
import { ReindexCatchUpError, reindexKind, rollbackKind } from './reindex.ts'
import { OutboxRelay } from './relay.ts'
import { TestDoubleIndexWriter } from './test-double-writer.ts'

let test: Awaited<ReturnType<typeof createTestDatabase>>
let writer: TestDoubleIndexWriter
let companyId: number
const quiet = { warn() {} }

beforeAll(async () => {
  test = await createTestDatabase()
  companyId = (await createTestCompany(test.db)).id
})
afterAll(async () => {
  await test.destroy()
})
beforeEach(async () => {
  await test.db.deleteFrom('search_relay').execute()
  writer = new TestDoubleIndexWriter(test.sqlite)
})
afterEach(() => {
  vi.restoreAllMocks()
})

const publishedOffers = async () =>
  new Map(
    (await test.db.selectFrom('offers').select(['id', 'title']).where('status', '=', 'published').execute()).map((o) => [o.id, o.title]),
  )

async function retitle(offerId: number, title: string) {
  await test.db.transaction().execute(async (trx) => {
    await trx.updateTable('offers').set({ title }).where('id', '=', offerId).execute()
    await indexOffer(trx, offerId)
  })
}

describe('full reindex, against a test double of IndexWriter', () => {
  it('loads a fresh index, replays the writes made during the load, swaps it in and keeps the previous one', async () => {
    const kept = await createTestOffer(test.db, { companyId, title: 'Développeur·se Java' })
    const changed = await createTestOffer(test.db, { companyId, title: 'Chef·fe de projet' })
    // The live index holds a document the database no longer has: a reindex is how such drift goes.
    writer.indexes.get(writer.liveUid('offer'))!.set(999_999, { version: 1, label: 'Offre fantôme' })
    let written: number | null = null
    const sync = writer.sync.bind(writer)
    writer.sync = async (kind, ids, indexUid) => {
      await sync(kind, ids, indexUid)
      if (written === null) {
        // A recruiter saves while the load runs.
        await retitle(changed.id, 'Chef·fe de projet digital')
        written = (await createTestOffer(test.db, { companyId, title: 'Alternance DevOps' })).id
      }
    }

    const report = await reindexKind(test.db, writer, 'offer', { log: quiet })

    expect(writer.documents('offer')).toEqual(await publishedOffers())
    expect(writer.documents('offer').get(changed.id)).toBe('Chef·fe de projet digital')
    expect(writer.documents('offer').get(written!)).toBe('Alternance DevOps')
    expect(writer.documents('offer').get(kept.id)).toBe('Développeur·se Java')
    expect(report.replayed).toBeGreaterThanOrEqual(2)
    // The previous documents wait under the returned uid.
    expect(writer.indexes.get(report.previousUid)!.get(999_999)?.label).toBe('Offre fantôme')
    // From now on the relay follows offers, from where the reindex left them.
    expect((await findRelayState(test.db, 'offer'))!.relayed_through_id).toBe(await lastOutboxId(test.db))
  })

  /** While the reindex waits for the live index, the server's relay sends a last change to the old one. */
  async function serverRelaysJustBeforeTheSwap(then: () => void = () => {}) {
    const server = new OutboxRelay(test.db, writer, { owner: 'server', log: quiet })
    expect(await takeRelayLease(test.db, 'offer', 'server', new Date(), 60_000)).toBe(true)
    const late = { offerId: 0 }
    let serverDrained: Promise<unknown> | null = null
    const lease = OutboxRelay.prototype.lease
    vi.spyOn(OutboxRelay.prototype, 'lease').mockImplementation(async function (this: OutboxRelay, kind) {
      if (this.owner !== 'server' && !serverDrained) {
        serverDrained = (async () => {
          late.offerId = (await createTestOffer(test.db, { companyId, title: 'Technicien·ne support' })).id
          await server.drain('offer')
          then()
        })()
        await serverDrained
      }
      return lease.call(this, kind)
    })
    return { server, late }
  }

  it('loses nothing the server’s relay sent to the old index just before the swap', async () => {
    await reindexKind(test.db, writer, 'offer', { log: quiet })
    const { late } = await serverRelaysJustBeforeTheSwap()

    await reindexKind(test.db, writer, 'offer', { log: quiet, leasePollMs: 5 })

    expect(late.offerId).toBeGreaterThan(0)
    expect(writer.documents('offer').get(late.offerId)).toBe('Technicien·ne support')
    expect(writer.documents('offer')).toEqual(await publishedOffers())
  })

  it('when the catch-up after the swap fails, rewinds the relay so that it sends those changes to the new index', async () => {
    await reindexKind(test.db, writer, 'offer', { log: quiet })
    const { server, late } = await serverRelaysJustBeforeTheSwap(() => (writer.behaviours = ['unavailable']))

    await expect(reindexKind(test.db, writer, 'offer', { log: quiet, leasePollMs: 5 })).rejects.toBeInstanceOf(ReindexCatchUpError)
    expect(writer.documents('offer').has(late.offerId)).toBe(false)

    await server.drain('offer')
    expect(writer.documents('offer').get(late.offerId)).toBe('Technicien·ne support')
  })

  it('rolls back to the previous index and replays into it what changed since the reindex began', async () => {
    const offer = await createTestOffer(test.db, { companyId, title: 'Intégrateur·rice web' })
    await reindexKind(test.db, writer, 'offer', { log: quiet })
    writer.indexes.get(writer.liveUid('offer'))!.set(999_998, { version: 1, label: 'Seulement dans l’ancien index' })
    const report = await reindexKind(test.db, writer, 'offer', { log: quiet })
    await retitle(offer.id, 'Intégrateur·rice web senior')

    const rolledBack = await rollbackKind(test.db, writer, 'offer', report.previousUid, report.sinceId!, { log: quiet })

    expect(writer.documents('offer').get(999_998)).toBe('Seulement dans l’ancien index')
    expect(writer.documents('offer').get(offer.id)).toBe('Intégrateur·rice web senior')
    expect(rolledBack.replayed).toBeGreaterThanOrEqual(1)
    expect(writer.indexes.get(rolledBack.previousUid)!.has(999_998)).toBe(false)
  })

  it('offers no rollback after a kind’s first build: the previous index is the empty one', async () => {
    await createTestOffer(test.db, { companyId })
    expect((await reindexKind(test.db, writer, 'offer', { log: quiet })).sinceId).toBeNull()
    expect((await reindexKind(test.db, writer, 'offer', { log: quiet })).sinceId).not.toBeNull()
  })

  it('a rollback also replays what the relay had not yet sent to the previous index when the reindex ran (Meilisearch had been down)', async () => {
    const offer = await createTestOffer(test.db, { companyId, title: 'Administrateur·rice systèmes' })
    await reindexKind(test.db, writer, 'offer', { log: quiet })
    // The engine is down: the recruiter closes the offer, the relay cannot send it.
    writer.behaviours = ['unavailable']
    await test.db.transaction().execute(async (trx) => {
      await trx.updateTable('offers').set({ status: 'closed' }).where('id', '=', offer.id).execute()
      await indexOffer(trx, offer.id)
    })
    await expect(new OutboxRelay(test.db, writer, { log: quiet }).drain('offer')).rejects.toThrow()
    expect(writer.documents('offer').has(offer.id)).toBe(true)

    // Back up: the operator reindexes, then rolls back with the command the reindex printed.
    writer.behaviours = []
    const report = await reindexKind(test.db, writer, 'offer', { log: quiet })
    expect(writer.documents('offer').has(offer.id)).toBe(false)
    await rollbackKind(test.db, writer, 'offer', report.previousUid, report.sinceId!, { log: quiet })

    expect(writer.documents('offer').has(offer.id)).toBe(false)
    expect(writer.documents('offer')).toEqual(await publishedOffers())
  })

  it('refuses a rollback once the changes since the reindex have been pruned', async () => {
    await createTestOffer(test.db, { companyId })
    const report = await reindexKind(test.db, writer, 'offer', { log: quiet })
    await createTestOffer(test.db, { companyId })
    await createTestOffer(test.db, { companyId })
    await test.db.deleteFrom('search_outbox').where('id', '<=', report.sinceId! + 1).execute()

    await expect(rollbackKind(test.db, writer, 'offer', report.previousUid, report.sinceId!, { log: quiet })).rejects.toThrow(/purgés/)
  })

  it('keeps one rollback index per kind: a new reindex drops the older ones, with the documents they still hold', async () => {
    await createTestOffer(test.db, { companyId })
    await reindexKind(test.db, writer, 'offer', { log: quiet })
    const second = await reindexKind(test.db, writer, 'offer', { log: quiet })
    const third = await reindexKind(test.db, writer, 'offer', { log: quiet })

    expect((await writer.keptIndexes('offer')).map((index) => index.uid)).toEqual([third.previousUid])
    expect(writer.dropped).toContain(second.previousUid)
    expect(writer.documents('offer')).toEqual(await publishedOffers())
  })

  it('a swap whose outcome is unknown drops nothing, catches up whichever index is live, and starts the relay following it', async () => {
    const offer = await createTestOffer(test.db, { companyId, title: 'Data engineer' })
    for (const swapBehaviour of ['unknown-not-applied', 'unknown'] as const) {
      await test.db.deleteFrom('search_relay').execute()
      writer = new TestDoubleIndexWriter(test.sqlite)
      writer.swapBehaviour = swapBehaviour
      let during = 0
      const sync = writer.sync.bind(writer)
      writer.sync = async (kind, ids, indexUid, signal) => {
        await sync(kind, ids, indexUid, signal)
        // A recruiter saves while the load runs: only the catch-up brings it to the live index.
        if (during++ === 0) await retitle(offer.id, `Data engineer (${swapBehaviour})`)
      }

      const report = await reindexKind(test.db, writer, 'offer', { log: quiet })

      expect(report.swap).toBe('unknown')
      expect(writer.dropped).toEqual([])
      expect(writer.indexes.has(report.previousUid)).toBe(true)
      expect(writer.documents('offer').get(offer.id)).toBe(`Data engineer (${swapBehaviour})`)
      expect((await findRelayState(test.db, 'offer'))!.relayed_through_id).toBe(await lastOutboxId(test.db))
    }
  })

  it('a rollback whose swap outcome is unknown still replays into the live index and says so', async () => {
    const offer = await createTestOffer(test.db, { companyId, title: 'Product owner' })
    await reindexKind(test.db, writer, 'offer', { log: quiet })
    const report = await reindexKind(test.db, writer, 'offer', { log: quiet })
    await retitle(offer.id, 'Product owner senior')
    writer.swapBehaviour = 'unknown'

    const rolledBack = await rollbackKind(test.db, writer, 'offer', report.previousUid, report.sinceId!, { log: quiet })

    expect(rolledBack.swap).toBe('unknown')
    expect(writer.documents('offer').get(offer.id)).toBe('Product owner senior')
    expect(writer.dropped).not.toContain(report.previousUid)
  })

  it('drops the half-built index when a reindex fails before the swap', async () => {
    await createTestOffer(test.db, { companyId })
    writer.behaviours = ['refused']

    await expect(reindexKind(test.db, writer, 'offer', { log: quiet })).rejects.toBeInstanceOf(SearchRequestError)

    expect(writer.dropped).toEqual(['offers_fresh_1'])
    expect(await writer.keptIndexes('offer')).toEqual([])
  })

  it('leaves the live index and the relay alone when the swap is refused', async () => {
    await createTestOffer(test.db, { companyId, title: 'Offre avant' })
    writer.swapIntoLive = async () => {
      throw new SearchRequestError('swap refusé (test double)', 'invalid_swap_indexes')
    }

    await expect(reindexKind(test.db, writer, 'offer', { log: quiet })).rejects.toBeInstanceOf(SearchRequestError)
    expect(writer.documents('offer').size).toBe(0)
    expect(await findRelayState(test.db, 'offer')).toBeUndefined()
  })
})
