import { spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createTestDatabase } from '#db/test-database.ts'
import { franceTravailFixture } from '../fixtures/france-travail-generator.ts'
import { IMPORT_BATCH } from '../offers.ts'
import { importFranceTravail } from './index.ts'

// A real `npm run import:france-travail` process, killed with SIGKILL after its first batch committed.
const COUNT = 1600
let test: Awaited<ReturnType<typeof createTestDatabase>>
let file: string
const now = new Date()

beforeAll(async () => {
  test = await createTestDatabase()
  file = path.join(path.dirname(test.file), 'offres.json')
  writeFileSync(file, JSON.stringify({ resultats: franceTravailFixture(COUNT, 1, now) }))
})
afterAll(async () => {
  await test.destroy()
})

function importUntilFirstBatchThenKill(): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'db/import/run-france-travail.ts', file], {
      env: { ...process.env, DATABASE_PATH: test.file },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => {
      output += chunk
      if (output.includes('lot enregistré')) child.kill('SIGKILL')
    })
    child.on('error', reject)
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve(output) : reject(new Error(`not killed: ${output}`))))
  })
}

it('a reimport after the importer was killed mid-import leaves no half-written offer', { timeout: 120_000 }, async () => {
  const output = await importUntilFirstBatchThenKill()
  expect(output).not.toContain('Import france-travail :') // killed before its report
  const written = test.sqlite.prepare("select count(*) from offers where source = 'france-travail'").pluck().get() as number
  // Whole batches only, and the kill came before the end.
  expect(written).toBeGreaterThan(0)
  expect(written % IMPORT_BATCH).toBe(0)
  expect(written).toBeLessThan(COUNT - 200)
  // Every offer written has its index row and its outbox event (same transaction).
  const unindexed = test.sqlite
    .prepare(`select count(*) from offers o where o.source = 'france-travail'
      and (not exists (select 1 from offers_fts f where f.rowid = o.id)
        or not exists (select 1 from search_outbox e where e.doc_type = 'offer' and e.doc_id = o.id))`)
    .pluck()
    .get()
  expect(unindexed).toBe(0)

  const report = await importFranceTravail(test.db, franceTravailFixture(COUNT, 1, now), { now, complete: true })
  // What was written before the kill is whole: the same import finds it unchanged, not to be repaired.
  expect(report.unchanged).toBe(written)
  expect(report.updated).toBe(0)
  expect(report.created + report.unchanged + report.rejected.length).toBe(COUNT)
  const total = test.sqlite.prepare("select count(*) from offers where source = 'france-travail' and status = 'published'").pluck().get()
  expect(total).toBe(report.created + report.unchanged)
})
