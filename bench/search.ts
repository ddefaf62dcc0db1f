/**
 * npm run bench:search — the embedded engine at scale, against a naive LIKE
 * scan measured in the same run on the same data and queries.
 * BENCH_OFFERS (default 100000), BENCH_QUERIES (default 1200), BENCH_BASELINE (default 200).
 * Offers carry the ROME vocabulary and its long tail (db/seed/rome-offers.ts);
 * BENCH_VOCABULARY=narrow generates the former digital-only offers. A last
 * row times typo corrections alone on vocabularies of 10k, 100k and 300k
 * words, against the former scan of every word in the same run.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { openDatabase } from '#db/connection.ts'
import { migrateToLatest } from '#db/migrate.ts'
import { seedDemo, seedReferenceData } from '#db/seed/index.ts'
import { EmbeddedSearchEngine } from '#search/embedded/engine.ts'
import { rebuildOfferIndex } from '#search/embedded/offer-index.ts'
import { correctionTimes } from './corrections.ts'
import { likeSearch } from './like-baseline.ts'
import { queryMix } from './query-mix.ts'
import { mb, ms, summarize } from './stats.ts'

const OFFERS = Number(process.env.BENCH_OFFERS ?? 100_000)
const QUERIES = Number(process.env.BENCH_QUERIES ?? 1200)
const BASELINE = Number(process.env.BENCH_BASELINE ?? 200)
const NOW = new Date('2026-11-20T10:00:00Z')

const dir = mkdtempSync(path.join(tmpdir(), 'passerelle-bench-'))
const file = path.join(dir, 'bench.sqlite')
const { db, sqlite } = openDatabase(file)
try {
  await migrateToLatest(db)
  await seedReferenceData(db)
  let start = performance.now()
  await seedDemo(db, { companies: Math.max(40, Math.round(OFFERS / 50)), offers: OFFERS, seed: 2026, now: NOW, index: false,
    wideVocabulary: process.env.BENCH_VOCABULARY !== 'narrow' })
  const seedMs = performance.now() - start

  start = performance.now()
  const { indexed } = await rebuildOfferIndex(db)
  const buildMs = performance.now() - start

  const engine = new EmbeddedSearchEngine(sqlite)
  start = performance.now()
  await engine.warmUp()
  const warmMs = performance.now() - start

  const mix = queryMix(QUERIES)
  const engineTimes: number[] = []
  const byKind = new Map<string, number[]>()
  let totalHits = 0
  const wall = performance.now()
  for (const { kind, query } of mix) {
    const t = performance.now()
    const result = await engine.searchOffers(query, NOW)
    const elapsed = performance.now() - t
    engineTimes.push(elapsed)
    byKind.set(kind, [...(byKind.get(kind) ?? []), elapsed])
    totalHits += result.total
  }
  const engineWallMs = performance.now() - wall

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
  console.log(`  seed (rows only)        ${ms(seedMs)}`)
  console.log(`  index build (FTS5)      ${ms(buildMs)} for ${indexed.toLocaleString('en')} published offers`)
  console.log(`  engine warm-up          ${ms(warmMs)} (attribute store + vocabulary)`)
  console.log(`  database size           ${mb(size)}`)
  const words = sqlite.prepare<[], { term: string; docs: number }>('select term, doc as docs from offers_fts_vocab').all()
  console.log(`  distinct indexed words  ${words.length.toLocaleString('en')}`)
  console.log(`\n  engine, ${engineStats.count} queries: p50 ${ms(engineStats.p50)}  p95 ${ms(engineStats.p95)}  p99 ${ms(engineStats.p99)}  max ${ms(engineStats.max)}`)
  console.log(`  engine, the ${issueMixStats.count} queries without live-typing prefixes: p50 ${ms(issueMixStats.p50)}  p95 ${ms(issueMixStats.p95)}  p99 ${ms(issueMixStats.p99)}`)
  console.log(`  engine throughput       ${(mix.length / (engineWallMs / 1000)).toFixed(0)} queries/s (one thread)`)
  for (const [kind, times] of byKind) {
    const s = summarize(times)
    console.log(`    ${kind.padEnd(9)} n=${String(s.count).padEnd(4)} p50 ${ms(s.p50)}  p95 ${ms(s.p95)}  p99 ${ms(s.p99)}`)
  }
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
  rmSync(dir, { recursive: true, force: true })
}
