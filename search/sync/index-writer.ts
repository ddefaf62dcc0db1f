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
   * A missing live index is refused (SearchRequestError, code
   * `index_not_found`), never created: only `swapIntoLive` creates it.
   * Once `signal` is aborted (the relay gave up waiting), the call must not
   * enqueue anything more: a late write from an old snapshot could
   * otherwise land after a newer one.
   */
  sync(kind: DocumentKind, ids: readonly number[], indexUid?: string, signal?: AbortSignal): Promise<void>

  /**
   * The ids that become documents (published offers, consenting profiles),
   * in ascending order: what a full reindex loads into an empty index.
   */
  allIds(kind: DocumentKind): number[]

  /** Creates an empty index with the settings applied (and waited for); returns its uid. */
  createFreshIndex(kind: DocumentKind): Promise<string>

  /**
   * Atomically swaps the fresh index with the live one. The previous
   * documents stay under the returned uid, for rollback. On a first
   * deployment the live index is created here, empty, with its settings.
   * Rejects only when the swap certainly did not happen (refused, failed,
   * or found not applied once settled). A swap sent whose outcome cannot be
   * read in time resolves with `outcome: 'unknown'`: it may still apply, so
   * neither index may be dropped. Every write enqueued after the swap is
   * applied after it, whichever way it ends.
   */
  swapIntoLive(kind: DocumentKind, freshUid: string): Promise<SwapResult>

  /** The live index of a kind and when the engine says it was built (null when there is none): what an operator checks after a reindex. */
  liveIndex(kind: DocumentKind): Promise<{ uid: string; builtAt: string } | null>

  /**
   * Deletes an index kept for rollback or left by a failed reindex, and
   * waits until it is gone; a missing one is fine. A live uid is refused.
   * Kept indexes hold withdrawn or deleted candidates' documents: they must
   * not outlive the outbox that makes a rollback possible.
   */
  dropIndex(uid: string): Promise<void>

  /**
   * The indexes of this kind other than the live one (rollback and orphan
   * fresh ones). `createdAt` is when `createFreshIndex` made the uid, i.e.
   * when the reindex that left it began; not when its documents were first
   * indexed (Meilisearch's own date follows the documents in a swap, so a
   * rollback index would look as old as the index it replaced).
   */
  keptIndexes(kind: DocumentKind): Promise<{ uid: string; createdAt: Date }[]>
}

export type SwapResult = {
  /** The uid holding the other set of documents: the previous ones once the swap applied. */
  previousUid: string
  /** 'swapped': the engine reported it applied. 'unknown': sent, but its end could not be read in time. */
  outcome: 'swapped' | 'unknown'
}
