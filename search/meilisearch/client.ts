import { Meilisearch } from 'meilisearch'
import type { DocumentKind } from '../sync/index-writer.ts'
import type { MeilisearchConfig } from './index.ts'

/**
 * Writes are applied asynchronously by Meilisearch; the writer waits for
 * each task. A batch of 500 documents takes seconds, hence a wait far longer
 * than one request's timeout, but shorter than the relay's 30 s per call
 * (search/sync/relay.ts): a call then always ends by itself before the relay
 * gives up on it, so no late write can land after a newer one. Past the wait
 * the task counts as not applied and the relay sends it again (a replace is
 * idempotent).
 */
const TASK_WAIT_MS = 25_000
const TASK_POLL_MS = 50

export type Connection = {
  client: Meilisearch
  /** The live index uid of each kind of document. */
  liveUid: Record<DocumentKind, string>
  indexPrefix: string
}

const INDEX_PREFIX = /^[A-Za-z0-9_-]*$/

export function connect(config: MeilisearchConfig, options: { taskWaitMs?: number } = {}): Connection {
  // Index uids accept only these characters; a bad prefix would fail every write much later.
  if (!INDEX_PREFIX.test(config.indexPrefix)) {
    throw new Error(`Meilisearch index prefix "${config.indexPrefix}" may only hold letters, digits, - and _`)
  }
  const client = new Meilisearch({
    host: config.url,
    apiKey: config.apiKey,
    timeout: config.timeoutMs,
    defaultWaitOptions: { timeout: options.taskWaitMs ?? TASK_WAIT_MS, interval: TASK_POLL_MS },
  })
  return {
    client,
    indexPrefix: config.indexPrefix,
    liveUid: { offer: `${config.indexPrefix}offers`, profile: `${config.indexPrefix}profiles` },
  }
}
