import cluster, { type Worker } from 'node:cluster'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import type { Env } from '#app/env.server.ts'
import type { openDatabase } from '#db/connection.ts'
import { claimServerLock } from '#db/server-lock.ts'
import { DATABASE_PREPARED, DRAIN_MS, isMessage, WAITING_FOR_DATABASE } from './cluster-messages.ts'

/**
 * The node:cluster primary: prepares the database once (migrations, demo),
 * forks WEB_CONCURRENCY workers that share the port, and alone runs what
 * must run once per database: the daily maintenance and the Meilisearch relay
 * (whose lease also keeps a second machine from relaying side by side).
 * A worker that dies is replaced; SIGHUP replaces them one by one (the new
 * one listens before the old one drains); SIGTERM drains them all, then exits.
 */
export async function startPrimary(env: Env, afterMaintenance?: (db: ReturnType<typeof openDatabase>) => Promise<void>): Promise<void> {
  mkdirSync(path.dirname(path.resolve(env.DATABASE_PATH)), { recursive: true })
  const releaseLock = claimServerLock(env.DATABASE_PATH)
  // The workers are forked first: they load their code while the database is prepared, and open it once told.
  let markReady = () => {}
  const readyToServe = new Promise<void>((resolve) => (markReady = resolve))
  // The workers accept connections themselves (the kernel spreads them): the primary's own work
  // (maintenance, a backup's VACUUM INTO, synchronous SQLite) never holds up a visitor.
  cluster.schedulingPolicy = cluster.SCHED_NONE
  const workersStarting = forkWorkers()
  // Imported once the workers are forked: the primary's own code loads while theirs does.
  const [{ searchConfigFrom }, { createMailer }, { openDatabase }, { createFileStore }, { describeAlertRun, describeMaintenance, runMaintenance }, { prepareDatabase },
    { createSearch }, { startSearchRelay }, { sendDueAlerts }, { sendNotificationJobs }, { runScheduledImports }, { snapshotPathOf }] = await Promise.all([
    import('#app/env.server.ts'), import('#app/utils/mail.server.ts'), import('#db/connection.ts'), import('#db/files.ts'), import('#db/maintenance.ts'),
    import('#db/prepare.ts'), import('#search/index.ts'), import('#search/sync/relay-worker.ts'), import('#db/alert-job.ts'),
    import('#db/notification-jobs.ts'), import('#db/import/scheduled.ts'), import('#search/embedded/snapshot.ts'),
  ])
  const database = openDatabase(env.DATABASE_PATH)
  const { db, sqlite } = database
  const { seeded } = await prepareDatabase(db, { demo: env.DEMO_DATA, region: env.REGION }).catch((error: unknown) => fatal(error))
  if (seeded) console.log('Base de démonstration créée.')
  markReady()
  // The engine serves the alert job (the maintenance's alerts match through it, as the search page does); it
  // loads on the first alert pass, from the workers' snapshot when there is one.
  const { writer, engine } = createSearch(searchConfigFrom(env), sqlite, { snapshotFile: snapshotPathOf(env.DATABASE_PATH) })
  const relay = writer ? startSearchRelay(db, writer) : null
  const files = createFileStore(env.UPLOADS_DIR)
  // The primary mails only from jobs (alerts, digests, reminders): a pool of SMTP connections (decision 010).
  const mailer = createMailer({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, pool: true })

  // Offer expiry, the inactivity purge, pruning and backups: at boot, then daily. A
  // failure is logged and retried the next day, never fatal to the server.
  // One job at a time: the alert pass never runs beside the maintenance's own.
  let running: Promise<void> = Promise.resolve()
  const exclusive = (job: () => Promise<void>) => (running = running.then(job))
  const maintain = () =>
    exclusive(async () => {
      try {
        console.log(describeMaintenance(await runMaintenance({ db, files, mailer, search: engine, publicUrl: env.PUBLIC_URL, now: new Date() })))
        for (const line of await runScheduledImports(db, env, new Date())) console.log(line)
        await afterMaintenance?.(database)
      } catch (error) {
        console.error('Maintenance échouée :', error)
      }
    })
  const daily = setInterval(() => void maintain(), 24 * 60 * 60 * 1000)
  // Alerts and digests come due all day long (and an SMTP failure is retried within minutes): a pass every 10 minutes.
  const alertPass = setInterval(
    () =>
      void exclusive(async () => {
        try {
          const now = new Date()
          const summary = await sendDueAlerts({ db, search: engine, mailer, publicUrl: env.PUBLIC_URL, now })
          if (summary.due > 0 || summary.uncertain > 0) console.log(describeAlertRun(summary))
          // The daily digests and the forum reminders each go once: a pass finds only those now due.
          await sendNotificationJobs({ db, mailer, publicUrl: env.PUBLIC_URL, now })
        } catch (error) {
          console.error('Envoi des alertes échoué :', error)
        }
      }),
    10 * 60 * 1000,
  )

  let stopping = false
  function fork() {
    return new Promise<Worker>((resolve, reject) => {
      const worker = cluster.fork()
      worker.on('message', (message: unknown) => {
        if (isMessage(message, WAITING_FOR_DATABASE)) void readyToServe.then(() => worker.isConnected() && worker.send(DATABASE_PREPARED))
      })
      worker.once('listening', () => resolve(worker))
      worker.once('exit', (code) => reject(new Error(`le processus ${worker.process.pid} s’est arrêté au démarrage (code ${code})`)))
    })
  }
  const exited = (worker: Worker) =>
    new Promise<void>((resolve) => (worker.isDead() ? resolve() : worker.once('exit', () => resolve())))

  // Workers asked to stop (rolling restart) are not replaced when they exit.
  const retiring = new Set<number>()
  cluster.on('exit', (worker, code, signal) => {
    if (stopping || retiring.delete(worker.id)) return
    console.error(`Processus ${worker.process.pid} arrêté (${signal ?? `code ${code}`}) ; remplacement.`)
    fork().catch((error: unknown) => fatal(error))
  })

  function fatal(error: unknown): never {
    console.error('Démarrage impossible :', error instanceof Error ? error.message : error)
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill('SIGKILL')
    releaseLock()
    process.exit(1)
  }

  async function forkWorkers() {
    try {
      await Promise.all(Array.from({ length: env.WEB_CONCURRENCY }, fork))
    } catch (error) {
      fatal(error)
    }
  }
  await workersStarting
  console.log(`Passerelle est prête : http://localhost:${env.PORT} (${env.WEB_CONCURRENCY} processus)`)
  void maintain()

  let restarting: Promise<void> | null = null
  process.on('SIGHUP', () => {
    restarting ??= (async () => {
      console.log('Redémarrage progressif des processus…')
      for (const old of Object.values(cluster.workers ?? {})) {
        if (!old || stopping) continue
        try {
          await fork()
        } catch (error) {
          console.error('Redémarrage progressif interrompu :', error instanceof Error ? error.message : error)
          return
        }
        // The new worker listens: the old one stops taking connections and finishes its requests.
        retiring.add(old.id)
        old.process.kill('SIGTERM')
        const timer = setTimeout(() => old.kill('SIGKILL'), DRAIN_MS + 5000)
        await exited(old)
        clearTimeout(timer)
      }
      console.log('Redémarrage progressif terminé.')
    })().finally(() => (restarting = null))
  })

  const shutdown = async () => {
    if (stopping) return
    stopping = true
    clearInterval(daily)
    clearInterval(alertPass)
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined)
    for (const worker of workers) worker.process.kill('SIGTERM')
    const timer = setTimeout(() => workers.forEach((w) => w.process.kill('SIGKILL')), DRAIN_MS + 5000)
    await Promise.all(workers.map(exited))
    clearTimeout(timer)
    // Let the relay finish its current call and mark it, so nothing is sent twice after a restart.
    await relay?.stop()
    sqlite.close()
    releaseLock()
    process.exit(0)
  }
  process.on('SIGTERM', () => void shutdown())
  process.on('SIGINT', () => void shutdown())
}
