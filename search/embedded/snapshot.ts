import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import v8 from 'node:v8'
import type SQLite from 'better-sqlite3'
import type { VocabularySnapshot } from '../vocabulary.ts'
import type { StoreSnapshot } from './offer-store.ts'

/** Bumped whenever the shape of the store or of the vocabulary changes: an older file is then ignored. */
const FORMAT = 'passerelle-engine-5'

/** The outbox event a snapshot reflects, as the database holds it: the same history, not just the same number. */
type Stamp = { id: number; docType: string; docId: number; createdAt: string } | null

export type EngineSnapshot = { store: StoreSnapshot; vocabulary: VocabularySnapshot }

/** The snapshot file of a database file: next to it, like its -wal. */
export function snapshotPathOf(databasePath: string): string | null {
  return databasePath === '' || databasePath === ':memory:' ? null : `${databasePath}.engine`
}

/**
 * The embedded engine's memory (offer store, typo index, presorted orders)
 * saved to a file, so that a process starting reads it in a fraction of a
 * second instead of rebuilding it from the whole database, then replays the
 * search outbox from the event it was taken at. The file is written to a
 * temporary name then renamed: a reader never sees half of it, and two
 * workers writing at once leave one whole file.
 */
export function writeSnapshot(file: string, sqlite: SQLite.Database, snapshot: EngineSnapshot): void {
  const stamp = stampOf(sqlite, snapshot.store.outboxId)
  const temporary = `${file}.${process.pid}.tmp`
  try {
    writeFileSync(temporary, v8.serialize({ format: FORMAT, stamp, ...snapshot }))
    renameSync(temporary, file)
  } finally {
    rmSync(temporary, { force: true })
  }
}

/**
 * The snapshot, or why it cannot be used: missing, unreadable or of
 * another format, or taken from another history (the database was
 * replaced) or one the outbox no longer covers (maintenance pruned the
 * events between it and now). The caller then loads everything.
 */
export function readSnapshot(file: string, sqlite: SQLite.Database): EngineSnapshot | { unusable: string } {
  let saved: { format?: unknown; stamp?: Stamp } & EngineSnapshot
  try {
    saved = v8.deserialize(readFileSync(file)) as typeof saved
  } catch (error) {
    return { unusable: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'unreadable' }
  }
  if (saved?.format !== FORMAT) return { unusable: 'another format' }
  const outboxId = saved.store.outboxId
  const now = stampOf(sqlite, outboxId)
  if (JSON.stringify(now) !== JSON.stringify(saved.stamp ?? null) || (outboxId > 0 && now === null)) {
    return { unusable: 'taken from another history or no longer covered by the outbox' }
  }
  const first = sqlite.prepare<[], number | null>('select min(id) from search_outbox').pluck().get() ?? 0
  if (first > outboxId + 1) return { unusable: 'no longer covered by the outbox' }
  return { store: saved.store, vocabulary: saved.vocabulary }
}

function stampOf(sqlite: SQLite.Database, outboxId: number): Stamp {
  const row = sqlite
    .prepare<[number], { id: number; docType: string; docId: number; createdAt: string }>(
      'select id, doc_type as docType, doc_id as docId, created_at as createdAt from search_outbox where id = ?')
    .get(outboxId)
  return row ?? null
}
