/**
 * npm run bench:engine-start — how long the embedded engine takes to load its
 * memory, from the database and from its snapshot (search/embedded/snapshot.ts),
 * on the boards bench:pages builds (run it first: bench/tmp/pages-seed42-*.sqlite).
 * Each board is copied; on the copy, BENCH_WRITES offers (200) are edited after
 * the snapshot, so the start from the snapshot replays them. Prints the time of
 * each start, the snapshot's size and write time, and whether both engines
 * answer alike.
 */
import { copyFileSync, readdirSync, rmSync, statSync } from 'node:fs'
import path from 'node:path'
import { openDatabase } from '#db/connection.ts'
import { EmbeddedSearchEngine } from '#search/embedded/engine.ts'
import { indexOffer } from '#search/embedded/offer-index.ts'
import { snapshotPathOf } from '#search/embedded/snapshot.ts'
import { offerQuery } from '#search/query-params.ts'

const TMP = path.resolve('bench/tmp')
const WRITES = Number(process.env.BENCH_WRITES ?? 200)
const boards = readdirSync(TMP).filter((f) => /^pages-seed42-\d+-.*\.sqlite$/.test(f))
  .sort((a, b) => Number(a.split('-')[2]) - Number(b.split('-')[2]))
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`

console.log('| offers | start from the database | snapshot: write, size | start from the snapshot (+ replay) | same answers |')
console.log('|---|---|---|---|---|')
for (const board of boards) {
  const file = path.join(TMP, 'engine-start.sqlite')
  for (const suffix of ['', '-wal', '-shm', '.engine']) rmSync(file + suffix, { force: true })
  copyFileSync(path.join(TMP, board), file)
  const { db, sqlite } = openDatabase(file)
  const snapshotFile = snapshotPathOf(file)!

  let started = performance.now()
  const full = new EmbeddedSearchEngine(sqlite, { snapshotFile })
  await full.warmUp()
  const fullMs = performance.now() - started
  started = performance.now()
  full.saveSnapshot()
  const writeMs = performance.now() - started

  const ids = (await db.selectFrom('offers').select('id').where('status', '=', 'published').orderBy('id', 'desc').limit(WRITES).execute()).map((o) => o.id)
  await db.transaction().execute(async (trx) => {
    for (const [k, id] of ids.entries()) {
      if (k % 4 === 0) await trx.updateTable('offers').set({ status: 'closed' }).where('id', '=', id).execute()
      else await trx.updateTable('offers').set({ title: `Développeuse Zythonique ${k}` }).where('id', '=', id).execute()
      await indexOffer(trx, id)
    }
  })

  started = performance.now()
  const fromSnapshot = new EmbeddedSearchEngine(sqlite, { snapshotFile })
  await fromSnapshot.warmUp()
  const snapshotMs = performance.now() - started

  const fresh = new EmbeddedSearchEngine(sqlite)
  await fresh.warmUp()
  const queries = [{}, { text: 'developpeur' }, { text: 'zytonique' }, { sort: 'salary' as const }, { near: { insee: '62193', radiusKm: 30 } }]
  let same = true
  for (const q of queries) {
    const query = offerQuery({ sort: 'text' in q ? 'relevance' : 'date', ...q })
    same &&= JSON.stringify(await fromSnapshot.searchOffers(query)) === JSON.stringify(await fresh.searchOffers(query))
  }
  const offers = board.split('-')[2]
  console.log(`| ${Number(offers).toLocaleString('en')} | ${seconds(fullMs)} | ${seconds(writeMs)}, ${(statSync(snapshotFile).size / 2 ** 20).toFixed(0)} MB | ${seconds(snapshotMs)} (${fromSnapshot.warmedFrom?.source}, ${WRITES} writes replayed) | ${same ? 'yes' : 'NO'} |`)
  await db.destroy()
  for (const suffix of ['', '-wal', '-shm', '.engine']) rmSync(file + suffix, { force: true })
}
