import type SQLite from 'better-sqlite3'
import { EmbeddedSearchEngine } from './embedded/engine.ts'
import { FallbackSearchEngine } from './fallback.ts'
import { createMeilisearch, type MeilisearchConfig } from './meilisearch/index.ts'
import type { IndexWriter } from './sync/index-writer.ts'
import type { SearchEngine } from './types.ts'

export type SearchConfig = { engine: 'embedded' } | { engine: 'meilisearch'; meilisearch: MeilisearchConfig }

/**
 * The engine the configuration asks for, and the writer the outbox relay
 * feeds (null for the embedded engine, which its own transactions keep
 * current). Meilisearch always answers behind the fallback: when it is
 * down, the embedded engine, written in the same transactions as every
 * change, answers instead.
 */
export function createSearch(
  config: SearchConfig,
  sqlite: SQLite.Database,
  options: { snapshotFile?: string | null } = {},
): { engine: SearchEngine; writer: IndexWriter | null; embedded: EmbeddedSearchEngine } {
  // snapshotFile: where the embedded engine's memory is saved and read at start (embedded/snapshot.ts).
  const embedded = new EmbeddedSearchEngine(sqlite, options)
  switch (config.engine) {
    case 'embedded':
      return { engine: embedded, writer: null, embedded }
    case 'meilisearch': {
      const { engine, writer } = createMeilisearch(config.meilisearch, sqlite)
      return { engine: new FallbackSearchEngine(engine, embedded), writer, embedded }
    }
  }
}

/** The engine alone, for callers that never relay (tests, the embedded engine). */
export function createSearchEngine(config: SearchConfig, sqlite: SQLite.Database): SearchEngine {
  return createSearch(config, sqlite).engine
}
