import type { DB } from '#db/connection.ts'
import {
  findRelayState,
  firstOutboxId,
  lastOutboxId,
  markRelayed,
  outboxEventsAfter,
  releaseRelayLease,
  rewindRelayCursor,
} from '#db/queries/search-outbox.ts'
import { describeSyncError } from './describe-error.ts'
import type { DocumentKind, IndexWriter, SwapResult } from './index-writer.ts'
import { documentsToSync, OutboxRelay, type RelayOptions } from './relay.ts'
import { dropStaleIndexes } from './rollback-indexes.ts'

export type ReindexOptions = RelayOptions & {
  /** How long to wait for the server's relay to hand over the live index (it does between two drains). */
  leaseWaitMs?: number
  /** Pause between two attempts at the lease. */
  leasePollMs?: number
}

export type ReindexReport = {
  kind: DocumentKind
  documents: number
  /** Events written during the load, replayed before and after the swap. */
  replayed: number
  /** The uid that now holds the previous documents, for a rollback. */
  previousUid: string
  /**
   * Outbox id a rollback must replay from: the older of where the load
   * started and where the relay was at the swap (the previous index never got
   * the events the relay had not yet sent). Null on a kind's first build: the
   * previous index is the empty one, nothing to go back to.
   */
  sinceId: number | null
  /**
   * 'swapped': Meilisearch reported the swap applied. 'unknown': sent, but its
   * end could not be read in time; the catch-up went to the live index all the
   * same (it is queued after the swap, so it lands in whichever index ends
   * live) and both indexes are kept.
   */
  swap: SwapResult['outcome']
}

/**
 * Rebuilds a kind's index without a moment of empty or partial search:
 * a fresh index gets the settings and every document in batches, then the
 * changes written meanwhile (from the outbox), then takes the live index's
 * place in one atomic swap; the previous index is kept for a rollback.
 *
 * Nothing is lost at the swap: the live relay may have sent a change to the
 * old index just before it, so once the swap is done (holding the relay's
 * lease, so that nobody else writes to the live index) the outbox since the
 * load is replayed into the live index, then the relay's cursor moves past it.
 * The first reindex of a kind also starts the relay following it.
 */
export async function reindexKind(db: DB, writer: IndexWriter, kind: DocumentKind, options: ReindexOptions = {}): Promise<ReindexReport> {
  const sender = new OutboxRelay(db, writer, options)
  // Every change up to here is in the database the load reads; later ones are replayed.
  const sinceId = await lastOutboxId(db)
  const freshUid = await writer.createFreshIndex(kind)
  let swapped = false
  try {
    const ids = writer.allIds(kind)
    await sender.send(kind, ids, freshUid)
    const loaded = await replay(db, sender, writer, kind, { afterId: sinceId, indexUid: freshUid })

    const report = await withLiveIndex(db, sender, kind, options, async (mustReach, followed) => {
      // Past this call the fresh index is never dropped: only a swap certainly not applied rejects.
      const { previousUid, outcome } = await writer.swapIntoLive(kind, freshUid)
      swapped = true
      return swapAndCatchUp(db, sender, writer, kind, { previousUid, outcome, sinceId, mustReach, followed, loaded, documents: ids.length })
    })
    // One rollback index per kind is enough: older ones go, with the documents they still hold.
    // Best effort: the new index is live; the relay worker's daily clean-up retries.
    await dropStaleIndexes(writer, new Date(), { kinds: [kind], except: [report.previousUid], olderThanDays: 0 }).catch(() => [])
    return report
  } catch (error) {
    // A half-built index, or one certainly not swapped in, is of no use to anyone; dropping it is best effort, the error that matters is the first.
    if (!swapped) await writer.dropIndex(freshUid).catch(() => {})
    throw error
  }
}

async function swapAndCatchUp(
  db: DB,
  sender: OutboxRelay,
  writer: IndexWriter,
  kind: DocumentKind,
  { previousUid, outcome, sinceId, mustReach, followed, loaded, documents }: {
    previousUid: string
    outcome: SwapResult['outcome']
    sinceId: number
    mustReach: number
    followed: boolean
    loaded: { through: number; events: number }
    documents: number
  },
): Promise<ReindexReport> {
  const rollbackFrom = followed ? Math.min(sinceId, mustReach) : null
  // Swapped, the live index has the load; unknown, it may still be the old one, which the relay left at
  // mustReach (or, on a first deployment, the empty one: it gets every document).
  const catchUpFrom = outcome === 'swapped' ? loaded.through : followed ? Math.min(loaded.through, mustReach) : loaded.through
  let caughtUp: { through: number; events: number }
  try {
    if (outcome === 'unknown' && !followed) await sender.send(kind, writer.allIds(kind))
    caughtUp = await replay(db, sender, writer, kind, { afterId: catchUpFrom, mustReach, live: true })
  } catch (error) {
    // The new index is live but may lack what the old one got meanwhile: the relay will send it from there.
    await rewindRelayCursor(db, kind, catchUpFrom, new Date())
    throw new ReindexCatchUpError(previousUid, rollbackFrom, catchUpFrom, error)
  }
  // Right whichever way an unknown swap ends: the catch-up was queued after it, into the live uid.
  await markRelayed(db, kind, caughtUp.through, new Date())
  return { kind, documents, replayed: loaded.events + caughtUp.events, previousUid, sinceId: rollbackFrom, swap: outcome }
}

/** The new index went live, but the changes since the load could not all be sent; the relay resends them. */
export class ReindexCatchUpError extends Error {
  override readonly name = 'ReindexCatchUpError'
  constructor(
    readonly previousUid: string,
    readonly sinceId: number | null,
    readonly relayFrom: number,
    cause: unknown,
  ) {
    super(
      `nouvel index en ligne, mais le rattrapage a échoué (${describeSyncError(cause)}) ; ` +
        `le relais renverra les changements depuis l’événement ${relayFrom}`,
      { cause },
    )
  }
}

/**
 * Puts the previous index back in place (a swap again) and replays into it
 * every change since the reindex began (`sinceId`, printed by the reindex).
 * Refused once those events have been pruned from the outbox: build a fresh
 * index instead.
 */
export async function rollbackKind(
  db: DB,
  writer: IndexWriter,
  kind: DocumentKind,
  previousUid: string,
  sinceId: number,
  options: ReindexOptions = {},
): Promise<{ replayed: number; previousUid: string; swap: SwapResult['outcome'] }> {
  const oldest = await firstOutboxId(db)
  if (oldest !== null && oldest > sinceId + 1) {
    throw new Error(
      `les changements depuis l’événement ${sinceId} ont été purgés de l’outbox ; reconstruisez plutôt l’index (npm run search:reindex).`,
    )
  }
  const sender = new OutboxRelay(db, writer, options)
  return withLiveIndex(db, sender, kind, options, async (mustReach) => {
    // An unknown outcome is caught up the same way: the replay lands in whichever index ends live.
    const swapped = await writer.swapIntoLive(kind, previousUid)
    const caughtUp = await replay(db, sender, writer, kind, { afterId: sinceId, mustReach, live: true })
    await markRelayed(db, kind, caughtUp.through, new Date())
    return { replayed: caughtUp.events, previousUid: swapped.previousUid, swap: swapped.outcome }
  })
}

/**
 * Runs `work` while no relay writes to the kind's live index: the lease is
 * taken when a relay follows the kind. `mustReach` is the relay's cursor then,
 * which a replay must cover (the relay may have sent those events to the
 * index that is no longer live).
 */
async function withLiveIndex<T>(
  db: DB,
  sender: OutboxRelay,
  kind: DocumentKind,
  options: ReindexOptions,
  work: (mustReach: number, followed: boolean) => Promise<T>,
): Promise<T> {
  if (!(await findRelayState(db, kind))) return work(0, false)
  // Longer than a lease: a lease left by a crashed server can be waited out.
  const waitMs = options.leaseWaitMs ?? sender.leaseMs + 20_000
  const pollMs = options.leasePollMs ?? 250
  for (let waited = 0; !(await sender.lease(kind)); waited += pollMs) {
    if (waited >= waitMs) throw new Error(`le relais d’un autre processus garde l’index en ligne depuis plus de ${waitMs / 1000} s ; réessayez.`)
    await new Promise((resolve) => setTimeout(resolve, pollMs))
  }
  try {
    return await work((await findRelayState(db, kind))!.relayed_through_id, true)
  } finally {
    await sender.settle()
    await releaseRelayLease(db, kind, sender.owner)
  }
}

const REPLAY_BATCH = 5000
/** Passes after which a replay may stop although writes keep coming: the relay goes on from its end. */
const REPLAY_PASSES = 10

/**
 * Sends the kind's events after `afterId` (to `indexUid`, or the live index);
 * returns how far it went. Into the live index, the lease is renewed before
 * each call, as the relay does: a long catch-up must not let the server's
 * relay write beside it.
 */
async function replay(
  db: DB,
  sender: OutboxRelay,
  writer: IndexWriter,
  kind: DocumentKind,
  { afterId, indexUid, mustReach = 0, live = false }: { afterId: number; indexUid?: string; mustReach?: number; live?: boolean },
): Promise<{ through: number; events: number }> {
  const keepLease = live ? () => sender.keepLease(kind) : undefined
  let through = afterId
  let count = 0
  for (let pass = 0; pass < REPLAY_PASSES || through < mustReach; pass++) {
    const oldest = await firstOutboxId(db)
    if (oldest !== null && oldest > through + 1) throw new Error(`des événements après ${through} ont été purgés pendant la reconstruction ; relancez-la.`)
    const events = await outboxEventsAfter(db, kind, through, REPLAY_BATCH)
    if (events.length === 0) break
    await sender.send(kind, documentsToSync(events, () => writer.allIds(kind)), indexUid, keepLease)
    through = events.at(-1)!.id
    count += events.length
  }
  return { through, events: count }
}
