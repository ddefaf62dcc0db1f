import { Meilisearch } from 'meilisearch'
import type { DocumentKind } from '../sync/index-writer.ts'
import type { MeilisearchConfig } from './index.ts'

/**
 * Writes are applied asynchronously by Meilisearch; the writer waits for
 * its tasks. A batch of 500 documents takes seconds, hence a wait far longer
 * than one request's timeout. One `sync` call gets this budget from its
 * start, shared by all its tasks (an add, then a delete), so that it ends by
 * itself before the relay's 30 s per call (search/sync/relay.ts) in the
 * usual case. It can still outlast the relay when the requests themselves
 * are slow (each up to MEILISEARCH_TIMEOUT_MS, capped at 10 s in
 * app/env.server.ts): hence the relay's AbortSignal, checked before every
 * enqueue, so that an abandoned call never lands a write after a newer one.
 * Past the budget the task counts as not applied and the relay sends it
 * again (a replace is idempotent).
 */
const TASK_WAIT_MS = 25_000
const TASK_POLL_MS = 50

export type Connection = {
  client: Meilisearch
  /** The live index uid of each kind of document. */
  liveUid: Record<DocumentKind, string>
  indexPrefix: string
  /** How long one writer call may wait for its tasks, all together. */
  taskWaitMs: number
}

const INDEX_PREFIX = /^[A-Za-z0-9_-]*$/

export function connect(config: MeilisearchConfig, options: { taskWaitMs?: number } = {}): Connection {
  // Index uids accept only these characters; a bad prefix would fail every write much later.
  if (!INDEX_PREFIX.test(config.indexPrefix)) {
    throw new Error(`Meilisearch index prefix "${config.indexPrefix}" may only hold letters, digits, - and _`)
  }
  const taskWaitMs = options.taskWaitMs ?? TASK_WAIT_MS
  const client = new Meilisearch({
    host: config.url,
    apiKey: config.apiKey,
    timeout: config.timeoutMs,
    defaultWaitOptions: { timeout: taskWaitMs, interval: TASK_POLL_MS },
  })
  return {
    client,
    indexPrefix: config.indexPrefix,
    taskWaitMs,
    liveUid: { offer: `${config.indexPrefix}offers`, profile: `${config.indexPrefix}profiles` },
  }
}
