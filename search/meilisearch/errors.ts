import {
  MeilisearchApiError,
  MeilisearchError,
  MeilisearchRequestError,
  MeilisearchRequestTimeOutError,
  MeilisearchTaskTimeOutError,
  type Task,
} from 'meilisearch'
import { SearchRequestError, SearchUnavailableError } from '../errors.ts'

/**
 * What the client threw, as one of the search layer's own errors
 * (search/errors.ts): the fallback and the relay never see a vendor class.
 * Anything that is not the client's (a bug of ours) is returned unchanged.
 */
export function toSearchError(error: unknown): unknown {
  if (error instanceof SearchUnavailableError || error instanceof SearchRequestError) return error
  if (error instanceof MeilisearchApiError) return fromApiError(error)
  if (error instanceof MeilisearchRequestError) {
    const timedOut = error.cause instanceof MeilisearchRequestTimeOutError
    return new SearchUnavailableError(timedOut ? 'Meilisearch did not answer in time' : 'Meilisearch is unreachable', { cause: error })
  }
  if (error instanceof MeilisearchTaskTimeOutError) {
    return new SearchUnavailableError('Meilisearch did not finish the task in time', { cause: error })
  }
  // A proxy in front of Meilisearch answering an HTML error page: the client fails to parse it.
  if (error instanceof SyntaxError) return new SearchUnavailableError('Meilisearch answered something unreadable', { cause: error })
  if (error instanceof MeilisearchError) return new SearchRequestError(error.message, 'client_error', { cause: error })
  return error
}

function fromApiError(error: MeilisearchApiError): SearchUnavailableError | SearchRequestError {
  const status = error.response.status
  const code = error.cause?.code ?? `http_${status}`
  // Overloaded or failing: another try, later, may work.
  if (status >= 500 || status === 408 || status === 429) {
    return new SearchUnavailableError(`Meilisearch answered ${status}: ${error.message}`, { cause: error })
  }
  // No index yet (never reindexed): the data is missing, not the request wrong; the fallback may serve meanwhile.
  if (code === 'index_not_found') {
    return new SearchUnavailableError(`Meilisearch has no such index (run npm run search:reindex): ${error.message}`, { cause: error })
  }
  return new SearchRequestError(`Meilisearch refused the request (${code}): ${error.message}`, code, { cause: error })
}

/** Runs a client call, throwing our errors instead of the client's. */
export async function meili<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call()
  } catch (error) {
    throw toSearchError(error)
  }
}

/** A task Meilisearch finished without applying it is an error too. */
export function assertSucceeded(task: Task): void {
  if (task.status === 'succeeded') return
  if (task.status === 'failed') {
    const code = task.error?.code ?? 'task_failed'
    throw new SearchRequestError(`Meilisearch task ${task.uid} (${task.type}) failed: ${task.error?.message ?? code}`, code)
  }
  // Canceled (or still enqueued past the wait): not applied, so sending it again is right.
  throw new SearchUnavailableError(`Meilisearch task ${task.uid} (${task.type}) ended ${task.status}`)
}

/**
 * Past its search time limit (1,500 ms by default) Meilisearch stops ranking
 * and answers `degraded: true`: hits out of order, counts short. Shown as is,
 * a page sorted by date or distance would be wrong; unavailable instead, so
 * the fallback answers from the embedded engine with its notice, logs it, and
 * leaves an overloaded Meilisearch alone for a while.
 */
export function assertNotDegraded(results: readonly object[]): void {
  if (results.some((result) => (result as { degraded?: boolean }).degraded === true)) {
    throw new SearchUnavailableError('Meilisearch answered degraded results (past its search time limit)')
  }
}
