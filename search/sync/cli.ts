import type SQLite from 'better-sqlite3'
import { parseEnv, searchConfigFrom, type Env } from '#app/env.server.ts'
import { openDatabase, type DB } from '#db/connection.ts'
import { migrateToLatest } from '#db/migrate.ts'
import { createSearch } from '../index.ts'
import { createReindexWriter } from '../meilisearch/index.ts'
import type { IndexWriter } from './index-writer.ts'

export type SearchCommand = 'search:sync' | 'search:reindex'

/**
 * What `npm run search:sync` and `npm run search:reindex` share: the
 * environment validated like the server's, the database migrated, and the
 * Meilisearch writer. Answers the exit code of `run`, or 1 when there is no
 * external engine to talk to.
 */
export async function withSearchWriter(
  command: SearchCommand,
  run: (context: { db: DB; writer: IndexWriter }) => Promise<number>,
): Promise<number> {
  let env: Env
  try {
    // The reindex also needs MEILISEARCH_ADMIN_KEY: the environment check names it when missing.
    env = parseEnv(process.env, command === 'search:reindex' ? 'search:reindex' : 'command')
  } catch (error) {
    console.error((error as Error).message)
    return 1
  }
  if (env.SEARCH_ENGINE !== 'meilisearch') {
    console.error(
      'SEARCH_ENGINE vaut « embedded » : le moteur intégré se met à jour dans les transactions, il n’y a rien à synchroniser. ' +
        'Pour Meilisearch, définissez SEARCH_ENGINE=meilisearch, MEILISEARCH_URL et MEILISEARCH_API_KEY, plus MEILISEARCH_ADMIN_KEY pour reconstruire les index (voir le README).',
    )
    return 1
  }
  const { db, sqlite } = openDatabase(env.DATABASE_PATH)
  try {
    await migrateToLatest(db)
    return await run({ db, writer: commandWriter(env, sqlite, command) })
  } catch (error) {
    console.error('Échec inattendu :', error)
    return 1
  } finally {
    await db.destroy()
  }
}

/**
 * The writer a command uses: `search:sync` relays with the server's key, as the
 * server does; `search:reindex` creates and swaps indexes with the reindex key.
 */
export function commandWriter(env: Env, sqlite: SQLite.Database, command: SearchCommand): IndexWriter {
  const config = searchConfigFrom(env)
  if (config.engine !== 'meilisearch') throw new Error('no external search engine is configured')
  return command === 'search:reindex' ? createReindexWriter(config.meilisearch, sqlite) : createSearch(config, sqlite).writer!
}
