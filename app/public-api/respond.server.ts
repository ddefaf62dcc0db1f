import { createHash } from 'node:crypto'
import { tooManyAttempts } from '#app/utils/rate-limit.server.ts'
import { API_REQUESTS_PER_MINUTE } from './limits.ts'
import type { ApiError } from './schemas.ts'

/**
 * How every answer of the public API is sent: JSON, readable from any site
 * (CORS for GET), with an ETag (304 when the client already has it), and a
 * per-address limit with Retry-After.
 */
export const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'ETag, Retry-After',
} as const

/** Answered by server/request-guard.ts to an OPTIONS preflight on /api/. */
export const PREFLIGHT_HEADERS = {
  ...CORS_HEADERS,
  'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
  'Access-Control-Allow-Headers': 'If-None-Match, Accept',
  'Access-Control-Max-Age': '86400',
} as const

const WINDOW_MS = 60_000

/**
 * A fixed one-minute window per address, in this process's memory. The API is
 * read-only: counting in SQLite (as sign-in does) would turn every read into a
 * write, serialise them on the write lock and empty every worker's page cache.
 * With several workers an address may get up to WEB_CONCURRENCY times the limit.
 */
export function createRateLimiter(limit: number, windowMs = WINDOW_MS) {
  const windows = new Map<string, { start: number; count: number }>()
  return (address: string, now = Date.now()): { allowed: boolean; retryAfterSeconds: number } => {
    if (windows.size > 50_000) for (const [key, w] of windows) if (now - w.start >= windowMs) windows.delete(key)
    let w = windows.get(address)
    if (!w || now - w.start >= windowMs) {
      w = { start: now, count: 0 }
      windows.set(address, w)
    }
    w.count += 1
    if (w.count <= limit) return { allowed: true, retryAfterSeconds: 0 }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((w.start + windowMs - now) / 1000)) }
  }
}

/** One limiter per configured limit (in practice one: API_RATE_LIMIT). */
const limiters = new Map<number, ReturnType<typeof createRateLimiter>>()
const limiterFor = (limit: number) => {
  let limiter = limiters.get(limit)
  if (!limiter) limiters.set(limit, (limiter = createRateLimiter(limit)))
  return limiter
}

export function apiError(status: number, message: string, details: string[] = [], headers: Record<string, string> = {}): Response {
  const body: ApiError = { status, message, details }
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...CORS_HEADERS, ...headers },
  })
}

/** The 429 answer if this address is over its limit, else null (the request is counted). */
export function overLimit(context: { clientIp: string; apiRateLimit?: number }): Response | null {
  const limit = context.apiRateLimit ?? API_REQUESTS_PER_MINUTE
  const refusal = tooManyAttempts([limiterFor(limit)(context.clientIp)], 'Trop de requêtes à l’API depuis votre adresse.')
  if (!refusal) return null
  const retryAfter = new Headers(refusal.init.headers).get('Retry-After') ?? '60'
  return apiError(429, refusal.message, [`Limite : ${limit} requêtes par minute et par adresse.`], { 'Retry-After': retryAfter })
}

export function etagOf(body: string): string {
  return `W/"${createHash('sha1').update(body).digest('base64url')}"`
}

/** Whether If-None-Match names this ETag (weak comparison, RFC 9110 §13.1.2). */
function matches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false
  const bare = etag.replace(/^W\//, '')
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim()
    return t === '*' || t.replace(/^W\//, '') === bare
  })
}

/** 200 with the body and its ETag, or 304 when the client's copy is the same. */
export function apiJson(request: Request, value: unknown, { maxAgeSeconds = 60 } = {}): Response {
  const body = JSON.stringify(value)
  const etag = etagOf(body)
  const headers = { ...CORS_HEADERS, ETag: etag, 'Cache-Control': `public, max-age=${maxAgeSeconds}`, Vary: 'Accept-Encoding' }
  if (matches(request.headers.get('If-None-Match'), etag)) return new Response(null, { status: 304, headers })
  return new Response(body, { status: 200, headers: { ...headers, 'Content-Type': 'application/json; charset=utf-8' } })
}
