import { randomBytes } from 'node:crypto'
import { existsSync, readdirSync } from 'node:fs'
import type SQLite from 'better-sqlite3'
import express, { type NextFunction, type Request, type Response } from 'express'
import type { AppLoadContext, ServerBuild } from 'react-router'
import type { TrustProxy } from '#app/trust-proxy.server.ts'
import { securityHeaders } from '#app/security-headers.ts'
import { anonymousPageCache } from '#app/page-cache.server.ts'
import { reactRouterHandler } from './react-router.ts'
import { reject } from './reject.ts'
import { rejectForeignOrigin, rejectMalformed } from './request-guard.ts'

/** Two years, as the HSTS preload list asks; sent only on HTTPS answers (RFC 6797: never over plain HTTP). */
const HSTS = 'max-age=63072000'

export type HttpAppOptions = {
  trustProxy: TrustProxy
  development: boolean
  sqlite: SQLite.Database
  /** True once the search engine has loaded its memory, false while the worker drains. */
  ready: () => boolean
  build: ServerBuild | (() => Promise<ServerBuild>)
  /** Vite's middlewares, in development only. */
  devMiddleware?: express.RequestHandler
  loadContext: (req: Request, res: Response) => AppLoadContext
  /** CSP frame-ancestors of the offers widget (WIDGET_FRAME_ANCESTORS); every other page: 'none'. */
  widgetFrameAncestors?: string
}

/** The pages other sites may show in an iframe (app/routes/widget.tsx). */
/** The one page other sites may frame (its `.data` twin and any other /integrer/… path keep 'none'). */
export const WIDGET_PATH = '/integrer/offres'

/**
 * The Express app of one worker: the request guards, /healthz, the static
 * files, then React Router. Errors never show a stack trace to the client.
 */
export function createHttpApp(options: HttpAppOptions): express.Express {
  const app = express()
  // Express's error pages and settings follow this, not only process.env.NODE_ENV.
  app.set('env', options.development ? 'development' : 'production')
  app.set('trust proxy', options.trustProxy)
  app.disable('x-powered-by')

  app.use((req, res, next) => {
    const nonce = randomBytes(16).toString('base64')
    res.locals.nonce = nonce
    const frameAncestors = req.path === WIDGET_PATH ? (options.widgetFrameAncestors ?? "'self'") : "'none'"
    res.set(securityHeaders(nonce, { development: options.development, frameAncestors }))
    if (req.secure) res.set('Strict-Transport-Security', HSTS)
    next()
  })
  app.use(rejectMalformed)

  app.get('/healthz', (_req, res) => {
    let database = false
    try {
      database = options.sqlite.prepare('SELECT 1 AS ok').get() !== undefined
    } catch {
      database = false
    }
    const ready = options.ready()
    res.status(database && ready ? 200 : 503).set('Cache-Control', 'no-store').json({ database, search: ready })
  })

  if (options.devMiddleware) app.use(options.devMiddleware)
  else {
    app.use('/assets', express.static('build/client/assets', { immutable: true, maxAge: '1y' }))
    // The other built files (public/: the favicon) are listed once: asking the disk for every page's path
    // (a failed stat, then `next`) cost each request ~0.2 ms of CPU.
    const clientFiles = builtFiles('build/client')
    const serveClientFile = express.static('build/client', { maxAge: '1h' })
    app.use((req, res, next) => (clientFiles.has(req.path) ? serveClientFile(req, res, next) : next()))
  }
  app.use(rejectForeignOrigin)
  // Anonymous GETs only, one second per worker, dropped on any database write (app/page-cache.server.ts).
  if (!options.development) app.use(anonymousPageCache(options.sqlite))
  app.use(reactRouterHandler({ build: options.build, mode: options.development ? 'development' : 'production', getLoadContext: options.loadContext }))

  // Anything that escaped: the log gets the detail, the client a French page without it.
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const status = typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number' ? error.status : 500
    if (status >= 400 && status < 500) return reject(req, res, status, 'Cette demande n’a pas pu être lue.', { close: true })
    // The client left while the page was being sent: nothing to answer, nothing broken.
    if (res.destroyed || req.socket.destroyed) {
      console.warn(`Requête interrompue par le client : ${req.method} ${JSON.stringify(req.originalUrl.slice(0, 200))}`)
      return
    }
    console.error(`[${req.method} ${req.path}]`, error)
    if (res.headersSent) return res.destroy()
    res.status(500).set({ 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' })
    res.end('<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Erreur – Passerelle</title></head><body><h1>Une erreur est survenue</h1><p>Réessayez dans un instant.</p></body></html>')
  })
  return app
}

/** The URL paths of the files under `root` but its `assets/` (served apart), e.g. `/favicon.svg`; none before a build. */
function builtFiles(root: string): Set<string> {
  const files = new Set<string>()
  if (!existsSync(root)) return files
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const relative = `${entry.parentPath.slice(root.length)}/${entry.name}`.replace(/^\/+/, '/')
    if (!relative.startsWith('/assets/')) files.add(relative)
  }
  return files
}
