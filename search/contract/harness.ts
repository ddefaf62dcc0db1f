import { afterAll, beforeAll } from 'vitest'
import type { DB } from '#db/connection.ts'
import { createTestDatabase } from '#db/test-database.ts'
import type { DocumentKind } from '../sync/index-writer.ts'
import type { SearchEngine } from '../types.ts'

export type TestDatabase = Awaited<ReturnType<typeof createTestDatabase>>

/** One engine, searching one test database. */
export type EngineUnderTest = {
  engine: SearchEngine
  /**
   * Brings the engine up to date with what was committed since the last
   * call (the relay's job for Meilisearch; the embedded engine follows the
   * outbox by itself). Tests call it after every write.
   */
  afterWrite(): Promise<void>
  /**
   * The ids the engine's own index holds for this kind, ascending (embedded:
   * the FTS rowids; Meilisearch: the live index's document ids). Both engines
   * re-read their hits from SQLite, which hides an offer or a profile the
   * index wrongly kept; this lets the suite see the index itself (consent
   * withdrawn and account deleted must leave no document behind).
   */
  indexedIds(kind: DocumentKind): Promise<number[]>
  destroy(): Promise<void>
}

/** How each engine is set up over a database that already holds its rows. */
export type EngineFactory = (database: TestDatabase) => Promise<EngineUnderTest>

/**
 * A fresh test database holding `seed`'s rows and the engine searching it,
 * for the enclosing describe block. Read the fields inside tests.
 */
export function useDataset<Rows>(factory: EngineFactory, seed: (db: DB) => Promise<Rows>) {
  const state = {} as { database: TestDatabase; rows: Rows; under: EngineUnderTest }
  beforeAll(async () => {
    state.database = await createTestDatabase()
    state.rows = await seed(state.database.db)
    state.under = await factory(state.database)
  }, 120_000)
  afterAll(async () => {
    await state.under?.destroy()
    await state.database?.destroy()
  }, 60_000)
  return state
}
