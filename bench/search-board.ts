/**
 * The search benchmark's board: BENCH_OFFERS offers of the deterministic
 * generator (seed 2026, dated around a fixed day), indexed. Built once and
 * kept in bench/tmp/ by seed, size, vocabulary and day (about 70 s at 100k);
 * every run works on a copy, so the cached file is never written.
 */
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs'
import path from 'node:path'
import { seedDemo } from '#db/seed/index.ts'
import { rebuildOfferIndex } from '#search/embedded/offer-index.ts'
import { BENCH_TMP, cachedBoard } from './cached-board.ts'

export const SEARCH_BENCH_NOW = new Date('2026-11-20T10:00:00Z')
const SEED = 2026
const TMP = BENCH_TMP

export type SearchBoard = { file: string; built: { seedMs: number; buildMs: number; indexed: number } | null }

/** A fresh copy of the cached board (built first when missing); `built` says the build's times when it happened now. */
export async function searchBoard(offers: number, wideVocabulary: boolean): Promise<SearchBoard> {
  mkdirSync(TMP, { recursive: true })
  const day = SEARCH_BENCH_NOW.toISOString().slice(0, 10)
  // v2: the index merged into one segment after the build (offer-index.ts).
  const name = `search-v2-seed${SEED}-${offers}-${wideVocabulary ? 'rome' : 'narrow'}-${day}`
  const cached = path.join(TMP, `${name}.sqlite`)
  let built: SearchBoard['built'] = null
  // BENCH_BOARD=file: that board instead (one built by an older version, to compare two versions of the engine on it).
  const source = process.env.BENCH_BOARD ?? cached
  if (!process.env.BENCH_BOARD && !existsSync(cached)) built = await build(name, offers, wideVocabulary)
  const file = path.join(TMP, `search-run-${process.pid}.sqlite`)
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true })
  copyFileSync(source, file)
  return { file, built }
}

export function removeRunCopy(file: string) {
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true })
}

async function build(name: string, offers: number, wideVocabulary: boolean): Promise<NonNullable<SearchBoard['built']>> {
  // Boards of this size and vocabulary built another day or by an older version of the build.
  const stale = (old: string) => old.startsWith('search-') && old.includes(`-seed${SEED}-${offers}-${wideVocabulary ? 'rome' : 'narrow'}-`)
  let seedMs = 0
  let buildMs = 0
  let indexed = 0
  await cachedBoard(name, stale, async (db) => {
    let start = performance.now()
    await seedDemo(db, { companies: Math.max(40, Math.round(offers / 50)), offers, seed: SEED, now: SEARCH_BENCH_NOW, index: false, wideVocabulary })
    seedMs = performance.now() - start
    start = performance.now()
    indexed = (await rebuildOfferIndex(db)).indexed
    buildMs = performance.now() - start
  })
  return { seedMs, buildMs, indexed }
}
