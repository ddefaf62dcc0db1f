/** What the outbox relay and the full reindex need from an external engine (Meilisearch). */

export type DocumentKind = 'offer' | 'profile'

export interface IndexWriter {
  /**
   * Makes the engine's documents for these ids match the database as it is
   * now: a full-document replace for each row that is visible (published
   * offer, consenting profile), a delete for every other id. Resolves only
   * once the engine reports the change applied; rejects with
   * SearchUnavailableError or SearchRequestError (search/errors.ts) otherwise.
   * Idempotent: applying the same ids twice leaves the same documents.
   * `indexUid` targets an index being rebuilt instead of the live one.
   * Once `signal` is aborted (the relay gave up waiting), the call must not
   * enqueue anything more: a late write from an old snapshot could
   * otherwise land after a newer one.
   */
  sync(kind: DocumentKind, ids: readonly number[], indexUid?: string, signal?: AbortSignal): Promise<void>

  /** Every id that `sync` may have to send for this kind, in ascending order, for a full reindex. */
  allIds(kind: DocumentKind): number[]

  /** Creates an empty index with the settings applied (and waited for); returns its uid. */
  createFreshIndex(kind: DocumentKind): Promise<string>

  /**
   * Atomically swaps the fresh index with the live one. The previous
   * documents stay under the returned uid, for rollback.
   */
  swapIntoLive(kind: DocumentKind, freshUid: string): Promise<{ previousUid: string }>
}
