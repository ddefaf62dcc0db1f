/**
 * The search layer's own failures. Engines translate what their client throws
 * into these, so callers (the fallback, the relay) never depend on a vendor's
 * error classes.
 */

/** The engine could not be reached, timed out or answered 5xx: try again later or fall back. */
export class SearchUnavailableError extends Error {
  override readonly name = 'SearchUnavailableError'
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
  }
}

/** The engine refused the request itself (bad filter, bad settings, bad key): retrying will not help. */
export class SearchRequestError extends Error {
  override readonly name = 'SearchRequestError'
  constructor(
    message: string,
    readonly code: string,
    options?: { cause?: unknown },
  ) {
    super(message, options)
  }
}
