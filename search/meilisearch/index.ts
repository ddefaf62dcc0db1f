import type SQLite from 'better-sqlite3'
import type { IndexWriter } from '../sync/index-writer.ts'
import type { SearchEngine } from '../types.ts'
import { connect } from './client.ts'
import { MeilisearchEngine } from './engine.ts'
import { MeilisearchWriter } from './writer.ts'

/** Connection settings; the admin key stays on the server (never sent to a browser). */
export type MeilisearchConfig = {
  url: string
  /** The server's key: search, documents, `indexes.get`/`indexes.delete`, `tasks.get`; never `indexes.create`. */
  apiKey: string
  /** The reindex key (creates, configures and swaps indexes): `npm run search:reindex` only. */
  adminKey?: string
  /** Index uids are `${indexPrefix}offers` and `${indexPrefix}profiles`. */
  indexPrefix: string
  /** Per request; past it the engine counts as unavailable. */
  timeoutMs: number
}

/**
 * The Meilisearch adapter: the engine that answers searches and the writer
 * the outbox relay and the reindex use. Nothing is sent before the first
 * search or write. Profiles are searched by the server only (matches for
 * recruiters), through this engine; the browser never talks to Meilisearch.
 */
/**
 * The writer `npm run search:reindex` uses: the reindex key, which may create,
 * configure and swap indexes. The server never holds it (createMeilisearch).
 */
export function createReindexWriter(config: MeilisearchConfig, sqlite: SQLite.Database): IndexWriter {
  if (!config.adminKey) throw new Error('MEILISEARCH_ADMIN_KEY is required to reindex')
  return new MeilisearchWriter(connect({ ...config, apiKey: config.adminKey }), sqlite)
}

export function createMeilisearch(config: MeilisearchConfig, sqlite: SQLite.Database): { engine: SearchEngine; writer: IndexWriter } {
  const connection = connect(config)
  return { engine: new MeilisearchEngine(connection, sqlite), writer: new MeilisearchWriter(connection, sqlite) }
}
