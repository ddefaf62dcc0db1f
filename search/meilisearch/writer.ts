import { randomBytes } from 'node:crypto'
import type SQLite from 'better-sqlite3'
import { MeilisearchApiError, type EnqueuedTask, type Task } from 'meilisearch'
import { SearchRequestError, SearchUnavailableError } from '../errors.ts'
import { readSkillSpellings, Synonyms } from '../synonyms.ts'
import type { DocumentKind, IndexWriter, SwapResult } from '../sync/index-writer.ts'
import type { Connection } from './client.ts'
import { documentIds, offerDocuments, profileDocuments } from './documents.ts'
import { assertSucceeded, meili, toSearchError } from './errors.ts'
import { createIndexWithSettings, dropIndexes, indexCreatedAt, indexesStartingWith, indexExists } from './indexes.ts'
import { indexSettings } from './settings.ts'

/**
 * Makes Meilisearch's documents match the database, for the outbox relay
 * and the full reindex (search/sync/). Every write waits for its task: the
 * relay marks an event done only once the change is applied.
 *
 * Only `swapIntoLive` ever creates a live index. A write to a missing one is
 * refused: Meilisearch would create it bare (no settings), and the relay,
 * sending only new changes, would leave searches answering from an almost
 * empty index, without the fallback's notice. Refused, the relay records it
 * and backs off, searches fall back, and `npm run search:reindex` rebuilds.
 * The check and the write are two requests: the server's key has no
 * `indexes.create` (README, « Clés »), so a live index lost in between is
 * not recreated by the write either, whose task then fails index_not_found.
 */
export class MeilisearchWriter implements IndexWriter {
  /**
   * A call whose tasks were still queued when its budget ran out: what it
   * sent, document by document. The relay retries the same batch; if the
   * documents have not changed, the retry waits for those tasks instead of
   * queueing the same documents again behind them (Meilisearch is already slow).
   */
  private unfinished: { indexUid: string; sent: Map<number, string>; taskUids: number[] } | null = null

  constructor(
    private readonly connection: Connection,
    private readonly sqlite: SQLite.Database,
  ) {}

  async sync(kind: DocumentKind, ids: readonly number[], indexUid = this.connection.liveUid[kind], signal?: AbortSignal): Promise<void> {
    if (ids.length === 0) return
    // One budget for the whole call, requests included (see client.ts).
    const deadline = Date.now() + this.connection.taskWaitMs
    stopIfAborted(signal)
    if (indexUid === this.connection.liveUid[kind]) await this.assertLiveExists(kind)
    const unique = [...new Set(ids)].sort((a, b) => a - b)
    const documents = kind === 'offer' ? offerDocuments(this.sqlite, unique) : profileDocuments(this.sqlite, unique)
    const kept = new Set(documents.map((d) => d.id))
    const gone = unique.filter((id) => !kept.has(id))

    const sent = new Map<number, string>([...documents.map((d) => [d.id, JSON.stringify(d)] as const), ...gone.map((id) => [id, 'deleted'] as const)])
    const earlier = this.unfinished
    if (earlier && earlier.indexUid === indexUid && sameDocuments(earlier.sent, sent)) {
      // The same documents are still queued: wait for them rather than send them again.
      await this.waitForAll(earlier.taskUids, deadline)
      return
    }

    const index = this.connection.client.index(indexUid)
    const tasks: EnqueuedTask[] = []
    // Both are enqueued before waiting: Meilisearch applies an index's tasks in order.
    if (documents.length) {
      stopIfAborted(signal)
      // addDocuments replaces whole documents (updateDocuments would merge with the old fields).
      tasks.push(await meili(() => index.addDocuments(documents, { primaryKey: 'id' })))
    }
    if (gone.length) {
      stopIfAborted(signal)
      tasks.push(await meili(() => index.deleteDocuments(gone)))
    }
    this.unfinished = { indexUid, sent, taskUids: tasks.map((t) => t.taskUid) }
    await this.waitForAll(this.unfinished.taskUids, deadline)
  }

  /**
   * Waits for the tasks in order. While one may still be queued (the wait ran
   * out, or Meilisearch stopped answering) they stay remembered for a retry;
   * once Meilisearch says how they ended, they are forgotten.
   */
  private async waitForAll(taskUids: readonly number[], deadline: number): Promise<void> {
    const unfinished = this.unfinished
    const forget = () => {
      if (this.unfinished === unfinished) this.unfinished = null
    }
    for (const uid of taskUids) {
      const task = await this.waitUntil(uid, deadline)
      if (task.status === 'enqueued' || task.status === 'processing') throw new SearchUnavailableError(`Meilisearch task ${uid} still ${task.status}`)
      try {
        assertSucceeded(task)
      } catch (error) {
        forget()
        throw error
      }
    }
    forget()
  }

  allIds(kind: DocumentKind): number[] {
    return documentIds(this.sqlite, kind)
  }

  async createFreshIndex(kind: DocumentKind): Promise<string> {
    const uid = `${this.connection.liveUid[kind]}_${stampOf(Date.now())}`
    await createIndexWithSettings(this.connection, uid, this.settings(kind))
    return uid
  }

  async swapIntoLive(kind: DocumentKind, freshUid: string): Promise<SwapResult> {
    const live = this.connection.liveUid[kind]
    // Swapping needs both indexes; on a first deployment the live one is created empty, with its settings.
    if (!(await indexExists(this.connection, live))) await createIndexWithSettings(this.connection, live, this.settings(kind))
    // Meilisearch's createdAt moves with the documents in a swap: what each name holds before tells, after, whether it applied.
    const liveBefore = await indexCreatedAt(this.connection, live)
    const freshBefore = await indexCreatedAt(this.connection, freshUid)
    if (freshBefore === null) throw new SearchRequestError(`Meilisearch has no index ${freshUid} to swap in`, 'index_not_found')
    const before = { live: liveBefore, fresh: freshBefore }
    const deadline = Date.now() + this.connection.taskWaitMs
    let enqueued: EnqueuedTask
    try {
      enqueued = await this.connection.client.swapIndexes([{ indexes: [live, freshUid], rename: false }])
    } catch (error) {
      // Meilisearch refusing it (4xx): nothing was queued. No answer, or a proxy's 5xx or 408: it may be queued all the same.
      if (error instanceof MeilisearchApiError && isRefusal(error.response.status)) throw toSearchError(error)
      return this.settleSwap(live, freshUid, before)
    }
    let task: Task
    try {
      task = await this.waitUntil(enqueued.taskUid, deadline)
    } catch {
      // A key whose indexes are not `*` never sees a swap task (404 task_not_found), or the wait ran out.
      return this.settleSwap(live, freshUid, before)
    }
    if (task.status === 'enqueued' || task.status === 'processing') return this.settleSwap(live, freshUid, before)
    assertSucceeded(task)
    return { previousUid: freshUid, outcome: 'swapped' }
  }

  /**
   * A swap was sent but its end could not be read. Meilisearch applies an
   * index swap before any index task queued after it, so once a task queued
   * now on one of the two indexes has been processed, the swap has been too;
   * then the creation dates under the two names say which way it went.
   * Without that in time, the outcome stays unknown: nothing may be dropped.
   */
  private async settleSwap(live: string, freshUid: string, before: { live: string | null; fresh: string }): Promise<SwapResult> {
    let liveNow: string | null
    try {
      // Deleting no document: a task of the fresh uid's own, visible to a scoped key, that changes nothing.
      const barrier = await meili(() => this.connection.client.index(freshUid).deleteDocuments([]))
      const settled = await this.waitUntil(barrier.taskUid, Date.now() + this.connection.taskWaitMs)
      if (settled.status === 'enqueued' || settled.status === 'processing') return { previousUid: freshUid, outcome: 'unknown' }
      liveNow = await indexCreatedAt(this.connection, live)
    } catch {
      return { previousUid: freshUid, outcome: 'unknown' }
    }
    if (liveNow === before.fresh) return { previousUid: freshUid, outcome: 'swapped' }
    if (liveNow !== null && liveNow === before.live) {
      throw new SearchUnavailableError(`Meilisearch did not apply the swap of ${live} and ${freshUid} (checked once it was processed)`)
    }
    return { previousUid: freshUid, outcome: 'unknown' }
  }

  async liveIndex(kind: DocumentKind): Promise<{ uid: string; builtAt: string } | null> {
    const uid = this.connection.liveUid[kind]
    const builtAt = await indexCreatedAt(this.connection, uid)
    return builtAt === null ? null : { uid, builtAt }
  }

  async dropIndex(uid: string): Promise<void> {
    // Dropping a live index would leave searches on nothing until a reindex: never asked for, so refused.
    if (Object.values(this.connection.liveUid).includes(uid)) throw new Error(`refusing to drop the live index ${uid}`)
    await dropIndexes(this.connection, [uid])
  }

  async keptIndexes(kind: DocumentKind): Promise<{ uid: string; createdAt: Date }[]> {
    const live = this.connection.liveUid[kind]
    const kept = await indexesStartingWith(this.connection, `${live}_`)
    // Meilisearch's createdAt goes with the documents in a swap, so a rollback index reports the
    // creation of the index it replaced, maybe months ago; the uid says when the reindex made it.
    return kept.map(({ uid, createdAt }) => {
      const made = madeAt(uid.slice(live.length + 1))
      return { uid, createdAt: made && made > createdAt ? made : createdAt }
    })
  }

  private async assertLiveExists(kind: DocumentKind): Promise<void> {
    const uid = this.connection.liveUid[kind]
    if (await indexExists(this.connection, uid)) return
    throw new SearchRequestError(
      `Meilisearch has no live index ${uid} (its data was lost?); writes never create it: run npm run search:reindex`,
      'index_not_found',
    )
  }

  /** Waits for a task until the call's deadline; past it, the task counts as not applied (it may still be queued). */
  private waitUntil(taskUid: number, deadline: number): Promise<Task> {
    // The client reads a timeout below 1 ms as "wait forever".
    const timeout = Math.max(1, deadline - Date.now())
    return meili(() => this.connection.client.tasks.waitForTask(taskUid, { timeout }))
  }

  private settings(kind: DocumentKind) {
    return indexSettings(kind, new Synonyms(readSkillSpellings(this.sqlite)))
  }
}

const isRefusal = (status: number) => status >= 400 && status < 500 && status !== 408

const sameDocuments = (a: ReadonlyMap<number, string>, b: ReadonlyMap<number, string>) =>
  a.size === b.size && [...b].every(([id, document]) => a.get(id) === document)

/** The relay gave up on this call: sending more could land an old snapshot after a newer one. */
function stopIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new SearchUnavailableError('the relay gave up on this call: nothing more is sent', { cause: signal.reason })
}

// A fresh index's uid ends with when it was made (base 36 milliseconds) and 4 random hex digits.
const stampOf = (ms: number) => `${ms.toString(36)}${randomBytes(2).toString('hex')}`

function madeAt(stamp: string): Date | null {
  const ms = /^[a-z0-9]{5,}$/.test(stamp) ? parseInt(stamp.slice(0, -4), 36) : NaN
  // Anything else (an index made by hand) is left to Meilisearch's date.
  return Number.isFinite(ms) && ms <= Date.now() ? new Date(ms) : null
}
