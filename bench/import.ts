/**
 * npm run bench:import — France Travail import throughput on BENCH_IMPORT_OFFERS (10,000)
 * generated fixture offers (db/import/fixtures/france-travail-generator.ts), into a fresh
 * SQLite file migrated with the reference data: the first import (every offer created,
 * indexed, outboxed, batch by batch), the same file again (nothing changes), the next day's
 * revision (changes, withdrawals, new offers), and a search over the result. Baseline in the
 * same run: reading and mapping alone (zod + mapping, no write). Prints offers per second and
 * the process's peak memory. Timings only here, never asserted in tests.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { openDatabase } from '#db/connection.ts'
import { migrateToLatest } from '#db/migrate.ts'
import { seedReferenceData } from '#db/seed/reference.ts'
import { FIXTURE_NOW, franceTravailFixture } from '#db/import/fixtures/france-travail-generator.ts'
import { importFranceTravail } from '#db/import/france-travail/index.ts'
import { readFranceTravailOffers } from '#db/import/france-travail/read.ts'
import { loadReferential } from '#db/import/places.ts'
import { EmbeddedSearchEngine } from '#search/embedded/engine.ts'
import { offerQuery } from '#search/query-params.ts'

const COUNT = Number(process.env.BENCH_IMPORT_OFFERS ?? 10_000)
const dir = mkdtempSync(path.join(tmpdir(), 'passerelle-bench-import-'))
const file = path.join(dir, 'import.sqlite')
const { db, sqlite } = openDatabase(file)
await migrateToLatest(db)
await seedReferenceData(db)

const revision1 = franceTravailFixture(COUNT, 1)
const revision2 = franceTravailFixture(COUNT, 2)
let peakRss = process.memoryUsage().rss
const sample = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50)

async function timed<T>(run: () => Promise<T> | T): Promise<{ ms: number; result: T }> {
  const started = performance.now()
  const result = await run()
  return { ms: performance.now() - started, result }
}
const rate = (n: number, ms: number) => `${Math.round((n / ms) * 1000).toLocaleString('en')} offers/s`

const referential = await loadReferential(db)
const baseline = await timed(() => readFranceTravailOffers(revision1, referential, FIXTURE_NOW))
const first = await timed(() => importFranceTravail(db, revision1, { now: FIXTURE_NOW, complete: true }))
const again = await timed(() => importFranceTravail(db, revision1, { now: FIXTURE_NOW, complete: true }))
const nextDay = await timed(() => importFranceTravail(db, revision2, { now: FIXTURE_NOW, complete: true }))
const engine = new EmbeddedSearchEngine(sqlite)
const search = await timed(() => engine.searchOffers(offerQuery({ text: 'développeur', contracts: ['cdi'], sort: 'relevance' }), FIXTURE_NOW))
clearInterval(sample)

console.log(`France Travail import, ${COUNT.toLocaleString('en')} fixture offers (Node ${process.version})`)
console.log('| step | offers | time | throughput | report |')
console.log('|---|---|---|---|---|')
console.log(`| baseline: zod + mapping, no write | ${COUNT} | ${baseline.ms.toFixed(0)} ms | ${rate(COUNT, baseline.ms)} | ${baseline.result.offers.length} mapped, ${baseline.result.rejected.length} rejected |`)
for (const [label, step, records] of [['first import (create + index + outbox)', first, revision1.length], ['same file again (unchanged)', again, revision1.length], ['next day (update, close, create)', nextDay, revision2.length]] as const) {
  const r = step.result
  console.log(`| ${label} | ${records} | ${step.ms.toFixed(0)} ms | ${rate(records, step.ms)} | ${r.created} created, ${r.updated} updated, ${r.unchanged} unchanged, ${r.closed} closed, ${r.rejected.length} rejected |`)
}
console.log(`| first search over them (engine load included) | – | ${search.ms.toFixed(0)} ms | – | ${search.result.total} hits |`)
sqlite.pragma('wal_checkpoint(TRUNCATE)')
console.log(`Database file: ${(statSync(file).size / 1024 / 1024).toFixed(1)} MB; peak RSS: ${(peakRss / 1024 / 1024).toFixed(0)} MB`)
await db.destroy()
rmSync(dir, { recursive: true, force: true })
