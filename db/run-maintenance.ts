import { parseEnv, searchConfigFrom } from '#app/env.server.ts'
import { createSearch } from '#search/index.ts'
import { createMailer } from '#app/utils/mail.server.ts'
import { openDatabase } from './connection.ts'
import { createFileStore } from './files.ts'
import { describeMaintenance, runMaintenance } from './maintenance.ts'
import { runScheduledImports } from './import/scheduled.ts'

/**
 * `npm run maintenance`: the server already runs it daily; this is for a cron
 * job on a server that restarts often, or to see what it does.
 */
const env = parseEnv(process.env)
const { db, sqlite } = openDatabase(env.DATABASE_PATH)
// The alert job mails many people in a row: a pool of SMTP connections (decision 010), closed at the end.
const mailer = createMailer({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, pool: true })
try {
  const summary = await runMaintenance({
    db,
    files: createFileStore(env.UPLOADS_DIR),
    mailer,
    // Alerts match through the configured engine, as the search page does.
    search: createSearch(searchConfigFrom(env), sqlite).engine,
    publicUrl: env.PUBLIC_URL,
    now: new Date(),
  })
  console.log(describeMaintenance(summary))
  for (const line of await runScheduledImports(db, env, new Date())) console.log(line)
} finally {
  mailer.close?.()
  await db.destroy()
}
