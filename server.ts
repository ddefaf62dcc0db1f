import cluster from 'node:cluster'
import { parseEnv } from '#app/env.server.ts'
import { startPrimary } from './server/primary.ts'
import { startWorker } from './server/worker.ts'

/**
 * `npm start`: a node:cluster primary (server/primary.ts) and WEB_CONCURRENCY
 * workers serving HTTP (server/worker.ts). `npm run dev`: one process with Vite.
 */
const env = parseEnv(process.env)
const development = process.argv.includes('--dev')

if (development) {
  const { startDevelopment } = await import('./server/development.ts')
  await startDevelopment(env)
} else if (cluster.isPrimary) {
  await startPrimary(env)
} else {
  const { stop } = await startWorker(env, { development: false })
  const drain = () => void stop().then(() => process.exit(0))
  process.on('SIGTERM', drain)
  process.on('SIGINT', drain)
}
