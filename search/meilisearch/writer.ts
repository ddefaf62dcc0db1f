import type SQLite from 'better-sqlite3'
import type { EnqueuedTask } from 'meilisearch'
import { readSkillSpellings, Synonyms } from '../synonyms.ts'
import type { DocumentKind, IndexWriter } from '../sync/index-writer.ts'
import type { Connection } from './client.ts'
import { documentIds, offerDocuments, profileDocuments } from './documents.ts'
import { assertSucceeded, meili } from './errors.ts'
import { createIndexWithSettings, indexExists } from './indexes.ts'
import { indexSettings } from './settings.ts'

/**
 * Makes Meilisearch's documents match the database, for the outbox relay
 * and the full reindex (search/sync/). Every write waits for its task: the
 * relay marks an event done only once the change is applied.
 */
export class MeilisearchWriter implements IndexWriter {
  /** Live indexes known to exist (with settings), so that a write never creates one without them. */
  private readonly ensured = new Map<DocumentKind, Promise<void>>()

  constructor(
    private readonly connection: Connection,
    private readonly sqlite: SQLite.Database,
  ) {}

  async sync(kind: DocumentKind, ids: readonly number[], indexUid = this.connection.liveUid[kind]): Promise<void> {
    if (ids.length === 0) return
    if (indexUid === this.connection.liveUid[kind]) await this.ensureLive(kind)
    const unique = [...new Set(ids)].sort((a, b) => a - b)
    const documents = kind === 'offer' ? offerDocuments(this.sqlite, unique) : profileDocuments(this.sqlite, unique)
    const kept = new Set(documents.map((d) => d.id))
    const gone = unique.filter((id) => !kept.has(id))

    const index = this.connection.client.index(indexUid)
    const tasks: EnqueuedTask[] = []
    // addDocuments replaces whole documents (updateDocuments would merge with the old fields).
    if (documents.length) tasks.push(await meili(() => index.addDocuments(documents, { primaryKey: 'id' })))
    if (gone.length) tasks.push(await meili(() => index.deleteDocuments(gone)))
    for (const task of tasks) assertSucceeded(await meili(() => this.connection.client.tasks.waitForTask(task.taskUid)))
  }

  allIds(kind: DocumentKind): number[] {
    return documentIds(this.sqlite, kind)
  }

  async createFreshIndex(kind: DocumentKind): Promise<string> {
    const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`
    const uid = `${this.connection.liveUid[kind]}_${stamp}`
    await createIndexWithSettings(this.connection, uid, this.settings(kind))
    return uid
  }

  async swapIntoLive(kind: DocumentKind, freshUid: string): Promise<{ previousUid: string }> {
    const live = this.connection.liveUid[kind]
    // Swapping needs both indexes; on a first deployment the live one is created empty.
    await this.ensureLive(kind)
    const task = await meili(() => this.connection.client.swapIndexes([{ indexes: [live, freshUid], rename: false }]).waitTask())
    assertSucceeded(task)
    return { previousUid: freshUid }
  }

  private ensureLive(kind: DocumentKind): Promise<void> {
    let ensured = this.ensured.get(kind)
    if (!ensured) {
      const uid = this.connection.liveUid[kind]
      ensured = indexExists(this.connection, uid).then((exists) =>
        exists ? undefined : createIndexWithSettings(this.connection, uid, this.settings(kind)),
      )
      // A failure (Meilisearch down) is not remembered: the next write checks again.
      ensured.catch(() => this.ensured.delete(kind))
      this.ensured.set(kind, ensured)
    }
    return ensured
  }

  private settings(kind: DocumentKind) {
    return indexSettings(kind, new Synonyms(readSkillSpellings(this.sqlite)))
  }
}
