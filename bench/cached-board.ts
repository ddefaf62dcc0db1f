/**
 * The boards the benchmarks build, kept in bench/tmp/: a board is built once
 * under its name (migrations, reference data, then the benchmark's own
 * seeding) and reused by every later run; older boards of the same family
 * (another day, another version of the build) are removed when a new one is
 * built. The file appears only once complete (built under `.building`).
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs'
import path from 'node:path'
import { openDatabase, type DB } from '#db/connection.ts'
import { migrateToLatest } from '#db/migrate.ts'
import { seedReferenceData } from '#db/seed/reference.ts'

export const BENCH_TMP = path.resolve('bench/tmp')

/** The board's path, and how long building it took (null when it was already there). */
export async function cachedBoard(
  name: string, isOlderOfFamily: (file: string) => boolean, seed: (db: DB) => Promise<void>,
): Promise<{ file: string; builtMs: number | null }> {
  mkdirSync(BENCH_TMP, { recursive: true })
  const file = path.join(BENCH_TMP, `${name}.sqlite`)
  if (existsSync(file)) return { file, builtMs: null }
  for (const old of readdirSync(BENCH_TMP)) if (isOlderOfFamily(old)) rmSync(path.join(BENCH_TMP, old), { force: true })
  const building = `${file}.building`
  for (const suffix of ['', '-wal', '-shm']) rmSync(building + suffix, { force: true })
  const started = performance.now()
  const { db, sqlite } = openDatabase(building)
  try {
    await migrateToLatest(db)
    await seedReferenceData(db)
    await seed(db)
    sqlite.pragma('wal_checkpoint(TRUNCATE)')
  } finally {
    await db.destroy().catch(() => {})
  }
  renameSync(building, file)
  return { file, builtMs: performance.now() - started }
}
