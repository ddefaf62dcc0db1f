import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { openDatabase } from './connection.ts'
import { migrateToLatest } from './migrate.ts'
import { seedReferenceData } from './seed/reference.ts'

/**
 * A real SQLite file in a fresh temporary folder, migrated and holding the
 * reference data (region, communes, skills). Tests add their own rows.
 */
export async function createTestDatabase() {
  const dir = mkdtempSync(path.join(tmpdir(), 'passerelle-test-'))
  const file = path.join(dir, 'test.sqlite')
  const { db, sqlite } = openDatabase(file)
  await migrateToLatest(db)
  await seedReferenceData(db)
  return {
    db,
    sqlite,
    file,
    async destroy() {
      await db.destroy()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
