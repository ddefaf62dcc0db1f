import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { openDatabase } from './connection.ts'
import { migrateToLatest } from './migrate.ts'
import { DEMO_SCALE, seedDemo, seedReferenceData } from './seed/index.ts'

/**
 * `npm run db:setup`: migrates the database and, the first time only, fills it
 * with the reference data and the demo board. Safe to run again at any time.
 */
const path = process.env.DATABASE_PATH ?? 'data/passerelle.sqlite'
mkdirSync(dirname(path), { recursive: true })
const { db } = openDatabase(path)

try {
  await migrateToLatest(db)
  const { count } = await db
    .selectFrom('offers')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow()
  if (count === 0) {
    await seedReferenceData(db)
    const seeded = await seedDemo(db, DEMO_SCALE)
    console.log(`Base prête (${path}) : ${seeded.companies} entreprises et ${seeded.offers} offres de démonstration.`)
  } else {
    console.log(`Base à jour (${path}) : ${count} offres déjà présentes, rien n’a été ajouté.`)
  }
} finally {
  await db.destroy()
}
