import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { MeilisearchConfig } from './index.ts'

/**
 * For tests only. No Meilisearch binary can run on the development machine,
 * so the adapter's tests talk real HTTP, through the real client, to this
 * server: it records each request and answers what the test scripts. Tests
 * using it say "stubbed HTTP" in their name.
 */

export type RecordedRequest = { method: string; path: string; query: URLSearchParams; headers: Record<string, string | string[] | undefined>; body: unknown }
export type StubbedAnswer = { status?: number; body?: unknown; raw?: string; delayMs?: number } | 'hang-up'
export type StubbedRoute = (request: RecordedRequest) => StubbedAnswer | undefined

export type StubbedMeilisearch = {
  url: string
  requests: RecordedRequest[]
  /** Routes tried in order; the first answer wins. Unrouted requests answer 501. */
  routes: StubbedRoute[]
  /** What the adapter under test connects with (the key is the one requests must carry). */
  config: MeilisearchConfig
  /** Forgets the routes and the recorded requests, between two tests. */
  reset(): void
  close(): Promise<void>
}

/** The stub's two keys: the server's (runtime) and the reindex one, as the README sets them up. */
export const STUB_KEYS = { runtime: 'runtime-key-0123456789', reindex: 'reindex-key-0123456789' } as const

export async function startStubbedMeilisearch(): Promise<StubbedMeilisearch> {
  const requests: RecordedRequest[] = []
  const routes: StubbedRoute[] = []
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const text = Buffer.concat(chunks).toString('utf8')
    const url = new URL(req.url ?? '/', 'http://stub')
    const body = text ? (JSON.parse(text) as unknown) : undefined
    const request = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, body }
    requests.push(request)
    const answer = routes.reduce<StubbedAnswer | undefined>((found, route) => found ?? route(request), undefined) ?? {
      status: 501,
      body: { message: `no stubbed answer for ${request.method} ${request.path}`, code: 'stub', type: 'internal', link: '' },
    }
    if (answer === 'hang-up') return void req.socket.destroy()
    if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs))
    if (res.destroyed) return
    res.writeHead(answer.status ?? 200, { 'content-type': 'application/json' })
    res.end(answer.raw ?? (answer.body === undefined ? '' : JSON.stringify(answer.body)))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const url = `http://127.0.0.1:${port}`
  return {
    url,
    requests,
    routes,
    config: { url, apiKey: STUB_KEYS.runtime, adminKey: STUB_KEYS.reindex, indexPrefix: 'test_', timeoutMs: 5_000 },
    reset() {
      routes.length = 0
      requests.length = 0
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** Routes answering Meilisearch's task protocol: every write enqueues a task that has succeeded by the first poll. */
export function succeedingTasks(): StubbedRoute[] {
  let next = 1
  const enqueued = new Map<number, { type: string; indexUid: string | null }>()
  return [
    (r) => {
      const write = r.method !== 'GET' && r.path !== '/multi-search' && !r.path.endsWith('/search')
      if (!write) return undefined
      const taskUid = next++
      const indexUid = /^\/indexes\/([^/]+)/.exec(r.path)?.[1] ?? null
      enqueued.set(taskUid, { type: 'stubbed', indexUid })
      return { status: 202, body: { taskUid, indexUid, status: 'enqueued', type: 'stubbed', enqueuedAt: new Date().toISOString() } }
    },
    (r) => {
      const uid = /^\/tasks\/(\d+)$/.exec(r.path)?.[1]
      if (r.method !== 'GET' || !uid) return undefined
      return { body: task(Number(uid), 'succeeded', enqueued.get(Number(uid))?.indexUid ?? null) }
    },
  ]
}

export function task(uid: number, status: string, indexUid: string | null = null, error: { code: string; message: string } | null = null) {
  const at = new Date().toISOString()
  return {
    uid, batchUid: uid, indexUid, status, type: 'documentAdditionOrUpdate', canceledBy: null, details: {},
    error: error ? { ...error, type: 'invalid_request', link: '' } : null,
    duration: 'PT0.001S', enqueuedAt: at, startedAt: at, finishedAt: at,
  }
}

/**
 * A Meilisearch that keeps state, for tests only: keys with actions and index
 * patterns, indexes, and a task queue applied in order. It reproduces what
 * the adapter must survive, as Meilisearch's source does it (v1.36):
 * - a swap task is shown only to keys whose `indexes` is `*` (any other key
 *   gets 404 task_not_found, while the swap is applied all the same);
 * - a document write to a missing index creates it only when the key may
 *   create indexes (`indexes.create`); otherwise the task fails index_not_found;
 * - tasks stay enqueued until `taskMs` has passed, or while `paused`, whatever
 *   the client waits: an enqueued task outlives the client giving up on it;
 * - `answerDelayMs` answers a request late although its task was enqueued at once.
 * A swap exchanges everything under the two names, Meilisearch's createdAt included.
 */
export type SimulatedKey = { actions: string[]; indexes: string[] }
type SimulatedIndex = { createdAt: string; documents: Map<number, unknown>; settings: unknown }
type SimulatedTask = {
  uid: number; indexUid: string | null; type: string; status: string; key: SimulatedKey
  dueAt: number; error: { code: string; message: string } | null; apply: () => { code: string; message: string } | null
}

export type SimulatedMeilisearch = {
  routes: StubbedRoute[]
  indexes: Map<string, SimulatedIndex>
  tasks: SimulatedTask[]
  /** How long each task type waits in the queue before it is applied. */
  taskMs: (type: string) => number
  /** While true, nothing in the queue is applied. */
  paused: boolean
  /** Per request path, how late the answer comes (the task, if any, is enqueued at once). */
  answerDelayMs: (request: RecordedRequest) => number
  createIndex(uid: string, documents?: Record<string, unknown>[]): void
  /** Applies the tasks whose time has come (every request does it first). */
  advance(): void
}

export function simulatedMeilisearch(keys: Record<string, SimulatedKey>): SimulatedMeilisearch {
  let nextTask = 1
  let clock = 0
  // Distinct creation dates, as Meilisearch's nanosecond ones are.
  const created = () => new Date(Date.UTC(2026, 0, 1) + ++clock * 1000).toISOString()
  const sim: SimulatedMeilisearch = {
    routes: [],
    indexes: new Map(),
    tasks: [],
    taskMs: () => 0,
    paused: false,
    answerDelayMs: () => 0,
    createIndex(uid, documents = []) {
      sim.indexes.set(uid, { createdAt: created(), documents: new Map(documents.map((d) => [d.id as number, d])), settings: {} })
    },
    advance: () => advance(),
  }
  const allowed = (key: SimulatedKey, action: string, uid: string | null) => {
    const family = action.split('.')[0]
    const may = key.actions.some((a) => a === '*' || a === action || a === `${family}.*`)
    const scoped = uid === null || key.indexes.some((p) => p === '*' || p === uid || (p.endsWith('*') && uid.startsWith(p.slice(0, -1))))
    return may && scoped
  }
  const seesTask = (key: SimulatedKey, t: SimulatedTask) =>
    t.indexUid === null ? key.indexes.includes('*') : key.indexes.some((p) => p === '*' || p === t.indexUid || (p.endsWith('*') && t.indexUid!.startsWith(p.slice(0, -1))))
  const apiError = (status: number, code: string, message = code) => ({ status, body: { message, code, type: 'invalid_request', link: '' } })
  /** Applies, in order, every task whose time has come; a task waits for the one before it. */
  const advance = () => {
    if (sim.paused) return
    for (const t of sim.tasks) {
      if (t.status !== 'enqueued') continue
      if (Date.now() < t.dueAt) return
      t.error = t.apply()
      t.status = t.error ? 'failed' : 'succeeded'
    }
  }
  const enqueue = (key: SimulatedKey, indexUid: string | null, type: string, apply: SimulatedTask['apply'], request: RecordedRequest): StubbedAnswer => {
    const last = sim.tasks.at(-1)
    const t: SimulatedTask = {
      uid: nextTask++, indexUid, type, status: 'enqueued', key, error: null, apply,
      dueAt: Math.max(Date.now(), last?.dueAt ?? 0) + sim.taskMs(type),
    }
    sim.tasks.push(t)
    return { status: 202, body: { taskUid: t.uid, indexUid, status: 'enqueued', type, enqueuedAt: new Date().toISOString() }, delayMs: sim.answerDelayMs(request) }
  }
  const missing = (uid: string) => ({ code: 'index_not_found', message: `Index \`${uid}\` not found.` })
  /** A write that would create a missing index, when its key may: Meilisearch's `allow_index_creation`. */
  const target = (key: SimulatedKey, uid: string): SimulatedIndex | null => {
    const index = sim.indexes.get(uid)
    if (index || !allowed(key, 'indexes.create', uid)) return index ?? null
    sim.createIndex(uid)
    return sim.indexes.get(uid)!
  }

  sim.routes.push((r) => {
    advance()
    const key = keys[String(r.headers.authorization ?? '').replace(/^Bearer /, '')]
    if (!key) return apiError(401, 'missing_authorization_header')
    const indexPath = /^\/indexes\/([^/]+)(\/.*)?$/.exec(r.path)
    const uid = indexPath?.[1] ?? null
    const rest = indexPath?.[2] ?? ''
    const need = (action: string, on: string | null) => (allowed(key, action, on) ? null : apiError(403, 'invalid_api_key', 'The provided API key is invalid.'))

    if (r.method === 'GET' && /^\/tasks\/\d+$/.test(r.path)) {
      const t = sim.tasks.find((each) => each.uid === Number(r.path.slice(7)))
      if (need('tasks.get', null) || !t || !seesTask(key, t)) return apiError(404, 'task_not_found', `Task \`${r.path.slice(7)}\` not found.`)
      return { body: { ...task(t.uid, t.status, t.indexUid, t.error), type: t.type } }
    }
    if (r.method === 'GET' && r.path === '/indexes') {
      const results = [...sim.indexes].filter(([u]) => allowed(key, 'indexes.get', u)).map(([u, i]) => ({ uid: u, primaryKey: 'id', createdAt: i.createdAt, updatedAt: i.createdAt }))
      const offset = Number(r.query.get('offset') ?? 0)
      const limit = Number(r.query.get('limit') ?? 20)
      return { body: { results: results.slice(offset, offset + limit), offset, limit, total: results.length } }
    }
    if (r.method === 'POST' && r.path === '/indexes') {
      const created = (r.body as { uid: string }).uid
      return need('indexes.create', created) ?? enqueue(key, created, 'indexCreation', () => {
        if (sim.indexes.has(created)) return { code: 'index_already_exists', message: `Index \`${created}\` already exists.` }
        sim.createIndex(created)
        return null
      }, r)
    }
    if (r.method === 'POST' && r.path === '/swap-indexes') {
      const pairs = (r.body as { indexes: [string, string] }[]).map((p) => p.indexes)
      for (const u of pairs.flat()) if (need('indexes.swap', u)) return need('indexes.swap', u)!
      return enqueue(key, null, 'indexSwap', () => {
        for (const [a, b] of pairs) {
          const [left, right] = [sim.indexes.get(a), sim.indexes.get(b)]
          if (!left || !right) return missing(left ? b : a)
          sim.indexes.set(a, right)
          sim.indexes.set(b, left)
        }
        return null
      }, r)
    }
    if (!uid) return undefined
    if (r.method === 'GET' && rest === '') {
      const index = sim.indexes.get(uid)
      return need('indexes.get', uid) ?? (index ? { body: { uid, primaryKey: 'id', createdAt: index.createdAt, updatedAt: index.createdAt } } : apiError(404, 'index_not_found'))
    }
    if (r.method === 'DELETE' && rest === '') {
      return need('indexes.delete', uid) ?? enqueue(key, uid, 'indexDeletion', () => (sim.indexes.delete(uid) ? null : missing(uid)), r)
    }
    if (r.method === 'PATCH' && rest === '/settings') {
      return need('settings.update', uid) ?? enqueue(key, uid, 'settingsUpdate', () => {
        const index = target(key, uid)
        if (!index) return missing(uid)
        index.settings = r.body
        return null
      }, r)
    }
    if (r.method === 'POST' && rest === '/documents') {
      return need('documents.add', uid) ?? enqueue(key, uid, 'documentAdditionOrUpdate', () => {
        const index = target(key, uid)
        if (!index) return missing(uid)
        for (const d of r.body as { id: number }[]) index.documents.set(d.id, d)
        return null
      }, r)
    }
    if (r.method === 'POST' && rest === '/documents/delete-batch') {
      return need('documents.delete', uid) ?? enqueue(key, uid, 'documentDeletion', () => {
        const index = sim.indexes.get(uid)
        if (!index) return missing(uid)
        for (const id of r.body as number[]) index.documents.delete(id)
        return null
      }, r)
    }
    return undefined
  })
  return sim
}

/** The rights the README gives each key, scoped to the prefix (`test_` here): STUB_KEYS in a simulated Meilisearch. */
export const PRESCRIBED_KEYS: Record<string, SimulatedKey> = {
  [STUB_KEYS.runtime]: { actions: ['search', 'documents.*', 'indexes.get', 'indexes.delete', 'tasks.get'], indexes: ['test_*'] },
  [STUB_KEYS.reindex]: { actions: ['search', 'documents.*', 'indexes.*', 'settings.*', 'tasks.get'], indexes: ['test_*'] },
}
