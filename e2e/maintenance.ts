import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import type { DB } from '#db/connection.ts'
import { E2E_DATABASE_PATH, E2E_SMTP_PORT } from '../playwright.config.ts'
import { retryingWrite } from './fixtures.ts'

const run = promisify(execFile)

/**
 * `npm run maintenance` against the server's database, as a cron job would run
 * it (the server's primary runs the same code daily and every 10 minutes for
 * alerts), sending through the run's real SMTP server.
 */
export async function runMaintenance(baseURL: string): Promise<string> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'db/run-maintenance.ts'], {
    env: { ...process.env, NODE_ENV: 'production', DATABASE_PATH: E2E_DATABASE_PATH, SMTP_URL: `smtp://127.0.0.1:${E2E_SMTP_PORT}`, PUBLIC_URL: baseURL },
    timeout: 60_000,
  })
  return stdout
}

/** Time passes: the alerts of these addresses come due now (a day or a week later, in real life). */
export async function makeAlertsDue(db: DB, emails: string[]): Promise<void> {
  await retryingWrite(() =>
    db.updateTable('alerts').set({ next_run_at: new Date(Date.now() - 1000).toISOString() }).where('email', 'in', emails).execute(),
  )
}
