import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { parseEnv } from '#app/env.server.ts'
import { openDatabase } from './connection.ts'
import { prepareDatabase } from './prepare.ts'

/**
 * `npm run db:setup`: migrates the database and, when it holds no offer yet,
 * fills it with the demo board (unless DEMO_DATA=false). Safe to run again.
 */
const env = parseEnv(process.env)
mkdirSync(dirname(env.DATABASE_PATH), { recursive: true })
const { db } = openDatabase(env.DATABASE_PATH)
try {
  const { seeded } = await prepareDatabase(db, { demo: env.DEMO_DATA, region: env.REGION })
  console.log(seeded ? `Base de démonstration créée (${env.DATABASE_PATH}).` : `Base à jour (${env.DATABASE_PATH}).`)
} finally {
  await db.destroy()
}
