/**
 * npm run bench:offer-marks — what a signed-in candidate's marks (saved, applied) add to a search page.
 * Builds a board with the deterministic generator (BENCH_OFFERS offers, default 10,000; seed 42), gives
 * every candidate saved offers (BENCH_SAVED each, default 50; the demo candidate 1,000), then times, on
 * the same pages of results: the search itself (the baseline every visitor pays) and `offerMarks` for the
 * page's 20 offers (the one statement only a signed-in candidate pays). Anonymous visitors pay nothing:
 * the loader never asks without a session cookie.
 */
import { offerMarks } from '#db/queries/saved-offers.ts'
import { Random } from '#db/seed/random.ts'
import { seedScale } from '#db/seed/scale.ts'
import { createTestDatabase } from '#db/test-database.ts'
import { EmbeddedSearchEngine } from '#search/embedded/engine.ts'
import { parseOfferQuery } from '#search/query-params.ts'
import { ms, summarize } from './stats.ts'

const OFFERS = Number(process.env.BENCH_OFFERS ?? 10_000)
const SAVED = Number(process.env.BENCH_SAVED ?? 50)
const RUNS = Number(process.env.BENCH_RUNS ?? 2_000)
const now = new Date()
const test = await createTestDatabase()
const built = performance.now()
await seedScale(test.db, { companies: Math.max(50, OFFERS / 33), offers: OFFERS, candidates: OFFERS / 5, applications: OFFERS * 0.8,
  recruiterOffers: 200, applicantsOfOneOffer: 500, forumCandidates: 300 }, { now })
const offers = test.sqlite.prepare<[], number>("select id from offers where status = 'published'").pluck().all()
const candidates = test.sqlite.prepare<[], number>("select id from users where role = 'candidate'").pluck().all()
const demo = test.sqlite.prepare<[], number>("select id from users where email = 'candidate@demo.passerelle.fr'").pluck().get()!
const random = new Random(7)
const insert = test.sqlite.prepare('insert or ignore into saved_offers (user_id, offer_id, created_at) values (?, ?, ?)')
test.sqlite.transaction(() => {
  for (const user of candidates) {
    for (let k = 0; k < (user === demo ? 1_000 : SAVED); k++) insert.run(user, random.pick(offers), now.toISOString())
  }
})()
const savedRows = test.sqlite.prepare<[], number>('select count(*) from saved_offers').pluck().get()!
console.log(`Board: ${offers.length} published offers, ${candidates.length} candidates, ${savedRows} saved offers (built in ${((performance.now() - built) / 1000).toFixed(1)} s)`)

const engine = new EmbeddedSearchEngine(test.sqlite)
await engine.warmUp()
const queries = ['', 'q=developpeur', 'contrat=cdi', 'q=java&page=3', 'commune=62193&rayon=30'].map((q) => parseOfferQuery(new URLSearchParams(q)).query)
const pages = await Promise.all(queries.map(async (q) => (await engine.searchOffers(q)).hits.map((h) => h.id)))

const search: number[] = []
const marks: number[] = []
for (let run = 0; run < RUNS; run++) {
  const k = run % queries.length
  let start = performance.now()
  await engine.searchOffers({ ...queries[k]!, page: 1 + (run % 3) })
  search.push(performance.now() - start)
  start = performance.now()
  await offerMarks(test.db, run % 2 ? demo : random.pick(candidates), pages[k]!)
  marks.push(performance.now() - start)
}
const line = (name: string, s: ReturnType<typeof summarize>) => `| ${name} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} |`
console.log('| per search page | p50 | p95 | p99 |\n|---|---|---|---|')
console.log(line('search (baseline: every visitor)', summarize(search)))
console.log(line('offerMarks, 20 offers (signed-in candidate only)', summarize(marks)))
await test.destroy()
