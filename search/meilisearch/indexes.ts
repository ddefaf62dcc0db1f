import { MeilisearchApiError, type Settings, type Task } from 'meilisearch'
import type { Connection } from './client.ts'
import { assertSucceeded, meili, toSearchError } from './errors.ts'

/**
 * Creates an index and applies its settings, waiting for both: it is ready to
 * search once this resolves. Every wait names its timeout: the client's
 * `createIndex` ignores the connection's default and would stop at 5 s.
 */
export async function createIndexWithSettings(connection: Connection, uid: string, settings: Settings): Promise<void> {
  const { client } = connection
  const wait = { timeout: connection.taskWaitMs }
  const created = await meili(() => client.createIndex(uid, { primaryKey: 'id' }).waitTask(wait))
  // Another process created it meanwhile: the settings below are applied all the same.
  if (created.error?.code !== 'index_already_exists') assertSucceeded(created)
  assertSucceeded(await meili(() => client.index(uid).updateSettings(settings).waitTask(wait)))
}

/** When Meilisearch says the index under this uid was created (it moves with the documents in a swap); null when missing. */
export async function indexCreatedAt(connection: Connection, uid: string): Promise<string | null> {
  try {
    return (await connection.client.getRawIndex(uid)).createdAt
  } catch (error) {
    if (isMissingIndex(error)) return null
    throw toSearchError(error)
  }
}

export async function indexExists(connection: Connection, uid: string): Promise<boolean> {
  try {
    await connection.client.getRawIndex(uid)
    return true
  } catch (error) {
    if (isMissingIndex(error)) return false
    throw toSearchError(error)
  }
}

/** Deletes the given indexes (the ones kept for rollback, or a test's), waiting until they are gone; a missing one is fine. */
export async function dropIndexes(connection: Connection, uids: readonly string[]): Promise<void> {
  for (const uid of uids) {
    let task: Task
    try {
      task = await connection.client.deleteIndex(uid).waitTask({ timeout: connection.taskWaitMs })
    } catch (error) {
      if (isMissingIndex(error)) continue
      throw toSearchError(error)
    }
    if (task.error?.code !== 'index_not_found') assertSucceeded(task)
  }
}

/** Uids of every index starting with the connection's prefix (live ones, fresh ones, kept ones). */
export async function prefixedIndexes(connection: Connection): Promise<string[]> {
  return (await indexesStartingWith(connection, connection.indexPrefix)).map((index) => index.uid)
}

/** Every index whose uid starts with `start`, with the date Meilisearch reports it was created. */
export async function indexesStartingWith(connection: Connection, start: string): Promise<{ uid: string; createdAt: Date }[]> {
  const found: { uid: string; createdAt: Date }[] = []
  for (let offset = 0; ; offset += 100) {
    const page = await meili(() => connection.client.getRawIndexes({ offset, limit: 100 }))
    for (const index of page.results) if (index.uid.startsWith(start)) found.push({ uid: index.uid, createdAt: new Date(index.createdAt) })
    if (page.results.length < 100) return found
  }
}

// A 404 for the index itself: toSearchError reads it as "unavailable", right for a search, not for these checks.
const isMissingIndex = (error: unknown) => error instanceof MeilisearchApiError && error.cause?.code === 'index_not_found'
