/**
 * npm run bench:search — the embedded engine at scale, against a naive LIKE
 * scan measured in the same run on the same data and queries.
 * BENCH_OFFERS (default 100000), BENCH_QUERIES (default 1200), BENCH_BASELINE (default 200).
 * Offers carry the ROME vocabulary and its long tail (db/seed/rome-offers.ts);
 * BENCH_VOCABULARY=narrow generates the former digital-only offers. A last
 * row times typo corrections alone on vocabularies of 10k, 100k and 300k
 * words, against the former scan of every word in the same run.
 * The board is built once and cached in bench/tmp/ (bench/search-board.ts):
 * a rerun starts at the engine's warm-up. Every query is timed by the wall
 * clock and by the CPU it took (what a loaded machine inflates least), per
 * query class; bench:search-slowest shows where the slowest ones spend it.
 */
import { statSync } from 'node:fs'
import { openDatabase } from '#db/connection.ts'
import { EmbeddedSearchEngine } from '#search/embedded/engine.ts'
import { correctionTimes } from './corrections.ts'
import { likeSearch } from './like-baseline.ts'
import { queryMix } from './query-mix.ts'
import { removeRunCopy, searchBoard, SEARCH_BENCH_NOW as NOW } from './search-board.ts'
import { timeQueries } from './search-timing.ts'
import { mb, ms, summarize } from './stats.ts'

const OFFERS = Number(process.env.BENCH_OFFERS ?? 100_000)
const QUERIES = Number(process.env.BENCH_QUERIES ?? 1200)
const BASELINE = Number(process.env.BENCH_BASELINE ?? 200)

const { file, built } = await searchBoard(OFFERS, process.env.BENCH_VOCABULARY !== 'narrow')
const { db, sqlite } = openDatabase(file)
try {
  const engine = new EmbeddedSearchEngine(sqlite)
  const start = performance.now()
  await engine.warmUp()
  const warmMs = performance.now() - start

  const mix = queryMix(QUERIES)
  const cpuAtStart = process.cpuUsage()
  const wall = performance.now()
  const timed = await timeQueries(engine, mix, NOW)
  const engineWallMs = performance.now() - wall
  const engineCpu = process.cpuUsage(cpuAtStart)
  const engineTimes = timed.map((q) => q.wallMs)
  const totalHits = timed.reduce((s, q) => s + q.total, 0)
  const kinds = [...new Set(mix.map((q) => q.kind))]

  // The baseline takes seconds per query at 100k offers: a fixed sample of the
  // same mix (every k-th query, so every kind is represented), and the engine's
  // times on exactly those queries for the ratio.
  const step = Math.max(1, Math.floor(mix.length / BASELINE))
  const sample = mix.filter((_, i) => i % step === 0).slice(0, BASELINE)
  const likeTimes: number[] = []
  for (const { query } of sample) {
    const t = performance.now()
    likeSearch(sqlite, query, NOW)
    likeTimes.push(performance.now() - t)
  }
  const engineOnSample = mix.flatMap((_, i) => (i % step === 0 ? [engineTimes[i]!] : [])).slice(0, BASELINE)

  sqlite.pragma('wal_checkpoint(TRUNCATE)')
  const size = statSync(file).size
  const engineStats = summarize(engineTimes)
  // The issue's mix is keywords, typos, filters, geo and empty; short prefixes are ours, on top.
  const issueMixStats = summarize(engineTimes.filter((_, i) => mix[i]!.kind !== 'prefix'))
  const sampleStats = summarize(engineOnSample)
  const likeStats = summarize(likeTimes)

  console.log(`\nPasserelle — search benchmark (${new Date().toISOString()}, Node ${process.version}, ${OFFERS.toLocaleString('en')} offers)`)
  if (built) {
    console.log(`  seed (rows only)        ${ms(built.seedMs)}`)
    console.log(`  index build (FTS5)      ${ms(built.buildMs)} for ${built.indexed.toLocaleString('en')} published offers`)
  } else console.log(`  board                   cached in bench/tmp/ (delete it to time the seed and index build again)`)
  console.log(`  engine warm-up          ${ms(warmMs)} (attribute store + vocabulary)`)
  console.log(`  database size           ${mb(size)}`)
  const words = sqlite.prepare<[], { term: string; docs: number }>('select term, doc as docs from offers_fts_vocab').all()
  console.log(`  distinct indexed words  ${words.length.toLocaleString('en')}`)
  console.log(`\n  engine, ${engineStats.count} queries: p50 ${ms(engineStats.p50)}  p95 ${ms(engineStats.p95)}  p99 ${ms(engineStats.p99)}  max ${ms(engineStats.max)}`)
  console.log(`  engine, the ${issueMixStats.count} queries without live-typing prefixes: p50 ${ms(issueMixStats.p50)}  p95 ${ms(issueMixStats.p95)}  p99 ${ms(issueMixStats.p99)}`)
  console.log(`  engine throughput       ${(mix.length / (engineWallMs / 1000)).toFixed(0)} queries/s (one thread; ${((engineCpu.user + engineCpu.system) / 1000 / mix.length).toFixed(2)} ms CPU per query)`)
  const row = (label: string, queries: typeof timed) => {
    const w = summarize(queries.map((q) => q.wallMs))
    const c = summarize(queries.map((q) => q.cpuMs))
    console.log(`    ${label.padEnd(9)} n=${String(w.count).padEnd(5)} wall p50 ${ms(w.p50)}  p95 ${ms(w.p95)}  p99 ${ms(w.p99)}   CPU p50 ${ms(c.p50)}  p95 ${ms(c.p95)}  p99 ${ms(c.p99)}`)
  }
  console.log(`  per query class (CPU: the process's user + system time during the query, which load inflates least):`)
  row('all', timed)
  for (const kind of kinds) row(kind, timed.filter((q) => q.kind === kind))
  console.log(`\n  same ${likeStats.count}-query sample:`)
  console.log(`    engine      p50 ${ms(sampleStats.p50)}  p95 ${ms(sampleStats.p95)}  p99 ${ms(sampleStats.p99)}`)
  console.log(`    LIKE scan   p50 ${ms(likeStats.p50)}  p95 ${ms(likeStats.p95)}  p99 ${ms(likeStats.p99)}`)
  console.log(`    ratio at p95: the engine is ${(likeStats.p95 / sampleStats.p95).toFixed(1)}× faster (p50: ${(likeStats.p50 / sampleStats.p50).toFixed(1)}×)`)
  console.log(`\n  typo corrections alone (100 typed words with typos; deletion dictionary vs the former scan of every word):`)
  for (const row of correctionTimes(words, [10_000, 100_000, 300_000])) {
    console.log(`    ${row.words.toLocaleString('en').padStart(7)} words  index p50 ${ms(row.index.p50)}  p95 ${ms(row.index.p95)}  p99 ${ms(row.index.p99)}   scan p50 ${ms(row.scan.p50)}  p95 ${ms(row.scan.p95)}   (index built in ${ms(row.buildMs)})`)
  }
  console.log(`\n  peak RSS                ${mb(process.resourceUsage().maxRSS * 1024)}`)
  console.log(`  (matched ${totalHits.toLocaleString('en')} offers in total over the mix)`)
} finally {
  await db.destroy()
  removeRunCopy(file)
}
