import type SQLite from 'better-sqlite3'
import type { NextFunction, Request, Response } from 'express'
import { carriesSession } from './utils/session-cookie.ts'

/**
 * A one-second cache of the pages anonymous visitors read, in each server
 * process: under load, the home page, the listing and the offer pages are
 * rendered once a second instead of once a request.
 *
 * Only what is the same for every anonymous visitor is kept: GET requests
 * without a session cookie, answered 200 in HTML without Set-Cookie. The
 * session cookie is the only one a page reads (flash messages travel in the
 * address, `?fait=`); the "known device" cookie, which outlives the session by
 * a year, is read only by the login form's POST, so a signed-out visitor who
 * carries it, or any cookie a proxy or an analytics script set, still gets
 * the cached page. A request that asks for a fresh answer (`Cache-Control:
 * no-cache`, as a hard reload sends; a plain reload's `max-age=0` gets the
 * page of the last second) is rendered afresh, and its page kept. The page carries the request's
 * CSP nonce: it is stored with a placeholder instead, and every answer from
 * the cache gets the nonce of its own request (already in its CSP header),
 * so no nonce is ever sent twice. A page is dropped after `ttlMs`, and at
 * once when the database changes (a write of this process, or a commit of
 * another one), so a published offer shows at the next visit.
 * Browsers and shared proxies are never told to cache (a page reused there
 * would reuse its nonce).
 */
export function anonymousPageCache(sqlite: SQLite.Database, { ttlMs = 1000, maxEntries = 500 } = {}) {
  const PLACEHOLDER = '__PASSERELLE_NONCE__'
  const pages = new Map<string, { at: number; version: string; type: string; body: string }>()
  // data_version moves when another connection commits, total_changes when this one writes.
  const dataVersion = sqlite.prepare<[], number>('pragma data_version').pluck()
  const ownChanges = sqlite.prepare<[], number>('select total_changes()').pluck()
  const version = () => `${dataVersion.get()}:${ownChanges.get()}`

  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || carriesSession(req.headers.cookie) || req.headers.authorization) return next()
    const nonce = res.locals.nonce as string
    const key = req.originalUrl
    const kept = pages.get(key)
    const current = version()
    const fresh = /\bno-cache\b/i.test(req.headers['cache-control'] ?? '') || /\bno-cache\b/i.test(String(req.headers.pragma ?? ''))
    if (kept && !fresh && Date.now() - kept.at < ttlMs && kept.version === current) {
      res.status(200).type(kept.type).set('X-Page-Cache', 'hit').send(kept.body.replaceAll(PLACEHOLDER, nonce))
      return
    }
    const chunks: Buffer[] = []
    const write = res.write.bind(res) as (...args: unknown[]) => boolean
    const end = res.end.bind(res) as (...args: unknown[]) => Response
    // Only what may be kept is copied: a streamed XML feed (app/routes/feed-indeed.ts) must not pile up here.
    const keepable = () => res.statusCode === 200 && String(res.getHeader('Content-Type') ?? '').startsWith('text/html')
    const collect = (chunk: unknown, encoding?: unknown) => {
      if (chunk === undefined || chunk === null || typeof chunk === 'function' || !keepable()) return
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8'))
    }
    res.write = ((...args: unknown[]) => {
      collect(args[0], args[1])
      return write(...args)
    }) as Response['write']
    res.end = ((...args: unknown[]) => {
      collect(args[0], args[1])
      const type = String(res.getHeader('Content-Type') ?? '')
      if (res.statusCode === 200 && type.startsWith('text/html') && !res.getHeader('Set-Cookie')) {
        if (pages.size >= maxEntries) pages.delete(pages.keys().next().value!)
        pages.set(key, { at: Date.now(), version: current, type, body: Buffer.concat(chunks).toString('utf8').replaceAll(nonce, PLACEHOLDER) })
      }
      return end(...args)
    }) as Response['end']
    next()
  }
}
