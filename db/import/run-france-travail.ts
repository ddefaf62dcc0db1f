import { readFileSync } from 'node:fs'
import { parseEnv } from '#app/env.server.ts'
import { openDatabase } from '../connection.ts'
import { migrateToLatest } from '../migrate.ts'
import { describeImport } from './offers.ts'
import { franceTravailFromApi } from './france-travail/scheduled.ts'
import { importFranceTravail } from './france-travail/index.ts'
import { parseFranceTravailFile } from './france-travail/read.ts'

/**
 * `npm run import:france-travail -- offres.json`: imports a file in the "Offres d'emploi v2"
 * format (the API's answer, or an array of offers). Without a file, reads the API itself when
 * FRANCE_TRAVAIL_CLIENT_ID and FRANCE_TRAVAIL_CLIENT_SECRET are set. Prints the report.
 */
const env = parseEnv(process.env)
const file = process.argv[2]
if (!file && !env.FRANCE_TRAVAIL_CLIENT_ID) {
  console.error('Donnez un fichier (npm run import:france-travail -- offres.json) ou configurez FRANCE_TRAVAIL_CLIENT_ID et FRANCE_TRAVAIL_CLIENT_SECRET.')
  process.exit(2)
}
const { db } = openDatabase(env.DATABASE_PATH)
try {
  await migrateToLatest(db)
  if (!(await db.selectFrom('communes').select('insee').limit(1).executeTakeFirst())) {
    console.error('La base n’a pas encore son référentiel (communes, métiers) : lancez d’abord npm run db:setup.')
    process.exit(1)
  }
  const onBatch = (written: number) => console.error(`lot enregistré : ${written} offres`)
  const now = new Date()
  let report
  if (file) {
    let records: unknown[]
    try {
      records = parseFranceTravailFile(readFileSync(file, 'utf8'))
    } catch (error) {
      console.error(error instanceof Error ? error.message : String(error))
      process.exit(1)
    }
    report = await importFranceTravail(db, records, { now, complete: true, onBatch })
  } else {
    report = await franceTravailFromApi(db, env, now, { onBatch, log: (line) => console.error(line) })
  }
  console.log(describeImport(report!))
} finally {
  await db.destroy()
}
