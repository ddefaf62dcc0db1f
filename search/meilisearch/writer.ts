import { randomBytes } from 'node:crypto'
import type SQLite from 'better-sqlite3'
import type { EnqueuedTask, Task } from 'meilisearch'
import { SearchRequestError, SearchUnavailableError } from '../errors.ts'
import { readSkillSpellings, Synonyms } from '../synonyms.ts'
import type { DocumentKind, IndexWriter } from '../sync/index-writer.ts'
import type { Connection } from './client.ts'
import { documentIds, offerDocuments, profileDocuments } from './documents.ts'
import { assertSucceeded, meili } from './errors.ts'
import { createIndexWithSettings, dropIndexes, indexesStartingWith, indexExists } from './indexes.ts'
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
 */
export class MeilisearchWriter implements IndexWriter {
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
    for (const task of tasks) assertSucceeded(await this.waitUntil(task, deadline))
  }

  allIds(kind: DocumentKind): number[] {
    return documentIds(this.sqlite, kind)
  }

  async createFreshIndex(kind: DocumentKind): Promise<string> {
    const uid = `${this.connection.liveUid[kind]}_${stampOf(Date.now())}`
    await createIndexWithSettings(this.connection, uid, this.settings(kind))
    return uid
  }

  async swapIntoLive(kind: DocumentKind, freshUid: string): Promise<{ previousUid: string }> {
    const live = this.connection.liveUid[kind]
    // Swapping needs both indexes; on a first deployment the live one is created empty, with its settings.
    if (!(await indexExists(this.connection, live))) await createIndexWithSettings(this.connection, live, this.settings(kind))
    const task = await meili(() => this.connection.client.swapIndexes([{ indexes: [live, freshUid], rename: false }]).waitTask())
    assertSucceeded(task)
    return { previousUid: freshUid }
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

  /** Waits for a task until the call's deadline; past it, the task counts as not applied. */
  private waitUntil(task: EnqueuedTask, deadline: number): Promise<Task> {
    // The client reads a timeout below 1 ms as "wait forever".
    const timeout = Math.max(1, deadline - Date.now())
    return meili(() => this.connection.client.tasks.waitForTask(task.taskUid, { timeout }))
  }

  private settings(kind: DocumentKind) {
    return indexSettings(kind, new Synonyms(readSkillSpellings(this.sqlite)))
  }
}

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
