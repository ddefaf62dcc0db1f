/**
 * npm run bench:relevance — P@10 and nDCG@10 per query class for the
 * embedded engine and a plain FTS5 bm25 table, on the same generated offers
 * (ROME job titles, db/seed/occupation-offers.ts) and the labelled queries of
 * bench/relevance-queries.ts (relevance = the offer's occupation is in the
 * query's list, and, when the query names one, the contract or remote policy
 * is that one); each offer lists one to three skills of its occupation. BENCH_OFFERS (default 2000).
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
import { LABELLED_QUERIES, type LabelledQuery, type QueryClass } from './relevance-queries.ts'

const OCCUPATION_SKILLS: Record<string, string[]> = {
  M1805: ['java', 'csharp', 'python', 'sql', 'git', 'dotnet', 'spring'], M1855: ['javascript', 'php', 'react', 'symfony', 'html-css', 'wordpress'],
  M1861: ['kotlin', 'swift', 'flutter', 'react-native', 'java'], M1801: ['linux', 'windows-server', 'aws', 'azure', 'docker'],
  M1810: ['linux', 'windows-server', 'reseaux'], M1816: ['reseaux'], M1854: ['reseaux', 'cybersecurite', 'linux'],
  M1811: ['python', 'sql', 'aws', 'machine-learning'], M1419: ['sql', 'power-bi', 'python'], M1405: ['python', 'machine-learning', 'aws'],
  M1827: ['aws', 'kubernetes', 'docker', 'ci-cd', 'linux'], M1853: ['scrum', 'git'], M1886: ['scrum', 'wordpress', 'seo'], M1864: ['scrum'],
  M1815: ['ci-cd', 'git'], M1844: ['cybersecurite', 'linux', 'reseaux'], I1404: ['support', 'windows-server'], I1401: ['support', 'reseaux'],
  E1206: ['figma', 'ux-design'], M1718: ['seo', 'google-ads', 'reseaux-sociaux'], M1860: ['aws', 'azure', 'kubernetes', 'docker'],
  M1824: ['power-bi', 'sql'],
}

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
  // Skills as recruiters list them, one to three per offer from its occupation's usual ones (their aliases
  // hold generic words: "Amazon Web Services", "Support utilisateurs", "sécurité informatique").
  const skillIds = new Map((await db.selectFrom('skills').select(['id', 'slug']).execute()).map((s) => [s.slug, s.id]))
  const skillRng = new Random(7)
  const offerRows = await db.selectFrom('offers').select(['id', 'occupation', 'contract_type', 'remote_policy']).orderBy('id').execute()
  const offerSkills = offerRows.flatMap((o) =>
    skillRng.sample(OCCUPATION_SKILLS[o.occupation ?? ''] ?? [], skillRng.int(1, 3)).map((slug, k) => ({ offer_id: o.id, skill_id: skillIds.get(slug)!, required: k === 0 ? 1 : 0 })),
  )
  for (let start = 0; start < offerSkills.length; start += 500) await db.insertInto('offer_skills').values(offerSkills.slice(start, start + 500)).execute()
  await rebuildOfferIndex(db)
  const occupationOf = new Map(offerRows.map((o) => [o.id, o.occupation]))
  const offerById = new Map(offerRows.map((o) => [o.id, o]))

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
  const score = (ids: number[], query: LabelledQuery): Scores => {
    const relevant = new Set(query.relevant)
    const isRelevant = (id: number) => {
      const offer = offerById.get(id)!
      return relevant.has(offer.occupation ?? '') && (!query.contracts || query.contracts.includes(offer.contract_type)) &&
        (!query.remote || query.remote.includes(offer.remote_policy))
    }
    const gains = ids.slice(0, K).map((id) => (isRelevant(id) ? 1 : 0))
    const totalRelevant = offerRows.filter((o) => isRelevant(o.id)).length
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
    const e = score(await engineIds(query.text), query)
    const b = score(baseline(query.text), query)
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
  if (process.env.BENCH_PEEK) {
    for (const text of process.env.BENCH_PEEK.split(',')) {
      const result = await engine.searchOffers(offerQuery({ text, sort: 'relevance', perPage: K }), NOW)
      console.log(`\n${text}: ${result.total} ${result.notices.join(' ')}`)
      for (const hit of result.hits) console.log(`  ${offerById.get(hit.id)!.occupation} ${hit.contractType} ${hit.title} [${hit.skills.join(',')}]`)
    }
  }
} finally {
  sqlite.close()
  rmSync(dir, { recursive: true, force: true })
}
