import type SQLite from 'better-sqlite3'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createFileStore } from '#db/files.ts'
import { franceTravailFixture } from '#db/import/fixtures/france-travail-generator.ts'
import { importFranceTravail } from '#db/import/france-travail/index.ts'
import { runMaintenance } from '#db/maintenance.ts'
import { seedScale } from '#db/seed/scale.ts'
import { createTestDatabase } from '#db/test-database.ts'
import { EmbeddedSearchEngine } from '#search/embedded/engine.ts'
import { sessionCookieFor } from '../utils/test-session.server.ts'

/**
 * Query discipline: every SQL statement the pages run, read on a board of
 * 10,000 offers (the deterministic seed), must find its rows through an
 * index. A full scan of a big table (offers, applications, candidate
 * profiles, users, the search outbox) fails the test unless the statement is
 * listed below with the reason it may scan. Plans are read with EXPLAIN
 * QUERY PLAN on the statement as it was run, with its parameters.
 */
const BIG_TABLES = ['offers', 'applications', 'candidate_profiles', 'users', 'search_outbox', 'saved_offers']

/** Columns of a few values (an enum): an index search on one of them alone still reads a large share of the table. */
const FEW_VALUES = new Set(['status', 'visibility', 'role', 'contract_type', 'remote_policy', 'experience_level', 'stage', 'kind'])

/** Statements allowed to scan a big table, each with its reason (matched on the SQL text). */
const MAY_SCAN: { sql: RegExp; reason: string }[] = [
  { sql: /^\s*with skill_text as[\s\S]*from offers o[\s\S]*order by o\.id\s*$/, reason: 'the search engine loads every published offer once at start' },
  { sql: /from offers_fts_vocab/, reason: 'the typo vocabulary is read once at start (the FTS index, not the offers table)' },
]

type Recorded = { sql: string; params: unknown[] }
let test: Awaited<ReturnType<typeof createTestDatabase>>
const recorded = new Map<string, Recorded>()
const NOW = new Date()

/** Records each statement prepared on the handle with the parameters of its first run. */
function recordStatements(sqlite: SQLite.Database) {
  const prepare = sqlite.prepare.bind(sqlite)
  sqlite.prepare = ((source: string) => {
    const statement = prepare(source)
    for (const method of ['all', 'get', 'run', 'iterate'] as const) {
      const original = (statement[method] as (...args: unknown[]) => unknown).bind(statement)
      ;(statement as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
        if (!recorded.has(source) && !source.trimStart().toLowerCase().startsWith('explain')) recorded.set(source, { sql: source, params: args })
        return original(...args)
      }
    }
    return statement
  }) as typeof sqlite.prepare
}

beforeAll(async () => {
  test = await createTestDatabase()
  await seedScale(test.db, { companies: 300, offers: 10_000, candidates: 2000, applications: 8000, recruiterOffers: 200,
    applicantsOfOneOffer: 500, forumCandidates: 300 }, { now: NOW })
}, 120_000)
afterAll(() => test.destroy())

async function demoUser(email: string) {
  const user = await test.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()
  return sessionCookieFor(test.db, user.id)
}

it('reads every big table through an index on the pages of a 10,000-offer board', async () => {
  const db = test.db
  const [candidate, recruiter, organiser, admin] = (await Promise.all(
    ['candidate', 'recruteur', 'organisation', 'admin'].map((who) => demoUser(`${who}@demo.passerelle.fr`)))) as [string, string, string, string]
  const offer = await db.selectFrom('offers').select(['id', 'slug']).where('status', '=', 'published').orderBy('id', 'desc').executeTakeFirstOrThrow()
  const company = await db.selectFrom('companies').select(['id', 'slug']).orderBy('id').executeTakeFirstOrThrow()
  const own = await db.selectFrom('applications as a').innerJoin('offers as o', 'o.id', 'a.offer_id').select(['a.offer_id', 'a.id'])
    .where('o.company_id', '=', company.id).groupBy('a.offer_id').orderBy((eb) => eb.fn.countAll(), 'desc').executeTakeFirstOrThrow()
  const forum = await db.selectFrom('forums').select('slug').orderBy('id').executeTakeFirstOrThrow()

  // From here on, every statement is the pages' own (the engine prepares its statements when created).
  recordStatements(test.sqlite)
  // An import's statements, and an imported offer's page (decision 012).
  await importFranceTravail(db, franceTravailFixture(60, 1, NOW), { now: NOW, complete: true })
  const imported = await db.selectFrom('offers').select('slug').where('source', '=', 'france-travail').where('source_id', '=', '1000001').executeTakeFirstOrThrow()
  const search = new EmbeddedSearchEngine(test.sqlite)
  await search.warmUp()
  const context = { db, search, nonce: 'n', clientIp: '127.0.0.1', publicUrl: 'http://localhost', files: createFileStore(test.file + '-uploads'),
    mailer: { send: async () => {} } }

  const pages: [string, string, Record<string, string>, string | null][] = [
    ['home', '/', {}, null],
    ['offers', '/offres', {}, null],
    ['offers', '/offres?q=developpeur', {}, null],
    ['offers', '/offres?q=devlopeur%20javscript', {}, null],
    ['offers', '/offres?contrat=cdi&teletravail=hybrid&experience=junior', {}, null],
    ['offers', '/offres?commune=62193&rayon=30&tri=distance', {}, null],
    ['offers', '/offres?page=20', {}, null],
    ['offer', `/offres/${offer.slug}`, { slug: offer.slug }, null],
    ['offer', `/offres/${imported.slug}`, { slug: imported.slug }, null],
    ['company', `/entreprises/${company.slug}`, { slug: company.slug }, null],
    ['forums', '/forums', {}, null],
    ['forum', `/forums/${forum.slug}`, { slug: forum.slug }, candidate],
    ['candidate-matches', '/candidat/offres-pour-vous', {}, candidate],
    // A signed-in candidate's results and offer page carry their marks (saved, applied): one statement per page.
    ['offers', '/offres?q=developpeur&tri=date', {}, candidate],
    ['offer', `/offres/${offer.slug}`, { slug: offer.slug }, candidate],
    ['candidate-saved-offers', '/candidat/offres-sauvegardees', {}, candidate],
    ['forum-programme', `/forums/${forum.slug}/programme`, { slug: forum.slug }, candidate],
    ['candidate-applications', '/candidat/candidatures', {}, candidate],
    ['candidate-profile', '/candidat/profil', {}, candidate],
    ['candidate-contacts', '/candidat/contacts', {}, candidate],
    ['account', '/compte', {}, candidate],
    ['recruiter', '/recruteur', {}, recruiter],
    ['recruiter-company-offers', `/recruteur/entreprises/${company.slug}/offres`, { slug: company.slug }, recruiter],
    ['recruiter-company-offers', `/recruteur/entreprises/${company.slug}/offres?etat=published&page=2`, { slug: company.slug }, recruiter],
    ['recruiter-company-edit', `/recruteur/entreprises/${company.slug}`, { slug: company.slug }, recruiter],
    ['recruiter-team', `/recruteur/entreprises/${company.slug}/equipe`, { slug: company.slug }, recruiter],
    ['recruiter-offer-import', `/recruteur/entreprises/${company.slug}/import`, { slug: company.slug }, recruiter],
    ['recruiter-applications', `/recruteur/offres/${own.offer_id}/candidatures`, { id: String(own.offer_id) }, recruiter],
    ['recruiter-applications', `/recruteur/offres/${own.offer_id}/candidatures?etape=new&page=2`, { id: String(own.offer_id) }, recruiter],
    ['recruiter-applications-csv.ts', `/recruteur/offres/${own.offer_id}/candidatures.csv`, { id: String(own.offer_id) }, recruiter],
    ['recruiter-application', `/recruteur/candidatures/${own.id}`, { id: String(own.id) }, recruiter],
    ['recruiter-offer-profiles', `/recruteur/offres/${own.offer_id}/profils`, { id: String(own.offer_id) }, recruiter],
    ['recruiter-offer-edit', `/recruteur/offres/${own.offer_id}`, { id: String(own.offer_id) }, recruiter],
    ['recruiter-forums', '/recruteur/forums', {}, recruiter],
    ['admin', '/admin', {}, admin],
    ['admin-offers', '/admin/offres', {}, admin],
    ['admin-offers', '/admin/offres?page=2', {}, admin],
    ['admin-companies', '/admin/entreprises', {}, admin],
    ['admin-companies', `/admin/entreprises?entreprise=${encodeURIComponent(company.slug.slice(0, 6))}`, {}, admin],
    ['admin-reports', '/admin/signalements', {}, admin],
    ['organiser', '/organisation', {}, organiser],
    ['organiser-forum', `/organisation/forums/${forum.slug}`, { slug: forum.slug }, organiser],
    ['organiser-forum-dashboard', `/organisation/forums/${forum.slug}/tableau-de-bord`, { slug: forum.slug }, organiser],
    ['organiser-forum-planning', `/organisation/forums/${forum.slug}/planning`, { slug: forum.slug }, organiser],
    // Offers out (decision 013): the API, the feeds and the sitemap.
    ['api-offers.ts', '/api/v1/offres?contrat=cdi', {}, null],
    ['api-offer.ts', `/api/v1/offres/${offer.id}`, { id: String(offer.id) }, null],
    ['api-company.ts', `/api/v1/entreprises/${company.slug}`, { slug: company.slug }, null],
    ['sitemap.ts', '/sitemap.xml', {}, null],
    ['sitemap-file.ts', '/sitemaps/offres-1.xml', { file: 'offres-1.xml' }, null],
    ['sitemap-file.ts', '/sitemaps/entreprises-1.xml', { file: 'entreprises-1.xml' }, null],
    ['sitemap-file.ts', '/sitemaps/forums-1.xml', { file: 'forums-1.xml' }, null],
    ['offers-rss.ts', '/offres.rss?q=developpeur', {}, null],
    ['feed-indeed.ts', '/flux/indeed.xml', {}, null],
    ['widget', '/integrer/offres?contrat=cdi', {}, null],
    ['organiser-forum-export.ts', `/organisation/forums/${forum.slug}/export/forum.xlsx`, { slug: forum.slug, file: 'forum.xlsx' }, organiser],
    ['organiser-forum-programmes', `/organisation/forums/${forum.slug}/programmes`, { slug: forum.slug }, organiser],
  ]
  for (const [file, url, params, cookie] of pages) {
    const module = `../routes/${file.endsWith('.ts') ? file : `${file}.tsx`}`
    const route = (await import(/* @vite-ignore */ module)) as { loader: (args: unknown) => unknown }
    const request = new Request(`http://localhost${url}`, { headers: cookie ? { Cookie: cookie } : {} })
    const answer = await Promise.resolve().then(() => route.loader({ request, params, context })).catch((thrown: unknown) => thrown)
    // A page that answered with an error would hide its queries: each must load (resource routes answer 200).
    const failed = answer instanceof Response && answer.status !== 200
    expect(failed ? `${url}: ${(answer as Response).status}` : url).toBe(url)
    // A streamed answer runs its queries as it is read.
    if (answer instanceof Response) await answer.text()
  }
  await runMaintenance({ db, files: context.files, mailer: context.mailer as never, publicUrl: 'http://localhost', now: NOW })

  const scans: string[] = []
  for (const { sql, params } of recorded.values()) {
    if (MAY_SCAN.some((m) => m.sql.test(sql))) continue
    const plan = test.sqlite.prepare(`explain query plan ${sql}`).all(...(params as never[])) as { detail: string }[]
    const tables = tablesByAlias(sql)
    for (const { detail } of plan) {
      // SQLite names a table by its alias in the plan ("SCAN o"): the SQL text says which table it is.
      const scanned = /^SCAN (\w+)/.exec(detail)?.[1]
      // PLAN_DEBUG=1 prints every scan, of any table, to review what a new page reads.
      if (process.env.PLAN_DEBUG && scanned) console.log(detail, '=>', tables.get(scanned) ?? scanned, '|', sql.replace(/\s+/g, ' ').slice(0, 200))
      if (scanned && BIG_TABLES.includes(tables.get(scanned) ?? scanned)) scans.push(`${detail}\n    in: ${sql.replace(/\s+/g, ' ').slice(0, 400)}`)
      // Rows asked for by id, but found through an index on a column of a few values ("status=?"): SQLite, without
      // statistics, may prefer it to the ids and read every published offer. "Offres pour vous" read its 20 cards
      // that way (11 ms at 100k offers); `+o.status` keeps the column out of the choice.
      const [, searched, column] = /^SEARCH (\w+) USING (?:COVERING )?INDEX \w+ \((\w+)=\?\)$/.exec(detail) ?? []
      if (searched && BIG_TABLES.includes(tables.get(searched) ?? searched) && FEW_VALUES.has(column!) && /\bid"?\s+(in\s*\(|=\s*\?)/i.test(sql)) {
        scans.push(`${detail}, not by id: every row of one ${column}\n    in: ${sql.replace(/\s+/g, ' ').slice(0, 400)}`)
      }
    }
    // A page of a list (`limit`) over a big table is read in an index's order: sorting every row of the list for
    // each page is what made a company's 1,000 offers or an offer's 5,000 applications slow (decision 007).
    const reads = BIG_TABLES.includes(/\bfrom\s+"?(\w+)"?/i.exec(sql)?.[1] ?? '')
    if (process.env.PLAN_DEBUG && plan.some((p) => /TEMP B-TREE/.test(p.detail))) console.log('TEMP', plan.map((p) => p.detail).join(' ; '), '|', sql.replace(/\s+/g, ' ').slice(0, 300))
    if (reads && /\blimit\s+\?(\s+offset\s+\?)?\s*$/i.test(sql) && plan.some((p) => p.detail === 'USE TEMP B-TREE FOR ORDER BY')) {
      scans.push(`sorts every row for one page\n    in: ${sql.replace(/\s+/g, ' ').slice(0, 400)}`)
    }
  }
  expect(recorded.size).toBeGreaterThan(50)
  expect(scans, `full scans:\n${scans.join('\n')}`).toEqual([])
}, 120_000)

const KEYWORDS = new Set(['where', 'inner', 'left', 'cross', 'join', 'on', 'order', 'group', 'limit', 'using', 'natural', 'union', 'set', 'values'])

/** Alias → table for every table named in a FROM or JOIN clause. */
function tablesByAlias(sql: string): Map<string, string> {
  const tables = new Map<string, string>()
  for (const [, table, alias] of sql.matchAll(/\b(?:from|join|update)\s+"?(\w+)"?(?:\s+(?:as\s+)?"?(\w+)"?)?/gi)) {
    tables.set(table!, table!)
    if (alias && !KEYWORDS.has(alias.toLowerCase())) tables.set(alias, table!)
  }
  return tables
}
