import { MeilisearchApiError, type Settings } from 'meilisearch'
import type { Connection } from './client.ts'
import { assertSucceeded, meili } from './errors.ts'

/** Creates an index and applies its settings, waiting for both: it is ready to search once this resolves. */
export async function createIndexWithSettings(connection: Connection, uid: string, settings: Settings): Promise<void> {
  const { client } = connection
  const created = await meili(() => client.createIndex(uid, { primaryKey: 'id' }).waitTask())
  // Another process created it meanwhile: the settings below are applied all the same.
  if (created.error?.code !== 'index_already_exists') assertSucceeded(created)
  assertSucceeded(await meili(() => client.index(uid).updateSettings(settings).waitTask()))
}

export async function indexExists(connection: Connection, uid: string): Promise<boolean> {
  try {
    await connection.client.getRawIndex(uid)
    return true
  } catch (error) {
    if (error instanceof MeilisearchApiError && error.cause?.code === 'index_not_found') return false
    return meili(() => Promise.reject(error))
  }
}

/** Deletes the given indexes (the ones kept for rollback, or a test's), waiting until they are gone. */
export async function dropIndexes(connection: Connection, uids: readonly string[]): Promise<void> {
  for (const uid of uids) {
    const task = await meili(() => connection.client.deleteIndex(uid).waitTask())
    if (task.error?.code !== 'index_not_found') assertSucceeded(task)
  }
}

/** Uids of every index starting with the connection's prefix (live ones, fresh ones, kept ones). */
export async function prefixedIndexes(connection: Connection): Promise<string[]> {
  const uids: string[] = []
  for (let offset = 0; ; offset += 100) {
    const page = await meili(() => connection.client.getRawIndexes({ offset, limit: 100 }))
    uids.push(...page.results.map((r) => r.uid).filter((uid) => uid.startsWith(connection.indexPrefix)))
    if (page.results.length < 100) return uids
  }
}
