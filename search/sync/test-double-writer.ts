import type SQLite from 'better-sqlite3'
import { SearchRequestError, SearchUnavailableError } from '../errors.ts'
import type { DocumentKind, IndexWriter, SwapResult } from './index-writer.ts'

/**
 * A test double of IndexWriter (tests only): no Meilisearch can run here, so
 * the relay and the reindex are tested against this in-memory engine, which
 * reads the real database like the adapter does, and can be told to fail,
 * refuse, hang or answer late, call by call.
 *
 * Each document it stores carries a version: the newest outbox event of that
 * document (or full-rebuild marker) when its snapshot was read. A relay that
 * marks an event done must have made the engine hold a version at least as
 * new; versions applied to a document must never go down.
 */

export type Behaviour =
  /** Applies the snapshot and answers at once. */
  | 'ok'
  /** Unreachable: applies nothing, rejects with SearchUnavailableError. */
  | 'unavailable'
  /** Refuses the documents: applies nothing, rejects with SearchRequestError. */
  | 'refused'
  /** Applies the snapshot read at call time only when it answers, lateMs later (past the relay's timeout). */
  | 'late'
  /** Applies at once but answers lateMs later: the relay gives up waiting for a change that did happen. */
  | 'slow-ack'
  /** Never applies; the connection drops lateMs later (rejects). */
  | 'hang'

/** label null: deleted (not visible), kept with its version to check the order of applications. */
export type StoredDocument = { version: number; label: string | null }
type Snapshot = { id: number; doc: StoredDocument }
type Pending = { behaviour: Behaviour; apply: () => void; timer: ReturnType<typeof setTimeout>; reject: (error: Error) => void }

const LIVE: Record<DocumentKind, string> = { offer: 'offers', profile: 'profiles' }

export class TestDoubleIndexWriter implements IndexWriter {
  /** Behaviours of the next calls, in order; 'ok' once empty. */
  behaviours: Behaviour[] = []
  readonly indexes = new Map<string, Map<number, StoredDocument>>([
    [LIVE.offer, new Map()],
    [LIVE.profile, new Map()],
  ])
  /** Every application, in order: which index, which document, which version. */
  readonly applied: { uid: string; id: number; version: number }[] = []
  /** Every index dropped, in order. */
  readonly dropped: string[] = []
  /** When each fresh uid was made; a test may backdate one. Stays with the uid through a swap, like the adapter's. */
  readonly createdAt = new Map<string, Date>()
  calls = 0
  /** How the next swap ends; 'unknown' applies it (or not, with 'unknown-not-applied') but reports no outcome. */
  swapBehaviour: 'ok' | 'unknown' | 'unknown-not-applied' = 'ok'
  /** Which build each set of documents is, as Meilisearch's createdAt moves with them in a swap. */
  private readonly builtAt = new WeakMap<Map<number, StoredDocument>, string>()
  private readonly pending = new Set<Pending>()
  private freshCount = 0
  private readonly live = { ...LIVE }
  private readonly statements: Record<DocumentKind, SQLite.Statement<[number], { label: string } | undefined>>
  private readonly versionOf: SQLite.Statement<[string, number], number>
  private readonly ids: Record<DocumentKind, SQLite.Statement<[], number>>

  constructor(
    sqlite: SQLite.Database,
    private readonly lateMs = 150,
  ) {
    this.statements = {
      offer: sqlite.prepare("select title as label from offers where id = ? and status = 'published'"),
      profile: sqlite.prepare("select first_name as label from candidate_profiles where user_id = ? and visibility = 'verified_recruiters'"),
    }
    this.versionOf = sqlite
      .prepare<[string, number], number>('select coalesce(max(id), 0) from search_outbox where doc_type = ? and doc_id in (0, ?)')
      .pluck()
    // The ids that become documents, as the adapter's documentIds (search/meilisearch/documents.ts).
    this.ids = {
      offer: sqlite.prepare<[], number>("select id from offers where status = 'published' order by id").pluck(),
      profile: sqlite
        .prepare<[], number>("select user_id from candidate_profiles where visibility = 'verified_recruiters' order by user_id")
        .pluck(),
    }
  }

  /** The live index of a kind, as the engine would serve it. */
  documents(kind: DocumentKind): Map<number, string> {
    const visible = new Map<number, string>()
    for (const [id, doc] of this.indexes.get(this.live[kind])!) if (doc.label !== null) visible.set(id, doc.label)
    return visible
  }

  liveUid(kind: DocumentKind): string {
    return this.live[kind]
  }

  versionIn(kind: DocumentKind, id: number): number {
    return this.indexes.get(this.live[kind])!.get(id)?.version ?? 0
  }

  sync(kind: DocumentKind, ids: readonly number[], indexUid?: string, signal?: AbortSignal): Promise<void> {
    this.calls++
    // Like the adapter: once the relay gave up, nothing more is sent (a request already out still lands: 'late').
    if (signal?.aborted) return Promise.reject(new SearchUnavailableError('appel abandonné par le relais (test double)'))
    const uid = indexUid ?? this.live[kind]
    const index = this.indexes.get(uid)
    if (!index) return Promise.reject(new SearchRequestError(`index ${uid} introuvable`, 'index_not_found'))
    // Read now, like the adapter reading the database before sending.
    const snapshot: Snapshot[] = ids.map((id) => ({ id, doc: this.read(kind, id) }))
    // Resolved at apply time: a swap in between sends the documents to whichever index then bears the uid.
    const apply = () => {
      const target = this.indexes.get(indexUid ?? this.live[kind]) ?? index
      for (const { id, doc } of snapshot) {
        target.set(id, doc)
        this.applied.push({ uid: indexUid ?? this.live[kind], id, version: doc.version })
      }
    }
    const behaviour = this.behaviours.shift() ?? 'ok'
    switch (behaviour) {
      case 'ok':
        apply()
        return Promise.resolve()
      case 'unavailable':
        return Promise.reject(new SearchUnavailableError('connexion refusée (test double)'))
      case 'refused':
        return Promise.reject(new SearchRequestError('document refusé (test double)', 'invalid_document_fields'))
      case 'slow-ack':
        apply()
        return this.later(behaviour, () => {})
      case 'late':
      case 'hang':
        return this.later(behaviour, apply)
    }
  }

  allIds(kind: DocumentKind): number[] {
    return this.ids[kind].all()
  }

  async createFreshIndex(kind: DocumentKind): Promise<string> {
    const uid = `${LIVE[kind]}_fresh_${++this.freshCount}`
    const documents = new Map<number, StoredDocument>()
    this.builtAt.set(documents, `construction ${this.freshCount}`)
    this.indexes.set(uid, documents)
    this.createdAt.set(uid, new Date())
    return uid
  }

  async swapIntoLive(kind: DocumentKind, freshUid: string): Promise<SwapResult> {
    if (!this.indexes.has(freshUid)) throw new SearchRequestError(`index ${freshUid} introuvable`, 'index_not_found')
    const behaviour = this.swapBehaviour
    this.swapBehaviour = 'ok'
    if (behaviour !== 'unknown-not-applied') {
      // Like Meilisearch's swap: the names trade places, so the live uid now holds the fresh documents.
      const live = this.indexes.get(this.live[kind])!
      this.indexes.set(this.live[kind], this.indexes.get(freshUid)!)
      this.indexes.set(freshUid, live)
    }
    return { previousUid: freshUid, outcome: behaviour === 'ok' ? 'swapped' : 'unknown' }
  }

  async liveIndex(kind: DocumentKind): Promise<{ uid: string; builtAt: string } | null> {
    const documents = this.indexes.get(this.live[kind])!
    return { uid: this.live[kind], builtAt: this.builtAt.get(documents) ?? 'avant la première reconstruction' }
  }

  async dropIndex(uid: string): Promise<void> {
    if (Object.values(this.live).includes(uid)) throw new Error(`refus de supprimer l’index en ligne ${uid} (test double)`)
    this.indexes.delete(uid)
    this.createdAt.delete(uid)
    this.dropped.push(uid)
  }

  async keptIndexes(kind: DocumentKind): Promise<{ uid: string; createdAt: Date }[]> {
    return [...this.indexes.keys()]
      .filter((uid) => uid.startsWith(`${this.live[kind]}_`))
      .map((uid) => ({ uid, createdAt: this.createdAt.get(uid)! }))
  }

  /**
   * The process that made the pending calls died: what reached the engine
   * (late answers were already enqueued) is applied now, before anything a new
   * process sends; calls that hung never arrive.
   */
  processDied(): void {
    for (const call of this.pending) {
      clearTimeout(call.timer)
      if (call.behaviour === 'late') call.apply()
      call.reject(new SearchUnavailableError('processus arrêté (test double)'))
    }
    this.pending.clear()
  }

  private later(behaviour: Behaviour, apply: () => void): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const call: Pending = {
        behaviour,
        apply,
        reject,
        timer: setTimeout(() => {
          this.pending.delete(call)
          if (behaviour === 'hang') return reject(new SearchUnavailableError('connexion coupée (test double)'))
          apply()
          resolve()
        }, this.lateMs),
      }
      this.pending.add(call)
    })
  }

  private read(kind: DocumentKind, id: number): StoredDocument {
    return { version: this.versionOf.get(kind, id)!, label: this.statements[kind].get(id)?.label ?? null }
  }
}
