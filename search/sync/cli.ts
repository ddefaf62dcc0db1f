import { parseEnv, searchConfigFrom } from '#app/env.server.ts'
import { openDatabase, type DB } from '#db/connection.ts'
import { migrateToLatest } from '#db/migrate.ts'
import { createSearch } from '../index.ts'
import type { IndexWriter } from './index-writer.ts'

/**
 * What `npm run search:sync` and `npm run search:reindex` share: the
 * environment validated like the server's, the database migrated, and the
 * Meilisearch writer. Answers the exit code of `run`, or 1 when there is no
 * external engine to talk to.
 */
export async function withSearchWriter(run: (context: { db: DB; writer: IndexWriter }) => Promise<number>): Promise<number> {
  let env: ReturnType<typeof parseEnv>
  try {
    env = parseEnv(process.env)
  } catch (error) {
    console.error((error as Error).message)
    return 1
  }
  if (env.SEARCH_ENGINE !== 'meilisearch') {
    console.error(
      'SEARCH_ENGINE vaut « embedded » : le moteur intégré se met à jour dans les transactions, il n’y a rien à synchroniser. ' +
        'Pour Meilisearch, définissez SEARCH_ENGINE=meilisearch, MEILISEARCH_URL et MEILISEARCH_API_KEY (voir le README).',
    )
    return 1
  }
  const { db, sqlite } = openDatabase(env.DATABASE_PATH)
  try {
    await migrateToLatest(db)
    const { writer } = createSearch(searchConfigFrom(env), sqlite)
    return await run({ db, writer: writer! })
  } catch (error) {
    console.error('Échec inattendu :', error)
    return 1
  } finally {
    await db.destroy()
  }
}
