import { mkdirSync } from 'node:fs'
import path from 'node:path'
import type { Env } from '#app/env.server.ts'
import { createMailer } from '#app/utils/mail.server.ts'
import { openDatabase } from '#db/connection.ts'
import { createFileStore } from '#db/files.ts'
import { describeMaintenance, runMaintenance } from '#db/maintenance.ts'
import { prepareDatabase } from '#db/prepare.ts'
import { searchConfigFrom } from '#app/env.server.ts'
import { createSearch } from '#search/index.ts'
import { startSearchRelay } from '#search/sync/relay-worker.ts'
import { startWorker } from './worker.ts'

/** `npm run dev`: one process, Vite's hot reload, the maintenance once at boot, the Meilisearch relay if configured. */
export async function startDevelopment(env: Env): Promise<void> {
  mkdirSync(path.dirname(path.resolve(env.DATABASE_PATH)), { recursive: true })
  const { db, sqlite } = openDatabase(env.DATABASE_PATH)
  const { seeded } = await prepareDatabase(db, { demo: env.DEMO_DATA, region: env.REGION })
  if (seeded) console.log('Base de démonstration créée.')
  const { stop } = await startWorker(env, { development: true })
  console.log(`Passerelle (développement) : http://localhost:${env.PORT}`)
  const summary = await runMaintenance({
    db,
    files: createFileStore(env.UPLOADS_DIR),
    mailer: createMailer({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM }),
    publicUrl: env.PUBLIC_URL,
    now: new Date(),
  })
  console.log(describeMaintenance(summary))
  const { writer } = createSearch(searchConfigFrom(env), sqlite)
  const relay = writer ? startSearchRelay(db, writer) : null
  const quit = () => void Promise.all([stop(), relay?.stop()]).then(() => process.exit(0))
  process.on('SIGTERM', quit)
  process.on('SIGINT', quit)
}
