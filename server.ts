import cluster from 'node:cluster'
import { parseEnv } from '#app/env.server.ts'
import { databasePrepared } from './server/cluster-messages.ts'

/**
 * `npm start`: a node:cluster primary (server/primary.ts) and WEB_CONCURRENCY
 * workers serving HTTP (server/worker.ts). `npm run dev`: one process with Vite.
 * Each role imports only its own modules (the compiled bundle, `npm run build`,
 * splits them), and the workers load theirs while the primary prepares the
 * database: what the first answer waits for is the slower of the two, not both.
 */
const development = process.argv.includes('--dev')
const prepared = !development && cluster.isWorker ? databasePrepared() : null
const env = parseEnv(process.env, 'server')

if (development) {
  const { startDevelopment } = await import('./server/development.ts')
  await startDevelopment(env)
} else if (cluster.isPrimary) {
  const [{ startPrimary }, { rotateBackups }] = await Promise.all([import('./server/primary.ts'), import('#db/backup.ts')])
  await startPrimary(env, async ({ sqlite }) => {
    if (!env.BACKUP_DIR) return
    const { made, removed } = rotateBackups(sqlite, env.BACKUP_DIR, env.UPLOADS_DIR, env.BACKUP_KEEP, new Date())
    console.log(`Sauvegarde quotidienne vérifiée : ${made.file} (${made.uploads} fichier(s) déposé(s))${removed.length ? ` ; ${removed.length} ancienne(s) supprimée(s)` : ''}.`)
  })
} else {
  const { startWorker } = await import('./server/worker.ts')
  const { stop } = await startWorker(env, { development: false, prepared: prepared! }).catch((error: unknown) => {
    console.error(`Processus ${process.pid} : démarrage impossible (${error instanceof Error ? error.message : String(error)}).`)
    process.exit(1)
  })
  const drain = () => void stop().then(() => process.exit(0))
  process.on('SIGTERM', drain)
  process.on('SIGINT', drain)
}
