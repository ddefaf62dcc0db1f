import cluster from 'node:cluster'
import { parseEnv } from '#app/env.server.ts'
import { rotateBackups } from '#db/backup.ts'
import { startPrimary } from './server/primary.ts'
import { startWorker } from './server/worker.ts'

/**
 * `npm start`: a node:cluster primary (server/primary.ts) and WEB_CONCURRENCY
 * workers serving HTTP (server/worker.ts). `npm run dev`: one process with Vite.
 */
const env = parseEnv(process.env, 'server')
const development = process.argv.includes('--dev')

if (development) {
  const { startDevelopment } = await import('./server/development.ts')
  await startDevelopment(env)
} else if (cluster.isPrimary) {
  await startPrimary(env, async ({ sqlite }) => {
    if (!env.BACKUP_DIR) return
    const { made, removed } = rotateBackups(sqlite, env.BACKUP_DIR, env.UPLOADS_DIR, env.BACKUP_KEEP, new Date())
    console.log(`Sauvegarde quotidienne vérifiée : ${made.file} (${made.uploads} fichier(s) déposé(s))${removed.length ? ` ; ${removed.length} ancienne(s) supprimée(s)` : ''}.`)
  })
} else {
  const { stop } = await startWorker(env, { development: false }).catch((error: unknown) => {
    console.error(`Processus ${process.pid} : démarrage impossible (${error instanceof Error ? error.message : String(error)}).`)
    process.exit(1)
  })
  const drain = () => void stop().then(() => process.exit(0))
  process.on('SIGTERM', drain)
  process.on('SIGINT', drain)
}
