import { OUTBOX_KEEP_DAYS } from '#db/queries/search-outbox.ts'
import type { DocumentKind, IndexWriter } from './index-writer.ts'
import { DOCUMENT_KINDS } from './relay.ts'

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * Drops the indexes a reindex kept for rollback once no rollback can use
 * them: a rollback replays the outbox since the reindex, and the outbox keeps
 * events OUTBOX_KEEP_DAYS. Past that, such an index only holds stale
 * documents, among them profiles of candidates who have since withdrawn
 * their consent or deleted their account: keeping it would defeat erasure.
 * `except` spares an index just kept (the reindex keeps only its own).
 */
export async function dropStaleIndexes(
  writer: IndexWriter,
  now: Date,
  { kinds = DOCUMENT_KINDS, except = [], olderThanDays = OUTBOX_KEEP_DAYS }: { kinds?: readonly DocumentKind[]; except?: string[]; olderThanDays?: number } = {},
): Promise<string[]> {
  const dropped: string[] = []
  for (const kind of kinds) {
    for (const index of await writer.keptIndexes(kind)) {
      if (except.includes(index.uid) || now.getTime() - index.createdAt.getTime() < olderThanDays * DAY_MS) continue
      await writer.dropIndex(index.uid)
      dropped.push(index.uid)
    }
  }
  return dropped
}
