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
    config: { url, apiKey: 'admin-key', indexPrefix: 'test_', timeoutMs: 5_000 },
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
