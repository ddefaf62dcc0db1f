import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createFileStore } from '#db/files.ts'
import { deleteCandidateAccount } from '#db/queries/personal-data.ts'
import { findRelayState, lastOutboxId, markRelayed, relayBacklog, takeRelayLease } from '#db/queries/search-outbox.ts'
import { createTestCandidate, createTestCompany, createTestOffer } from '#db/seed/index.ts'
import { createTestDatabase } from '#db/test-database.ts'
import { rebuildProfileIndex } from '#search/embedded/profile-index.ts'
import { SearchRequestError } from '../errors.ts'
import type { IndexWriter } from './index-writer.ts'
import { documentsToSync, OutboxRelay } from './relay.ts'
import { TestDoubleIndexWriter } from './test-double-writer.ts'

let test: Awaited<ReturnType<typeof createTestDatabase>>
let writer: TestDoubleIndexWriter
const quiet = { warn() {} }

beforeAll(async () => {
  test = await createTestDatabase()
})
afterAll(async () => {
  await test.destroy()
})
beforeEach(async () => {
  // Every test starts with both kinds followed from the outbox's current end, and an empty engine.
  await test.db.deleteFrom('search_relay').execute()
  const since = await lastOutboxId(test.db)
  await markRelayed(test.db, 'offer', since, new Date())
  await markRelayed(test.db, 'profile', since, new Date())
  writer = new TestDoubleIndexWriter(test.sqlite)
})

describe('outbox relay, against a test double of IndexWriter', () => {
  it('sends each changed document once per batch, then marks its events done', async () => {
    const company = await createTestCompany(test.db)
    const offer = await createTestOffer(test.db, { companyId: company.id, title: 'Technicien·ne réseau' })
    const draft = await createTestOffer(test.db, { companyId: company.id, title: 'Brouillon', status: 'draft' })

    const result = await new OutboxRelay(test.db, writer, { log: quiet }).drain('offer')

    expect(result).toEqual({ status: 'drained', events: 2, documents: 2 })
    expect(writer.documents('offer')).toEqual(new Map([[offer.id, 'Technicien·ne réseau']]))
    expect(writer.documents('offer').has(draft.id)).toBe(false)
    expect(writer.calls).toBe(1)
    expect((await findRelayState(test.db, 'offer'))!.relayed_through_id).toBe(await lastOutboxId(test.db))
  })

  it('aborts the signal of a call it gives up on, so the writer enqueues nothing more from that old snapshot', async () => {
    const company = await createTestCompany(test.db)
    await createTestOffer(test.db, { companyId: company.id, title: 'Support N2' })
    const signals: AbortSignal[] = []
    const sync: IndexWriter['sync'] = writer.sync.bind(writer)
    ;(writer as IndexWriter).sync = (kind, ids, indexUid, signal) => {
      signals.push(signal!)
      return sync(kind, ids, indexUid, signal)
    }
    writer.behaviours = ['hang']

    await expect(new OutboxRelay(test.db, writer, { log: quiet, callTimeoutMs: 20, graceMs: 200 }).drain('offer')).rejects.toThrow(/pas de réponse/)

    expect(signals).toHaveLength(1)
    expect(signals[0]!.aborted).toBe(true)
  })

  it('keeps a refused batch pending, records why, and sends it again on the next drain', async () => {
    const company = await createTestCompany(test.db)
    const offer = await createTestOffer(test.db, { companyId: company.id, title: 'Data analyst' })
    const before = (await findRelayState(test.db, 'offer'))!.relayed_through_id
    const relay = new OutboxRelay(test.db, writer, { log: quiet })

    writer.behaviours = ['refused', 'refused']
    await expect(relay.drain('offer')).rejects.toBeInstanceOf(SearchRequestError)
    await expect(relay.drain('offer')).rejects.toBeInstanceOf(SearchRequestError)

    const failed = (await findRelayState(test.db, 'offer'))!
    expect(failed.relayed_through_id).toBe(before)
    expect(failed.attempts).toBe(2)
    expect(failed.last_error).toMatch(/requête refusée \(invalid_document_fields\)/)
    expect(await relayBacklog(test.db)).toContainEqual(expect.objectContaining({ kind: 'offer', pending: 1, attempts: 2 }))

    await relay.drain('offer')
    expect(writer.documents('offer').get(offer.id)).toBe('Data analyst')
    expect(await findRelayState(test.db, 'offer')).toMatchObject({ attempts: 0, last_error: null })
    expect(await relayBacklog(test.db)).toContainEqual(expect.objectContaining({ kind: 'offer', pending: 0 }))
  })

  it('turns a full-rebuild marker into every id of the kind, and still deletes what was removed before it', async () => {
    const files = createFileStore(mkdtempSync(path.join(tmpdir(), 'passerelle-files-')))
    const visible = await createTestCandidate(test.db, { visibility: 'verified_recruiters', firstName: 'Inès' })
    const leaving = await createTestCandidate(test.db, { visibility: 'verified_recruiters', firstName: 'Yanis' })
    const relay = new OutboxRelay(test.db, writer, { log: quiet })
    await relay.drain('profile')
    expect(writer.documents('profile').get(leaving.id)).toBe('Yanis')

    // The engine lost a document no event will mention again: only the marker brings it back.
    writer.indexes.get(writer.liveUid('profile'))!.delete(visible.id)
    await deleteCandidateAccount(test.db, files, leaving.id, new Date())
    await rebuildProfileIndex(test.db)
    await relay.drain('profile')

    expect(writer.documents('profile').get(visible.id)).toBe('Inès')
    expect(writer.documents('profile').has(leaving.id)).toBe(false)
  })

  it('relays nothing for a kind no reindex has loaded yet', async () => {
    await test.db.deleteFrom('search_relay').where('doc_type', '=', 'profile').execute()
    await createTestCandidate(test.db, { visibility: 'verified_recruiters' })

    expect(await new OutboxRelay(test.db, writer, { log: quiet }).drain('profile')).toEqual({ status: 'not-followed' })
    expect(writer.calls).toBe(0)
  })

  it('leaves the outbox to the process that holds the lease, until the lease runs out', async () => {
    const company = await createTestCompany(test.db)
    await createTestOffer(test.db, { companyId: company.id })
    const now = new Date('2026-11-23T10:00:00Z')
    expect(await takeRelayLease(test.db, 'offer', 'other-server:4242', now, 60_000)).toBe(true)

    const relay = new OutboxRelay(test.db, writer, { log: quiet, now: () => now })
    expect(await relay.drain('offer')).toEqual({ status: 'busy' })
    expect(writer.calls).toBe(0)

    const later = new OutboxRelay(test.db, writer, { log: quiet, now: () => new Date(now.getTime() + 60_000) })
    expect(await later.drain('offer')).toMatchObject({ status: 'drained', events: 1 })
  })
})

describe('documentsToSync', () => {
  it('lists each document once, in id order', () => {
    expect(documentsToSync([{ id: 1, doc_id: 9 }, { id: 2, doc_id: 3 }, { id: 3, doc_id: 9 }], () => [])).toEqual([3, 9])
  })

  it('adds every id of the kind for a marker, keeping the batch’s own ids', () => {
    expect(documentsToSync([{ id: 1, doc_id: 12 }, { id: 2, doc_id: 0 }], () => [1, 2, 5])).toEqual([1, 2, 5, 12])
  })
})
