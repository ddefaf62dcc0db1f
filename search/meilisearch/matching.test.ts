import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestCandidate, createTestCompany, createTestOffer } from '#db/seed/index.ts'
import { createTestDatabase } from '#db/test-database.ts'
import type { SearchEngine } from '../types.ts'
import { createMeilisearch } from './index.ts'
import { startStubbedMeilisearch, type StubbedMeilisearch } from './stubbed-http.ts'

// Stubbed HTTP: no Meilisearch can run here. The local server answers the shortlist queries with
// canned ids; the scoring that follows reads the real SQLite file.

const NOW = new Date('2026-11-22T10:00:00Z')
let test: Awaited<ReturnType<typeof createTestDatabase>>
let stub: StubbedMeilisearch
let engine: SearchEngine
const ids: Record<string, number> = {}

type Query = { indexUid: string; q: string; matchingStrategy?: string; filter: (string | string[])[]; limit: number; sort?: string[] }
const queries = () => stub.requests.filter((r) => r.path === '/multi-search').flatMap((r) => (r.body as { queries: Query[] }).queries)
const hits = (...hitIds: number[]) => () => ({ body: { results: queries().map(() => ({ indexUid: 'x', hits: hitIds.map((id) => ({ id })) })) } })

beforeAll(async () => {
  test = await createTestDatabase()
  const company = await createTestCompany(test.db, { commune_insee: '62193' })
  ids.php = (await createTestOffer(test.db, {
    companyId: company.id, title: 'Développeur PHP', published_at: NOW.toISOString(), remote_policy: 'on_site',
    skills: [{ slug: 'php', required: true }, { slug: 'symfony', required: true }, { slug: 'mysql', required: false }],
  })).id
  ids.draft = (await createTestOffer(test.db, { companyId: company.id, title: 'Brouillon', status: 'draft', skills: [{ slug: 'php', required: true }] })).id
  ids.strong = (await createTestCandidate(test.db, { visibility: 'verified_recruiters', skills: [{ slug: 'php', level: 4 }, { slug: 'symfony', level: 4 }] })).id
  ids.weak = (await createTestCandidate(test.db, { visibility: 'verified_recruiters', skills: [{ slug: 'laravel', level: 1 }] })).id
  ids.private = (await createTestCandidate(test.db, { visibility: 'private', skills: [{ slug: 'php', level: 4 }, { slug: 'symfony', level: 4 }] })).id
  stub = await startStubbedMeilisearch()
  engine = createMeilisearch(stub.config, test.sqlite).engine
})
afterAll(async () => {
  await stub.close()
  await test.destroy()
})
beforeEach(() => {
  stub.reset()
})

describe('stubbed HTTP: no Meilisearch can run here — candidates for an offer', () => {
  it('shortlists by filters only, in one request: holders of every required skill, of each one, then of any wanted skill, within reach', async () => {
    stub.routes.push(hits())
    await engine.candidatesForOffer(ids.php!, { limit: 10, now: NOW })
    expect(stub.requests).toHaveLength(1)
    const sent = queries()
    // No query words: `matchingStrategy: 'last'` would rank by the leading run of skills held, not by how many.
    expect(sent.map((q) => [q.indexUid, q.q, q.matchingStrategy])).toEqual(Array(4).fill(['test_profiles', '', undefined]))
    // Every strong candidate is kept (bench/meilisearch-shortlist.ts); the wide net keeps the usual shortlist size.
    expect(sent.map((q) => q.limit)).toEqual([1000, 1000, 1000, 100])
    expect(sent.map((q) => q.filter.slice(0, -1))).toEqual([
      ['skills = "php"', 'skills = "symfony"'],
      ['skills = "php"'],
      ['skills = "symfony"'],
      [expect.stringMatching(/^skills IN \["php", "symfony", "mysql", .*"laravel".*\]$/)],
    ])
    // Within reach, per mobility band (a Laravel developer is a partial PHP match, if near enough).
    expect(sent[0]!.filter.at(-1)).toEqual(expect.arrayContaining(['located = false', expect.stringMatching(/^mobilityKm <= 5 AND _geoRadius\(50\.95\d+, 1\.8\d+, 5000\)$/)]))
  })

  it('scores the shortlist with the scorer, and drops a private profile even if the index still held it', async () => {
    stub.routes.push(hits(ids.private!, ids.weak!, ids.strong!))
    const found = await engine.candidatesForOffer(ids.php!, { limit: 10, now: NOW })
    expect(found.map((m) => m.userId)).toEqual([ids.strong, ids.weak])
    expect(found[0]!.reasons.requiredMet).toEqual(['PHP', 'Symfony'])
    expect(found[0]!.score).toBeGreaterThan(found[1]!.score)
  })

  it('for an offer listing no skill, looks for the skills its title and description name', async () => {
    const company = await createTestCompany(test.db, { commune_insee: '62193' })
    const untagged = await createTestOffer(test.db, { companyId: company.id, title: 'Administrateur systèmes VMware', published_at: NOW.toISOString(),
      description_md: 'Vous administrez les serveurs Windows Server et le stockage Veeam.' })
    stub.routes.push(hits())
    await engine.candidatesForOffer(untagged.id, { limit: 10, now: NOW })
    expect(queries().at(-1)!.filter[0]).toEqual(expect.stringMatching(/^skills IN \["vmware", "windows-server", "sauvegarde"/))
  })

  it('asks nothing for an offer that is not published', async () => {
    expect(await engine.candidatesForOffer(ids.draft!, { limit: 10, now: NOW })).toEqual([])
    expect(stub.requests).toHaveLength(0)
  })
})

describe('stubbed HTTP: no Meilisearch can run here — offers for a candidate', () => {
  it('filters visible offers holding each best held skill, then any held or related one, newest first, and scores those the database still shows', async () => {
    stub.routes.push(hits(ids.php!, ids.draft!))
    const found = await engine.offersForCandidate(ids.strong!, { limit: 5, now: NOW })
    const sent = queries()
    expect(sent.map((q) => [q.indexUid, q.q, q.sort])).toEqual(Array(3).fill(['test_offers', '', ['publishedAtMs:desc']]))
    expect(sent.map((q) => q.filter.find((f) => typeof f === 'string' && f.startsWith('skills')))).toEqual([
      'skills = "php"', 'skills = "symfony"', expect.stringMatching(/^skills IN \["php", "symfony", /),
    ])
    expect(sent[0]!.filter.slice(0, 2)).toEqual([`publishedAtMs <= ${NOW.getTime()}`, [`expiresAtMs > ${NOW.getTime()}`, 'expiresAtMs NOT EXISTS']])
    expect(sent[0]!.filter.at(-1)).toEqual(expect.arrayContaining(['located = false', 'remotePolicy = "full_remote"']))
    // The draft a lagging index still returned is checked against the database and never suggested.
    expect(found.map((m) => m.offerId)).toEqual([ids.php])
  })

  it('a candidate without skills gets no shortlist rather than every offer', async () => {
    const blank = await createTestCandidate(test.db)
    expect(await engine.offersForCandidate(blank.id, { limit: 5, now: NOW })).toEqual([])
    expect(stub.requests).toHaveLength(0)
  })
})
