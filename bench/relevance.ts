/**
 * npm run bench:relevance — P@10 and nDCG@10 per query class for the
 * embedded engine and a plain FTS5 bm25 table, on the same generated offers
 * (ROME job titles, db/seed/occupation-offers.ts) and the labelled queries of
 * bench/relevance-queries.ts (relevance = the offer's occupation is in the
 * query's list). BENCH_OFFERS (default 2000).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { openDatabase } from '#db/connection.ts'
import { migrateToLatest } from '#db/migrate.ts'
import { DEFAULT_REGION_SLUG, regionDefinition } from '#db/reference/regions.ts'
import { createTestCompany, seedReferenceData } from '#db/seed/index.ts'
import { Random } from '#db/seed/random.ts'
import { generateRomeOffers } from '#db/seed/occupation-offers.ts'
import { EmbeddedSearchEngine } from '#search/embedded/engine.ts'
import { rebuildOfferIndex } from '#search/embedded/offer-index.ts'
import { offerQuery } from '#search/query-params.ts'
import { tokenize } from '#search/text.ts'
import { LABELLED_QUERIES, type QueryClass } from './relevance-queries.ts'

const OFFERS = Number(process.env.BENCH_OFFERS ?? 2000)
const NOW = new Date('2026-11-20T10:00:00Z')
const K = 10

const dir = mkdtempSync(path.join(tmpdir(), 'passerelle-relevance-'))
const { db, sqlite } = openDatabase(path.join(dir, 'relevance.sqlite'))
try {
  await migrateToLatest(db)
  await seedReferenceData(db)
  const companies = await Promise.all(Array.from({ length: 20 }, (_, i) => createTestCompany(db, { name: `Entreprise ${i + 1}`, slug: `entreprise-${i + 1}` })))
  const generated = generateRomeOffers(new Random(2026), OFFERS, regionDefinition(DEFAULT_REGION_SLUG).demo.communes, NOW)
  const rows = generated.map((o, i) => ({ ...o, company_id: companies[i % companies.length]!.id, slug: `offre-${i + 1}` }))
  for (let start = 0; start < rows.length; start += 500) await db.insertInto('offers').values(rows.slice(start, start + 500)).execute()
  await rebuildOfferIndex(db)
  const occupationOf = new Map((await db.selectFrom('offers').select(['id', 'occupation']).execute()).map((o) => [o.id, o.occupation]))

  // The baseline: the same titles and descriptions in a plain FTS5 table, every word required, ranked by bm25.
  sqlite.exec(`create virtual table baseline_fts using fts5(title, description, tokenize = 'unicode61 remove_diacritics 2')`)
  sqlite.exec(`insert into baseline_fts(rowid, title, description) select id, title, description_md from offers`)
  const baselineQuery = sqlite.prepare<[string], { rowid: number }>(
    `select rowid from baseline_fts where baseline_fts match ? order by bm25(baseline_fts) limit ${K}`,
  )
  const baseline = (text: string) => {
    const tokens = tokenize(text)
    return tokens.length ? baselineQuery.all(tokens.map((t) => `"${t}"`).join(' ')).map((r) => r.rowid) : []
  }
  const engine = new EmbeddedSearchEngine(sqlite)
  const engineIds = async (text: string) =>
    (await engine.searchOffers(offerQuery({ text, sort: 'relevance', perPage: K }), NOW)).hits.map((h) => h.id)

  type Scores = { p: number; ndcg: number }
  const score = (ids: number[], relevant: Set<string>): Scores => {
    const gains = ids.slice(0, K).map((id) => (relevant.has(occupationOf.get(id) ?? '') ? 1 : 0))
    const totalRelevant = [...occupationOf.values()].filter((o) => relevant.has(o ?? '')).length
    const dcg = gains.reduce<number>((sum, g, i) => sum + g / Math.log2(i + 2), 0)
    const ideal = Array.from({ length: Math.min(K, totalRelevant) }, (_, i) => 1 / Math.log2(i + 2)).reduce((a, b) => a + b, 0)
    return { p: gains.reduce<number>((a, b) => a + b, 0) / K, ndcg: ideal ? dcg / ideal : 0 }
  }

  const perClass = new Map<QueryClass | 'all', { engine: Scores[]; baseline: Scores[] }>()
  const add = (kind: QueryClass | 'all', e: Scores, b: Scores) => {
    const entry = perClass.get(kind) ?? { engine: [], baseline: [] }
    entry.engine.push(e)
    entry.baseline.push(b)
    perClass.set(kind, entry)
  }
  const lines: string[] = []
  for (const query of LABELLED_QUERIES) {
    const relevant = new Set(query.relevant)
    const e = score(await engineIds(query.text), relevant)
    const b = score(baseline(query.text), relevant)
    add(query.kind, e, b)
    add('all', e, b)
    lines.push(`  ${query.kind.padEnd(10)} ${query.text.padEnd(36)} engine P@10 ${e.p.toFixed(2)} nDCG ${e.ndcg.toFixed(2)}   bm25 P@10 ${b.p.toFixed(2)} nDCG ${b.ndcg.toFixed(2)}`)
  }
  const mean = (list: Scores[], key: keyof Scores) => list.reduce((a, s) => a + s[key], 0) / list.length
  console.log(`bench:relevance — ${OFFERS} generated offers (ROME job titles), ${LABELLED_QUERIES.length} labelled queries\n`)
  console.log('| class | queries | engine P@10 | engine nDCG@10 | bm25 P@10 | bm25 nDCG@10 |')
  console.log('|---|---|---|---|---|---|')
  for (const [kind, { engine: e, baseline: b }] of [...perClass].sort(([a], [b]) => (a === 'all' ? 1 : b === 'all' ? -1 : 0))) {
    console.log(`| ${kind} | ${e.length} | ${mean(e, 'p').toFixed(2)} | ${mean(e, 'ndcg').toFixed(2)} | ${mean(b, 'p').toFixed(2)} | ${mean(b, 'ndcg').toFixed(2)} |`)
  }
  if (process.env.BENCH_VERBOSE) console.log(`\n${lines.join('\n')}`)
} finally {
  sqlite.close()
  rmSync(dir, { recursive: true, force: true })
}
