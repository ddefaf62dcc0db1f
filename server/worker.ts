import type { Server } from 'node:http'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ServerBuild } from 'react-router'
import type { Env } from '#app/env.server.ts'
import { createMailer } from '#app/utils/mail.server.ts'
import { openDatabase } from '#db/connection.ts'
import { createFileStore } from '#db/files.ts'
import { createSearch } from '#search/index.ts'
import { searchConfigFrom } from '#app/env.server.ts'
import { snapshotPathOf } from '#search/embedded/snapshot.ts'
import { createHttpApp } from './http-app.ts'
import { migrateToLatest } from '#db/migrate.ts'
import { DRAIN_MS } from './cluster-messages.ts'
const DAY_MS = 24 * 60 * 60 * 1000

/**
 * One process serving HTTP: its own SQLite connection (WAL: readers never
 * wait for the writer), its own embedded engine following the outbox, the
 * Express app. Under node:cluster the primary hands it connections.
 * SIGTERM: stop accepting, finish the requests in flight, exit.
 */
export async function startWorker(
  env: Env, { development, prepared }: { development: boolean; prepared?: Promise<void> },
): Promise<{ server: Server; stop: () => Promise<void> }> {
  // The pages' code is loaded while the primary prepares the database (a worker is forked before that).
  const loadingBuild = development ? null : import(pathToFileURL(path.resolve('build/server/index.js')).href) as Promise<ServerBuild>
  loadingBuild?.catch(() => {})
  await prepared
  const { db, sqlite } = openDatabase(env.DATABASE_PATH)
  // The primary migrated at start; a worker forked by a reload (SIGHUP) may run a newer release whose
  // migrations are not applied yet. Kysely's lock makes concurrent runs safe; nothing pending, nothing done.
  await migrateToLatest(db)
  const { engine: search, embedded } = createSearch(searchConfigFrom(env), sqlite, { snapshotFile: snapshotPathOf(env.DATABASE_PATH) })
  let ready = false
  // Load the engine's memory now, not on the first visitor's search: from its snapshot when it has one.
  const warming = performance.now()
  await search.warmUp()
  ready = true
  const from = embedded.warmedFrom
  console.log(`Processus ${process.pid} : moteur de recherche prêt en ${((performance.now() - warming) / 1000).toFixed(2)} s (${from?.source === 'snapshot' ? 'instantané' : `base${from?.reason ? `, instantané ${from.reason}` : ''}`}).`)
  // A start that had to read the whole database leaves a snapshot for the next ones; every worker
  // refreshes it daily, so it never falls behind the outbox's retention (a write is whole, by rename).
  const saveSnapshot = () => {
    try {
      embedded.saveSnapshot()
    } catch (error) {
      console.error(`Processus ${process.pid} : instantané du moteur de recherche non enregistré :`, error)
    }
  }
  if (embedded.warmedFrom?.source === 'database') setTimeout(saveSnapshot, 1000).unref()
  const daily = setInterval(saveSnapshot, DAY_MS)
  daily.unref()
  const files = createFileStore(env.UPLOADS_DIR)
  const mailer = createMailer({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM })

  let build: ServerBuild | (() => Promise<ServerBuild>)
  let devMiddleware
  if (development) {
    const vite = await import('vite').then((v) => v.createServer({ server: { middlewareMode: true } }))
    devMiddleware = vite.middlewares
    build = () => vite.ssrLoadModule('virtual:react-router/server-build') as Promise<ServerBuild>
  } else {
    build = await loadingBuild!
  }

  const app = createHttpApp({
    trustProxy: env.TRUST_PROXY,
    widgetFrameAncestors: env.WIDGET_FRAME_ANCESTORS,
    development,
    sqlite,
    ready: () => ready,
    build,
    devMiddleware,
    loadContext: (req, res) => ({
      db,
      search,
      mailer,
      files,
      publicUrl: env.PUBLIC_URL,
      nonce: res.locals.nonce as string,
      clientIp: req.ip ?? 'inconnue',
      apiRateLimit: env.API_RATE_LIMIT,
    }),
  })

  // A port already taken stops the worker (and the primary, which never saw it listen) with the reason.
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(env.PORT, env.HOST, () => resolve(listening))
    listening.once('error', reject)
  })
  // Slow or idle clients never hold a connection for ever (nginx keeps its own upstream connections alive).
  server.headersTimeout = 20_000
  server.requestTimeout = 60_000

  let stopping: Promise<void> | null = null
  const stop = () =>
    (stopping ??= new Promise<void>((resolve) => {
      ready = false
      clearInterval(daily)
      const force = setTimeout(() => server.closeAllConnections(), DRAIN_MS)
      force.unref()
      server.close(() => {
        clearTimeout(force)
        sqlite.close()
        resolve()
      })
      // Keep-alive connections with no request in flight would otherwise hold the close.
      server.closeIdleConnections()
    }))
  return { server, stop }
}
