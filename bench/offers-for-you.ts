/**
 * npm run bench:offers-for-you — "Offres pour vous" on the 100k board that
 * bench:pages builds (run it first; BENCH_BOARD picks another file): for
 * BENCH_CANDIDATES sampled candidates (40, seeded), the top 10 of the engine's
 * shortlist from its in-memory store (search/embedded/offer-shortlist.ts, the
 * best 100 estimates scored) and of the former FTS5 shortlist (every text
 * match ranked by bm25, then 100 scored), each against the uncapped ranking:
 * the scorer run over every offer passing the same hard filters (open, a
 * skill in common, within reach), and against the scorer over every open
 * offer. Prints recall (share of the reference top 10 found, ties at the
 * 10th score counted), how many top 10 are identical (same scores), and the
 * time per call of each.
 */
import { readdirSync } from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { Random } from '#db/seed/random.ts'
import { EmbeddedSearchEngine } from '#search/embedded/engine.ts'
import { MatchFacts } from '#search/embedded/match-facts.ts'
import { MatchRetriever } from '#search/embedded/matching.ts'
import { scoreMatch, type MatchProfile } from '#search/matching/score.ts'
import { shortlistOffers } from '#search/embedded/offer-shortlist.ts'
import { OfferStore } from '#search/embedded/offer-store.ts'
import { summarize } from './stats.ts'

const TMP = path.resolve('bench/tmp')
const board = process.env.BENCH_BOARD ?? path.join(TMP, readdirSync(TMP).filter((f) => /^pages-seed42-100000-.*\.sqlite$/.test(f))[0] ?? 'missing')
const CANDIDATES = Number(process.env.BENCH_CANDIDATES ?? 40)
const LIMIT = 10
const sqlite = new Database(board, { readonly: true })
const now = new Date()

const engine = new EmbeddedSearchEngine(sqlite)
await engine.warmUp()
const former = new MatchRetriever(sqlite)
const facts = new MatchFacts(sqlite)
const open = sqlite.prepare<[string], number>("select id from offers where status = 'published' and (expires_at is null or expires_at > ?)").pluck().all(now.toISOString())
const offers = facts.offersById(open)
const users = sqlite.prepare<[], number>('select user_id from candidate_skills group by user_id order by user_id').pluck().all()
const random = new Random(7)
const sample = Array.from({ length: CANDIDATES }, () => random.pick(users))

const store = new OfferStore(sqlite)
store.refresh()
const top10 = (profile: MatchProfile, ids: number[]) => ids.map((offerId) => ({ offerId, score: scoreMatch(profile, offers.get(offerId)!, { now }).score }))
  .sort((a, b) => b.score - a.score || a.offerId - b.offerId).slice(0, LIMIT)
const REFERENCE = process.env.BENCH_REFERENCE === 'all' ? 'every open offer' : 'uncapped, same hard filters'
const ideal = (userId: number) => {
  const profile = facts.profilesById([userId]).get(userId)!
  return top10(profile, REFERENCE === 'every open offer' ? open : shortlistOffers(store, profile, Infinity, now).filter((id) => offers.has(id)))
}
const results = { store: { found: 0, identical: 0, ms: [] as number[] }, fts: { found: 0, identical: 0, ms: [] as number[] } }
let wanted = 0
for (const userId of sample) {
  const best = ideal(userId)
  // Ties at the 10th place: any offer scoring at least the ideal 10th counts as found.
  const bar = best.at(-1)?.score ?? 0
  wanted += best.length
  for (const [name, run] of [
    ['store', () => engine.offersForCandidate(userId, { limit: LIMIT, now })],
    ['fts', async () => former.offersForCandidate(userId, { limit: LIMIT, now })],
  ] as const) {
    const started = performance.now()
    const top = await run()
    results[name].ms.push(performance.now() - started)
    results[name].found += Math.min(best.length, top.filter((m) => m.score >= bar).length)
    if (JSON.stringify(top.map((m) => m.score)) === JSON.stringify(best.map((b) => b.score))) results[name].identical++
  }
}
console.log(`"Offres pour vous" on ${path.basename(board)}: ${open.length.toLocaleString('en')} open offers, ${CANDIDATES} candidates, top ${LIMIT}, reference: ${REFERENCE} (BENCH_REFERENCE=all for every open offer)`)
console.log('| shortlist | recall of the ideal top 10 | top 10 identical (scores) | p50 / p95 ms per call |')
console.log('|---|---|---|---|')
for (const [name, r] of Object.entries(results)) {
  const s = summarize(r.ms)
  console.log(`| ${name === 'store' ? 'in-memory store (now)' : 'FTS5 bm25, 100 scored (before)'} | ${((100 * r.found) / wanted).toFixed(1)} % | ${r.identical} / ${CANDIDATES} | ${s.p50.toFixed(1)} / ${s.p95.toFixed(1)} |`)
}
