import { existsSync } from 'node:fs'
import { parseEnv } from '#app/env.server.ts'
import { restoreDatabase } from './backup.ts'
import { runningServerPid } from './server-lock.ts'

/**
 * `npm run db:restore -- <file>`: puts a backup back. Refused while a server
 * uses the database (its workers would keep writing to the old file).
 */
const file = process.argv[2]
if (!file || !existsSync(file)) {
  console.error('Usage : npm run db:restore -- <sauvegarde.sqlite> (un fichier fait par npm run db:backup)')
  process.exit(2)
}
const env = parseEnv(process.env)
const pid = runningServerPid(env.DATABASE_PATH)
if (pid !== null) {
  console.error(`Restauration refusée : le serveur (pid ${pid}) utilise ${env.DATABASE_PATH}. Arrêtez-le (systemctl stop passerelle), puis relancez la commande.`)
  process.exit(1)
}
try {
  const { keptAside } = restoreDatabase(file, env.DATABASE_PATH, env.UPLOADS_DIR, new Date())
  console.log(`Base restaurée depuis ${file} dans ${env.DATABASE_PATH}.`)
  if (keptAside.length > 0) console.log(`Les fichiers remplacés sont gardés de côté :\n  ${keptAside.join('\n  ')}`)
  console.log('Redémarrez le serveur ; avec Meilisearch, lancez ensuite npm run search:reindex.')
} catch (error) {
  console.error(`Restauration impossible : ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 1
}
