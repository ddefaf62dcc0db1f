import { randomUUID } from 'node:crypto'
import { hostname } from 'node:os'
import type { DB } from '#db/connection.ts'
import {
  findRelayState,
  markRelayed,
  outboxEventsAfter,
  recordRelayFailure,
  releaseRelayLease,
  takeRelayLease,
  type OutboxEvent,
} from '#db/queries/search-outbox.ts'
import { SearchUnavailableError } from '../errors.ts'
import { describeSyncError } from './describe-error.ts'
import type { DocumentKind, IndexWriter } from './index-writer.ts'

export const DOCUMENT_KINDS: readonly DocumentKind[] = ['offer', 'profile']

export type RelayOptions = {
  /** Outbox events read at once. */
  batchSize?: number
  /** Ids per writer call (a full-rebuild marker expands to every id of the kind). */
  chunkSize?: number
  /** Past it, a writer call counts as failed (unavailable) and is tried again later. */
  callTimeoutMs?: number
  /** How long the next call waits for an abandoned one to settle first. */
  graceMs?: number
  /** How long a lease holds without renewal; longer than a call and its grace. */
  leaseMs?: number
  owner?: string
  now?: () => Date
  log?: Pick<Console, 'warn'>
}

export type DrainResult =
  | { status: 'drained'; events: number; documents: number }
  /** No full reindex has loaded this kind yet: nothing to follow. */
  | { status: 'not-followed' }
  /** Another process holds the kind's lease and relays it. */
  | { status: 'busy' }

/**
 * Sends the search outbox to an external engine, in id order, and moves the
 * kind's cursor (`search_relay`) only once the engine applied what it sent.
 *
 * - Coalescing: a batch's events become one list of document ids; the writer
 *   sends each document as the database holds it *now*, which is at least as
 *   new as every event read (SQLite serialises writers, so an id is visible
 *   only once every lower id is: an id cursor never skips a late commit).
 * - Never skips: a failed batch is retried whole, so no later event of a
 *   document overtakes an earlier one, and replaying events already applied
 *   (a crash between apply and mark) only sends the same documents again.
 * - One writer call at a time: a call that timed out is abandoned for the
 *   bookkeeping, but the next call waits for it to settle (up to graceMs), so
 *   an old snapshot never lands after a newer one.
 */
export class OutboxRelay {
  readonly owner: string
  private readonly batchSize: number
  private readonly chunkSize: number
  private readonly callTimeoutMs: number
  private readonly graceMs: number
  readonly leaseMs: number
  private readonly now: () => Date
  private readonly log: Pick<Console, 'warn'>
  private inFlight: Promise<void> | null = null

  constructor(
    private readonly db: DB,
    private readonly writer: IndexWriter,
    options: RelayOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 500
    this.chunkSize = options.chunkSize ?? 500
    this.callTimeoutMs = options.callTimeoutMs ?? 30_000
    this.graceMs = options.graceMs ?? this.callTimeoutMs
    this.leaseMs = options.leaseMs ?? 3 * (this.callTimeoutMs + this.graceMs)
    this.owner = options.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`
    this.now = options.now ?? (() => new Date())
    this.log = options.log ?? console
  }

  /**
   * Relays this kind's pending events, batch after batch, until none is left.
   * Holds the kind's lease meanwhile and releases it at the end, so that a
   * reindex or another process can take over between two drains. Throws the
   * first failure once recorded; the batches relayed before it stay marked.
   */
  async drain(kind: DocumentKind, shouldStop: () => boolean = () => false): Promise<DrainResult> {
    if (!(await findRelayState(this.db, kind))) return { status: 'not-followed' }
    if (!(await this.lease(kind))) return { status: 'busy' }
    let events = 0
    let documents = 0
    try {
      while (!shouldStop()) {
        const batch = await this.relayBatch(kind)
        if (!batch) break
        events += batch.events
        documents += batch.documents
      }
    } finally {
      await this.settle()
      await releaseRelayLease(this.db, kind, this.owner)
    }
    return { status: 'drained', events, documents }
  }

  /**
   * Makes the engine's documents match the database for these ids (in the
   * index being rebuilt when `indexUid` is given): in chunks, one call at a
   * time, each within callTimeoutMs.
   */
  async send(kind: DocumentKind, ids: readonly number[], indexUid?: string, beforeEachCall?: () => Promise<void>): Promise<void> {
    for (let start = 0; start < ids.length; start += this.chunkSize) {
      await beforeEachCall?.()
      await this.settle()
      // Aborted once the call is given up on: the writer then enqueues nothing more from its old snapshot.
      const abandon = new AbortController()
      const call = this.writer.sync(kind, ids.slice(start, start + this.chunkSize), indexUid, abandon.signal)
      const settled = call.then(ignore, ignore)
      this.inFlight = settled
      void settled.then(() => {
        if (this.inFlight === settled) this.inFlight = null
      })
      try {
        await withTimeout(call, this.callTimeoutMs)
      } catch (error) {
        abandon.abort(error)
        throw error
      }
    }
  }

  /** The events after the kind's cursor, sent and then marked; null when there are none. */
  private async relayBatch(kind: DocumentKind): Promise<{ events: number; documents: number } | null> {
    const state = await findRelayState(this.db, kind)
    if (!state) return null
    const events = await outboxEventsAfter(this.db, kind, state.relayed_through_id, this.batchSize)
    if (events.length === 0) return null
    const ids = documentsToSync(events, () => this.writer.allIds(kind))
    try {
      await this.send(kind, ids, undefined, () => this.keepLease(kind))
    } catch (error) {
      await recordRelayFailure(this.db, kind, describeSyncError(error), this.now())
      throw error
    }
    await markRelayed(this.db, kind, events.at(-1)!.id, this.now())
    return { events: events.length, documents: ids.length }
  }

  /** Renews the lease before a call; a call that outlived it let another process in: stop rather than send side by side. */
  async keepLease(kind: DocumentKind): Promise<void> {
    if (!(await this.lease(kind))) throw new Error('bail du relais perdu au profit d’un autre processus')
  }

  lease(kind: DocumentKind): Promise<boolean> {
    return takeRelayLease(this.db, kind, this.owner, this.now(), this.leaseMs)
  }

  /** Waits for an abandoned call to settle, for graceMs at most. */
  async settle(): Promise<void> {
    const pending = this.inFlight
    if (!pending) return
    if (await settlesWithin(pending, this.graceMs)) return
    this.log.warn(`Relais de recherche : un appel sans réponse depuis ${this.callTimeoutMs + this.graceMs} ms est abandonné.`)
    if (this.inFlight === pending) this.inFlight = null
  }
}

/** The ids to send for a batch of events: each document once; a doc_id 0 (full rebuild) means every id of the kind. */
export function documentsToSync(events: readonly OutboxEvent[], allIds: () => number[]): number[] {
  const ids = new Set<number>()
  let everything = false
  for (const event of events) {
    if (event.doc_id === 0) everything = true
    else ids.add(event.doc_id)
  }
  // Ids of the batch stay too: a document deleted before the rebuild is no longer among allIds.
  if (everything) for (const id of allIds()) ids.add(id)
  return [...ids].sort((a, b) => a - b)
}

function ignore() {}

async function withTimeout(call: Promise<void>, ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SearchUnavailableError(`pas de réponse du moteur en ${ms} ms`)), ms)
  })
  try {
    await Promise.race([call, timeout])
  } finally {
    clearTimeout(timer)
  }
}

async function settlesWithin(promise: Promise<void>, ms: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms)
  })
  try {
    return await Promise.race([promise.then(() => true as const), late])
  } finally {
    clearTimeout(timer)
  }
}
