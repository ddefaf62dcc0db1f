import type { DB } from '#db/connection.ts'
import { retryDelay } from './backoff.ts'
import { describeSyncError } from './describe-error.ts'
import type { DocumentKind, IndexWriter } from './index-writer.ts'
import { DOCUMENT_KINDS, OutboxRelay, type RelayOptions } from './relay.ts'
import { dropStaleIndexes } from './rollback-indexes.ts'

/** How often the worker drops the rollback indexes no rollback can use any more (search/sync/rollback-indexes.ts). */
const CLEAN_UP_EVERY_MS = 60 * 60 * 1000

export const KIND_LABEL: Record<DocumentKind, string> = { offer: 'offres', profile: 'profils' }

type WorkerOptions = RelayOptions & {
  /** Pause between two passes over the outbox. */
  pollMs?: number
  random?: () => number
  log?: Pick<Console, 'warn' | 'error'>
}

/**
 * The server's in-process relay: every pollMs, drains the outbox of each kind
 * to the external engine. A failing kind waits (exponential backoff with
 * jitter, search/sync/backoff.ts) while the other goes on; the log gets one
 * line when a failure streak starts and one when it ends, not one per retry.
 * Never throws: writes keep succeeding and the outbox keeps their events.
 */
export function startSearchRelay(db: DB, writer: IndexWriter, options: WorkerOptions = {}): { stop(): Promise<void> } {
  const { pollMs = 1000, random = Math.random, log = console } = options
  const relay = new OutboxRelay(db, writer, { ...options, log })
  const streaks = new Map<DocumentKind, { failures: number; retryAt: number }>()
  const told = new Set<DocumentKind>()
  let stopped = false
  let timer: ReturnType<typeof setTimeout> | undefined
  let running: Promise<void> | null = null

  async function relayKind(kind: DocumentKind) {
    const streak = streaks.get(kind) ?? { failures: 0, retryAt: 0 }
    if (Date.now() < streak.retryAt) return
    try {
      const result = await relay.drain(kind, () => stopped)
      if (result.status === 'not-followed' && !told.has(kind)) {
        told.add(kind)
        log.warn(`Relais de recherche (${KIND_LABEL[kind]}) : index jamais construit, lancez « npm run search:reindex ».`)
      }
      if (result.status === 'drained') told.delete(kind)
      if (streak.failures > 0) log.warn(`Relais de recherche (${KIND_LABEL[kind]}) : rétabli après ${streak.failures} échec(s).`)
      streaks.delete(kind)
    } catch (error) {
      streak.failures++
      const delay = retryDelay(streak.failures, error, random)
      streak.retryAt = Date.now() + delay
      streaks.set(kind, streak)
      if (streak.failures === 1) {
        log.error(
          `Relais de recherche (${KIND_LABEL[kind]}) : ${describeSyncError(error)} ; ` +
            `les écritures continuent et attendent dans l’outbox, nouvel essai dans ${Math.ceil(delay / 1000)} s.`,
        )
      }
    }
  }

  let cleanedAt = 0
  async function pass() {
    for (const kind of DOCUMENT_KINDS) if (!stopped) await relayKind(kind)
    if (!stopped && Date.now() - cleanedAt >= CLEAN_UP_EVERY_MS) {
      cleanedAt = Date.now()
      try {
        const dropped = await dropStaleIndexes(writer, new Date())
        if (dropped.length > 0) log.warn(`Relais de recherche : index de retour arrière expirés supprimés (${dropped.join(', ')}).`)
      } catch (error) {
        log.error(`Relais de recherche : nettoyage des anciens index impossible (${describeSyncError(error)}) ; nouvel essai dans une heure.`)
      }
    }
  }

  function schedule(delay: number) {
    if (stopped) return
    timer = setTimeout(() => {
      running = pass()
        .catch((error: unknown) => log.error('Relais de recherche : passe interrompue :', error))
        .finally(() => {
          running = null
          schedule(pollMs)
        })
    }, delay)
    timer.unref?.()
  }
  schedule(0)

  return {
    async stop() {
      stopped = true
      clearTimeout(timer)
      await running
    },
  }
}
