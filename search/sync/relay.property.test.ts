import fc from 'fast-check'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { setOwnVisibility } from '#db/queries/candidate-profiles.ts'
import { findRelayState, lastOutboxId, markRelayed } from '#db/queries/search-outbox.ts'
import { createTestCandidate, createTestCompany, createTestOffer } from '#db/seed/index.ts'
import { createTestDatabase } from '#db/test-database.ts'
import { indexOffer, rebuildOfferIndex } from '#search/embedded/offer-index.ts'
import { indexProfile } from '#search/embedded/profile-index.ts'
import type { DocumentKind } from './index-writer.ts'
import { DOCUMENT_KINDS, OutboxRelay } from './relay.ts'
import { TestDoubleIndexWriter, type Behaviour } from './test-double-writer.ts'
import { runToCompletion, settlePromises } from './test-clock.ts'

type TestDatabase = Awaited<ReturnType<typeof createTestDatabase>>

// Virtual time: the relay gives up on a call after 100 ms, waits 100 ms more for it to settle; late answers come at 150 ms.
const RELAY = { callTimeoutMs: 100, graceMs: 100, batchSize: 3, chunkSize: 2 }

type Write =
  | { type: 'offer'; index: number; published: boolean }
  | { type: 'consent'; index: number; consent: boolean }
  | { type: 'rename'; index: number }
  | { type: 'rebuild' }
type Command =
  | Write
  | { type: 'relay'; kind: DocumentKind; behaviours: Behaviour[]; during: Write[] }
  | { type: 'crash' }

const write: fc.Arbitrary<Write> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ type: fc.constant('offer' as const), index: fc.nat(3), published: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('consent' as const), index: fc.nat(2), consent: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('rename' as const), index: fc.nat(2) }) },
  { weight: 1, arbitrary: fc.constant({ type: 'rebuild' as const }) },
)
const behaviour = fc.constantFrom<Behaviour>('ok', 'ok', 'ok', 'late', 'late', 'slow-ack', 'hang', 'unavailable', 'refused')
const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 4, arbitrary: write },
  {
    weight: 4,
    arbitrary: fc.record({
      type: fc.constant('relay' as const),
      kind: fc.constantFrom<DocumentKind>('offer', 'profile'),
      behaviours: fc.array(behaviour, { maxLength: 4 }),
      during: fc.array(write, { maxLength: 2 }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ type: 'crash' as const }) },
)

// One database for every run (a fresh one per run would cost more than the run): each run has its
// own offers and candidates, and the relay follows only the events written since the run began.
let test: TestDatabase
beforeAll(async () => {
  test = await createTestDatabase()
})
afterAll(async () => {
  await test.destroy()
})

/** The board as the database shows it: this run's published offers and consenting profiles. */
async function visibleDocuments(kind: DocumentKind, ids: number[]): Promise<Map<number, string>> {
  const rows =
    kind === 'offer'
      ? await test.db.selectFrom('offers').select(['id', 'title as label']).where('status', '=', 'published').where('id', 'in', ids).execute()
      : await test.db
          .selectFrom('candidate_profiles')
          .select(['user_id as id', 'first_name as label'])
          .where('visibility', '=', 'verified_recruiters')
          .where('user_id', 'in', ids)
          .execute()
  return new Map(rows.map((row) => [row.id, row.label]))
}

const only = (documents: Map<number, string>, ids: number[]) => new Map([...documents].filter(([id]) => ids.includes(id)))

/** Every event of the run at or before the kind's cursor is in the engine, by a snapshot at least that new. */
async function expectMarkedEventsApplied(writer: TestDoubleIndexWriter, since: number) {
  for (const kind of DOCUMENT_KINDS) {
    const cursor = (await findRelayState(test.db, kind))!.relayed_through_id
    const marked = await test.db
      .selectFrom('search_outbox')
      .select(['id', 'doc_id'])
      .where('doc_type', '=', kind)
      .where('id', '>', since)
      .where('id', '<=', cursor)
      .where('doc_id', '!=', 0)
      .execute()
    for (const event of marked) expect(writer.versionIn(kind, event.doc_id), `${kind} ${event.doc_id}, event ${event.id}`).toBeGreaterThanOrEqual(event.id)
  }
}

afterEach(() => {
  vi.useRealTimers()
})

describe('outbox relay against a test double of IndexWriter that fails, refuses, hangs and answers late', () => {
  it('property: events are marked only once applied, none is lost, no document goes back in time, and replays change nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 14 }), async (commands) => {
        try {
          vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
          const since = await lastOutboxId(test.db)
          const company = await createTestCompany(test.db)
          const offers: number[] = []
          for (let i = 0; i < 4; i++) offers.push((await createTestOffer(test.db, { companyId: company.id, title: `Offre ${i}` })).id)
          const candidates: number[] = []
          for (let i = 0; i < 3; i++) candidates.push((await createTestCandidate(test.db, { visibility: i === 0 ? 'private' : 'verified_recruiters' })).id)
          // Followed from the run's start, as right after a reindex.
          await test.db.deleteFrom('search_relay').execute()
          for (const kind of DOCUMENT_KINDS) await markRelayed(test.db, kind, since, new Date())

          const writer = new TestDoubleIndexWriter(test.sqlite)
          let relay = new OutboxRelay(test.db, writer, RELAY)
          let version = 0
          const apply = async (w: Write) => {
            version++
            if (w.type === 'offer') {
              await test.db.transaction().execute(async (trx) => {
                await trx
                  .updateTable('offers')
                  .set({ title: `Offre ${w.index} v${version}`, status: w.published ? 'published' : 'closed' })
                  .where('id', '=', offers[w.index]!)
                  .execute()
                await indexOffer(trx, offers[w.index]!)
              })
            } else if (w.type === 'consent') {
              await setOwnVisibility(test.db, candidates[w.index]!, w.consent, new Date())
            } else if (w.type === 'rename') {
              await test.db.transaction().execute(async (trx) => {
                await trx.updateTable('candidate_profiles').set({ first_name: `Camille v${version}` }).where('user_id', '=', candidates[w.index]!).execute()
                await indexProfile(trx, candidates[w.index]!)
              })
            } else {
              await rebuildOfferIndex(test.db)
            }
          }

          for (const c of commands) {
            if (c.type === 'relay') {
              writer.behaviours = [...c.behaviours]
              // A failed drain is expected here (the double fails on purpose); it was recorded, and is retried later.
              const drained = relay.drain(c.kind).catch(() => null)
              // Writes land while the relay's first call is still out (when it is slow to answer).
              await settlePromises()
              for (const w of c.during) await apply(w)
              await runToCompletion(drained)
            } else if (c.type === 'crash') {
              writer.processDied()
              relay = new OutboxRelay(test.db, writer, RELAY)
            } else {
              await apply(c)
            }
            await expectMarkedEventsApplied(writer, since)
          }

          // The engine is healthy again: one more relay (a restarted server) catches up with everything.
          writer.behaviours = []
          writer.processDied()
          relay = new OutboxRelay(test.db, writer, RELAY)
          for (const kind of DOCUMENT_KINDS) expect(await runToCompletion(relay.drain(kind))).toMatchObject({ status: 'drained' })

          const idsOf = { offer: offers, profile: candidates }
          for (const kind of DOCUMENT_KINDS) {
            const last = await test.db.selectFrom('search_outbox').select((eb) => eb.fn.max('id').as('id')).where('doc_type', '=', kind).executeTakeFirstOrThrow()
            expect((await findRelayState(test.db, kind))!.relayed_through_id).toBe(Number(last.id))
            expect(only(writer.documents(kind), idsOf[kind])).toEqual(await visibleDocuments(kind, idsOf[kind]))
          }
          await expectMarkedEventsApplied(writer, since)

          // Per index and document, the versions applied never go down.
          const seen = new Map<string, number>()
          for (const { uid, id, version: v } of writer.applied) {
            const key = `${uid}/${id}`
            expect(v, `${key} applied version ${v} after ${seen.get(key)}`).toBeGreaterThanOrEqual(seen.get(key) ?? 0)
            seen.set(key, v)
          }

          // Replaying everything (a crash after applying, before marking) leaves the same documents.
          const before = DOCUMENT_KINDS.map((kind) => writer.documents(kind))
          await test.db.updateTable('search_relay').set({ relayed_through_id: since }).execute()
          for (const kind of DOCUMENT_KINDS) await runToCompletion(relay.drain(kind))
          expect(DOCUMENT_KINDS.map((kind) => writer.documents(kind))).toEqual(before)
        } finally {
          vi.useRealTimers()
        }
      }),
      { numRuns: 60 },
    )
  })
})
