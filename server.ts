import { randomBytes } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { createRequestHandler } from '@react-router/express'
import express from 'express'
import type { ServerBuild } from 'react-router'
import { parseEnv, searchConfigFrom } from '#app/env.server.ts'
import { createMailer } from '#app/utils/mail.server.ts'
import { securityHeaders } from '#app/security-headers.ts'
import { openDatabase } from '#db/connection.ts'
import { createFileStore } from '#db/files.ts'
import { describeMaintenance, runMaintenance } from '#db/maintenance.ts'
import { prepareDatabase } from '#db/prepare.ts'
import { createSearch } from '#search/index.ts'
import { startSearchRelay } from '#search/sync/relay-worker.ts'

const env = parseEnv(process.env)
const development = process.argv.includes('--dev')

mkdirSync(path.dirname(path.resolve(env.DATABASE_PATH)), { recursive: true })
const { db, sqlite } = openDatabase(env.DATABASE_PATH)
const { seeded } = await prepareDatabase(db, { demo: env.DEMO_DATA, region: env.REGION })
if (seeded) console.log('Base de démonstration créée.')
const { engine: search, writer } = createSearch(searchConfigFrom(env), sqlite)
// Load the engine's memory now, not on the first visitor's search.
await search.warmUp()
// Meilisearch only: send the search outbox there, in the background, for as long as the server runs.
const relay = writer ? startSearchRelay(db, writer) : null
const files = createFileStore(env.UPLOADS_DIR)
const mailer = createMailer({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM })

const app = express()
app.disable('x-powered-by')
app.use((_req, res, next) => {
  const nonce = randomBytes(16).toString('base64')
  res.locals.nonce = nonce
  res.set(securityHeaders(nonce, { development }))
  next()
})

let build: ServerBuild | (() => Promise<ServerBuild>)
if (development) {
  const vite = await import('vite').then((v) => v.createServer({ server: { middlewareMode: true } }))
  app.use(vite.middlewares)
  build = () => vite.ssrLoadModule('virtual:react-router/server-build') as Promise<ServerBuild>
} else {
  app.use('/assets', express.static('build/client/assets', { immutable: true, maxAge: '1y' }))
  app.use(express.static('build/client', { maxAge: '1h' }))
  build = (await import(pathToFileURL(path.resolve('build/server/index.js')).href)) as ServerBuild
}

app.use(
  createRequestHandler({
    build,
    mode: development ? 'development' : 'production',
    getLoadContext: (req, res) => ({
      db,
      search,
      mailer,
      files,
      publicUrl: env.PUBLIC_URL,
      nonce: res.locals.nonce as string,
      clientIp: req.ip ?? 'inconnue',
    }),
  }),
)

const server = app.listen(env.PORT, env.HOST, () => {
  console.log(`Passerelle est prête : http://localhost:${env.PORT}`)
})

// Offer expiry, the inactivity purge and pruning: at boot, then daily. A
// failure is logged and retried the next day, never fatal to the server.
async function maintain() {
  try {
    console.log(describeMaintenance(await runMaintenance({ db, files, mailer, publicUrl: env.PUBLIC_URL, now: new Date() })))
  } catch (error) {
    console.error('Maintenance échouée :', error)
  }
}
void maintain()
setInterval(() => void maintain(), 24 * 60 * 60 * 1000).unref()

function shutdown() {
  server.close(() => {
    void (async () => {
      // Let the relay finish its current call and mark it, so nothing is sent twice after a restart.
      await relay?.stop()
      sqlite.close()
      process.exit(0)
    })()
  })
}
process.on('SIGTERM', shutdown)
process.on('SIGINT', shutdown)
