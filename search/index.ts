import type SQLite from 'better-sqlite3'
import { EmbeddedSearchEngine } from './embedded/engine.ts'
import type { SearchEngine } from './types.ts'

export type SearchConfig = { engine: 'embedded' }

/** The engine the configuration asks for. Meilisearch arrives with its own issue. */
export function createSearchEngine(config: SearchConfig, sqlite: SQLite.Database): SearchEngine {
  switch (config.engine) {
    case 'embedded':
      return new EmbeddedSearchEngine(sqlite)
  }
}

