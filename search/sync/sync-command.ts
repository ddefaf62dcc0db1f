import type { DB } from '#db/connection.ts'
import { findRelayState, lastOutboxId, relayBacklog } from '#db/queries/search-outbox.ts'
import { describeSyncError } from './describe-error.ts'
import type { DocumentKind, IndexWriter } from './index-writer.ts'
import { DOCUMENT_KINDS, OutboxRelay, type RelayOptions } from './relay.ts'
import { KIND_LABEL } from './relay-worker.ts'

type SyncCommandOptions = {
  db: DB
  writer: IndexWriter
  relay?: RelayOptions
  /** Tries per kind before giving up (the engine may be restarting, the server's relay may hold the lease). */
  attempts?: number
  sleep?: (ms: number) => Promise<void>
  log?: Pick<Console, 'log' | 'error'>
}

/** A command line waits 1 s, then 2 s… between tries (at most 5 s), never the worker's minutes. */
const cliWait = (attempt: number) => Math.min(5000, 1000 * 2 ** (attempt - 1))
const capitalised = (label: string) => label[0]!.toUpperCase() + label.slice(1)

/**
 * `npm run search:sync`: relays the whole outbox once, printing what it did
 * per kind. Answers the exit code: 0 when nothing is left pending, 1 otherwise
 * (engine down or refusing, kind never reindexed, another process relaying).
 */
export async function syncCommand(options: SyncCommandOptions): Promise<number> {
  const { db, writer, attempts = 3, log = console } = options
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)))
  const relay = new OutboxRelay(db, writer, options.relay)
  let failed = false
  for (const kind of DOCUMENT_KINDS) {
    const line = await syncKind(relay, kind, attempts, sleep)
    const backlog = (await relayBacklog(db)).find((b) => b.kind === kind)
    const pending = backlog?.pending ?? 0
    const where = await followedLine(db, writer, kind)
    if (line.ok && pending === 0) {
      log.log(`${capitalised(KIND_LABEL[kind])} : ${line.text}, plus rien en attente.\n${where}`)
    } else {
      failed = true
      log.error(`${capitalised(KIND_LABEL[kind])} : ${line.text} ; ${pending} événement(s) en attente.\n${where}`)
    }
  }
  return failed ? 1 : 0
}

/**
 * Where the relay is and what it writes to: after a reindex, the cursor at the
 * last event and the build date the reindex printed mean the relay follows
 * the new index.
 */
async function followedLine(db: DB, writer: IndexWriter, kind: DocumentKind): Promise<string> {
  const state = await findRelayState(db, kind)
  const cursor = state ? `curseur à l’événement ${state.relayed_through_id} (dernier écrit : ${(await lastOutboxId(db)) ?? 0})` : 'aucun curseur'
  const live = await writer.liveIndex(kind).catch(() => null)
  return `  ${cursor} ; index en ligne : ${live ? `${live.uid}, construit le ${live.builtAt}` : 'aucun ou injoignable'}.`
}

async function syncKind(
  relay: OutboxRelay,
  kind: DocumentKind,
  attempts: number,
  sleep: (ms: number) => Promise<void>,
): Promise<{ ok: boolean; text: string }> {
  let events = 0
  let documents = 0
  let last = ''
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      const result = await relay.drain(kind)
      if (result.status === 'not-followed') return { ok: false, text: 'jamais indexé dans Meilisearch, lancez d’abord « npm run search:reindex »' }
      if (result.status === 'drained') {
        events += result.events
        documents += result.documents
        return { ok: true, text: `${events} événement(s) relayé(s) (${documents} document(s))` }
      }
      last = 'un autre processus relaie en ce moment'
    } catch (error) {
      last = describeSyncError(error)
    }
    if (attempt < attempts) await sleep(cliWait(attempt))
  }
  return { ok: false, text: `échec après ${attempts} essai(s) (${last})` }
}
