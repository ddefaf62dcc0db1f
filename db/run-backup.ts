import { parseEnv } from '#app/env.server.ts'
import { backupDatabase } from './backup.ts'
import { openDatabase } from './connection.ts'

/** `npm run db:backup -- <file>`: a checked copy of the live database (and the uploads), while the server runs. */
const file = process.argv[2]
if (!file) {
  console.error('Usage : npm run db:backup -- <fichier.sqlite>')
  process.exit(2)
}
const env = parseEnv(process.env)
const { sqlite } = openDatabase(env.DATABASE_PATH)
try {
  const result = backupDatabase(sqlite, file, env.UPLOADS_DIR)
  console.log(`Sauvegarde vérifiée (integrity_check : ok) : ${result.file}, ${(result.bytes / 1e6).toFixed(1)} Mo, ${result.uploads} fichier(s) déposé(s) copiés dans ${result.file}.uploads`)
} catch (error) {
  console.error(`Sauvegarde impossible : ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 1
} finally {
  sqlite.close()
}
