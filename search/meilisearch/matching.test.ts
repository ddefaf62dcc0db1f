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

type Query = { indexUid: string; q: string; matchingStrategy?: string; filter: (string | string[])[]; limit: number; attributesToSearchOn?: string[] }
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
  it('shortlists per required skill plus any wanted skill, within reach, in one request', async () => {
    stub.routes.push(hits())
    await engine.candidatesForOffer(ids.php!, { limit: 10, now: NOW })
    expect(stub.requests).toHaveLength(1)
    const sent = queries()
    expect(sent.map((q) => [q.indexUid, q.q, q.matchingStrategy, q.limit])).toEqual([
      ['test_profiles', expect.stringMatching(/^php symfony mysql .* $/), 'last', 100],
      ['test_profiles', expect.stringMatching(/^symfony php mysql .* $/), 'last', 100],
      ['test_profiles', '', undefined, 100],
    ])
    const [skills, reach] = sent[0]!.filter
    // The offer's skills, then related ones (a Laravel developer is a partial PHP match).
    expect(skills).toMatch(/^skills IN \["php", "symfony", "mysql", .*"laravel".*\]$/)
    expect(reach).toEqual(expect.arrayContaining(['located = false', expect.stringMatching(/^mobilityKm <= 5 AND _geoRadius\(50\.95\d+, 1\.8\d+, 10000\)$/)]))
  })

  it('scores the shortlist with the scorer, and drops a private profile even if the index still held it', async () => {
    stub.routes.push(hits(ids.private!, ids.weak!, ids.strong!))
    const found = await engine.candidatesForOffer(ids.php!, { limit: 10, now: NOW })
    expect(found.map((m) => m.userId)).toEqual([ids.strong, ids.weak])
    expect(found[0]!.reasons.requiredMet).toEqual(['PHP', 'Symfony'])
    expect(found[0]!.score).toBeGreaterThan(found[1]!.score)
  })

  it('asks nothing for an offer that is not published', async () => {
    expect(await engine.candidatesForOffer(ids.draft!, { limit: 10, now: NOW })).toEqual([])
    expect(stub.requests).toHaveLength(0)
  })
})

describe('stubbed HTTP: no Meilisearch can run here — offers for a candidate', () => {
  it('searches visible offers by skill token only, best held skills leading, and scores those the database still shows', async () => {
    stub.routes.push(hits(ids.php!, ids.draft!))
    const found = await engine.offersForCandidate(ids.strong!, { limit: 5, now: NOW })
    const sent = queries()
    expect(sent.map((q) => [q.indexUid, q.attributesToSearchOn])).toEqual(Array(3).fill(['test_offers', ['skillTokens']]))
    expect(sent[0]!.q).toMatch(/^php symfony .* $/)
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
