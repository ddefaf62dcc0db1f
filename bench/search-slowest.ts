/**
 * npm run bench:search-slowest — the slowest queries of bench:search's mix,
 * in-process on its cached board (bench/search-board.ts), each with its wall
 * and CPU time and the engine's split by phase: which kind of query makes
 * the tail, and where its time goes. BENCH_OFFERS (100000), BENCH_QUERIES
 * (1200), BENCH_SLOWEST (30); BENCH_RESULTS=file.jsonl also writes every
 * query's answer there, to check that an optimisation changes no result
 * (diff two such files). Profile it with
 * `node --cpu-prof --import tsx bench/search-slowest.ts`.
 */
import { writeFileSync } from 'node:fs'
import { openDatabase } from '#db/connection.ts'
import { EmbeddedSearchEngine, SEARCH_PHASES } from '#search/embedded/engine.ts'
import { queryMix } from './query-mix.ts'
import { removeRunCopy, searchBoard, SEARCH_BENCH_NOW } from './search-board.ts'
import { describe, timeQueries } from './search-timing.ts'
import { summarize } from './stats.ts'

const OFFERS = Number(process.env.BENCH_OFFERS ?? 100_000)
const QUERIES = Number(process.env.BENCH_QUERIES ?? 1200)
const SLOWEST = Number(process.env.BENCH_SLOWEST ?? 30)

const { file } = await searchBoard(OFFERS, process.env.BENCH_VOCABULARY !== 'narrow')
const { db, sqlite } = openDatabase(file)
try {
  const engine = new EmbeddedSearchEngine(sqlite)
  await engine.warmUp()
  const mix = queryMix(QUERIES)
  const timed = await timeQueries(engine, mix, SEARCH_BENCH_NOW)
  const slowest = [...timed].sort((a, b) => b.cpuMs - a.cpuMs).slice(0, SLOWEST)
  const short = (phase: string) => phase.slice(0, 5)
  console.log(`\n${SLOWEST} slowest of ${timed.length} queries by CPU time, ${OFFERS.toLocaleString('en')} offers (ms)`)
  console.log(`${'cpu'.padStart(6)} ${'wall'.padStart(6)}  ${SEARCH_PHASES.map((p) => short(p).padStart(5)).join(' ')}  ${'hits'.padStart(6)}  kind      query`)
  for (const q of slowest) {
    const phases = SEARCH_PHASES.map((p) => q.phases[p].toFixed(1).padStart(5)).join(' ')
    console.log(`${q.cpuMs.toFixed(1).padStart(6)} ${q.wallMs.toFixed(1).padStart(6)}  ${phases}  ${String(q.total).padStart(6)}  ${q.kind.padEnd(9)} ${describe(q)}`)
  }
  console.log(`\nper class: CPU p50/p95/p99, wall p50/p95/p99, and the mean ms per phase`)
  for (const kind of ['all', ...new Set(timed.map((q) => q.kind))]) {
    const queries = timed.filter((q) => kind === 'all' || q.kind === kind)
    const c = summarize(queries.map((q) => q.cpuMs))
    const w = summarize(queries.map((q) => q.wallMs))
    const mean = SEARCH_PHASES.map((p) => `${short(p)} ${(queries.reduce((s, q) => s + q.phases[p], 0) / queries.length).toFixed(2)}`).join(' ')
    console.log(`  ${kind.padEnd(9)} n=${String(queries.length).padEnd(5)} CPU ${c.p50.toFixed(1)}/${c.p95.toFixed(1)}/${c.p99.toFixed(1)}  wall ${w.p50.toFixed(1)}/${w.p95.toFixed(1)}/${w.p99.toFixed(1)}   ${mean}`)
  }
  if (process.env.BENCH_RESULTS) {
    const lines: string[] = []
    for (const item of mix) {
      const r = await engine.searchOffers(item.query, SEARCH_BENCH_NOW)
      lines.push(JSON.stringify({ q: describe(item), total: r.total, page: r.page, ids: r.hits.map((h) => [h.id, h.distanceKm]), facets: r.facets, notices: r.notices, correction: r.correction ?? null, sort: r.sort }))
    }
    writeFileSync(process.env.BENCH_RESULTS, lines.join('\n') + '\n')
  }
} finally {
  await db.destroy()
  removeRunCopy(file)
}
