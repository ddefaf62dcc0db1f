import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { createTestCompany, createTestOffer } from '#db/seed/index.ts'
import { createTestDatabase } from '#db/test-database.ts'
import { EmbeddedSearchEngine } from '../embedded/engine.ts'
import { SearchRequestError, SearchUnavailableError } from '../errors.ts'
import { FALLBACK_NOTICE, FallbackSearchEngine } from '../fallback.ts'
import { NOTICE } from '../notices.ts'
import { RELAX_BELOW } from '../embedded/text-match.ts'
import { offerQuery } from '../query-params.ts'
import type { OfferQuery, SearchEngine } from '../types.ts'
import { MAIN_QUERY_FACETS } from './facets.ts'
import { createMeilisearch } from './index.ts'
import { startStubbedMeilisearch, STUB_KEYS, type StubbedMeilisearch } from './stubbed-http.ts'

// Stubbed HTTP: no Meilisearch can run here. The real client sends real requests to a local
// server that records them and answers what each test scripts; hits are read from a real SQLite file.

const NOW = new Date('2026-11-20T10:00:00Z')
const CALAIS = { lat: 50.9523, lng: 1.869 }
const BOULOGNE = { lat: 50.7264, lng: 1.6147 }

let test: Awaited<ReturnType<typeof createTestDatabase>>
let stub: StubbedMeilisearch
let engine: SearchEngine
const ids: Record<string, number> = {}

type MultiSearchBody = { queries: Record<string, unknown>[] }
const multiSearches = () => stub.requests.filter((r) => r.path === '/multi-search').map((r) => r.body as MultiSearchBody)
const answer = (results: Record<string, unknown>[]) => ({ body: { results: results.map((r) => ({ indexUid: 'test_offers', hits: [], ...r })) } })
const search = (overrides: Partial<OfferQuery>) => engine.searchOffers(offerQuery(overrides), NOW)

beforeAll(async () => {
  test = await createTestDatabase()
  const company = await createTestCompany(test.db, { name: 'Opale Logiciels', commune_insee: '62193' })
  ids.calais = (await createTestOffer(test.db, { companyId: company.id, title: 'Développeur C# Calais', commune_insee: '62193', published_at: '2026-11-19T10:00:00Z' })).id
  ids.boulogne = (await createTestOffer(test.db, { companyId: company.id, title: 'Développeur C# Boulogne', commune_insee: '62160', published_at: '2026-11-18T10:00:00Z' })).id
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

describe('stubbed HTTP: no Meilisearch can run here — a search', () => {
  it('is one multi-search request: the page with every filter, then one query per facet to count apart', async () => {
    stub.routes.push(() =>
      answer([
        {
          hits: [{ id: ids.calais, _geo: CALAIS }, { id: ids.boulogne, _geo: BOULOGNE }],
          totalHits: 3,
          facetDistribution: { contractType: { cdi: 3 }, skills: { csharp: 3 }, company: { 'opale-logiciels': 3 } },
        },
        { totalHits: 5, facetDistribution: { contractType: { cdi: 3, cdd: 2 } } },
        { totalHits: 1 }, { totalHits: 2 }, { totalHits: 3 },
        { totalHits: 1 }, { totalHits: 1 }, { totalHits: 3 }, { totalHits: 3 },
      ]),
    )
    const result = await search({ text: 'Développeur C# ', contracts: ['cdi'], near: { insee: '62193', radiusKm: 40 }, sort: 'distance', page: 2, perPage: 2 })

    expect(stub.requests).toHaveLength(1)
    expect(stub.requests[0]!.headers.authorization).toBe(`Bearer ${STUB_KEYS.runtime}`)
    const { queries } = multiSearches()[0]!
    expect(queries[0]).toEqual({
      indexUid: 'test_offers',
      q: 'developpeur csharp ',
      matchingStrategy: 'all',
      attributesToSearchOn: ['title', 'skillsAndCompany', 'description'],
      filter: [
        `publishedAtMs <= ${NOW.getTime()}`,
        [`expiresAtMs > ${NOW.getTime()}`, 'expiresAtMs NOT EXISTS'],
        'contractType IN ["cdi"]',
        expect.stringMatching(/^_geoRadius\(50\.95\d+, 1\.8\d+, 40000\)$/),
      ],
      sort: [expect.stringMatching(/^_geoPoint\(50\.95\d+, 1\.8\d+\):asc$/), 'publishedAtMs:desc', 'id:desc'],
      facets: MAIN_QUERY_FACETS,
      page: 2,
      hitsPerPage: 2,
      attributesToRetrieve: ['id', '_geo'],
    })
    // Contract counted without its filter, then the 3 publication buckets and the 4 radius buckets.
    expect(queries.slice(1).map((q) => [q.facets, q.hitsPerPage])).toEqual([[['contractType'], 0], ...Array(7).fill([[], 0])])
    expect(queries[1]!.filter).not.toContain('contractType IN ["cdi"]')
    expect(queries.slice(1).every((q) => q.q === 'developpeur csharp ')).toBe(true)

    expect(result).toMatchObject({ total: 3, page: 2, pageCount: 2, sort: 'distance', notices: [] })
    expect(result.hits.map((h) => [h.title, h.distanceKm])).toEqual([
      ['Développeur C# Calais', 0],
      ['Développeur C# Boulogne', expect.closeTo(30, -1)],
    ])
    expect(result.facets.contract).toEqual([{ value: 'cdi', count: 3 }, { value: 'cdd', count: 2 }])
    expect(result.facets.postedWithin).toEqual([{ value: '1', count: 1 }, { value: '7', count: 2 }, { value: '30', count: 3 }])
    expect(result.facets.radius).toEqual([{ value: '10', count: 1 }, { value: '20', count: 1 }, { value: '50', count: 3 }, { value: '100', count: 3 }])
  })

  it('sorts by date without words, by salary with offers without salary last, and by relevance with the ranking rules', async () => {
    stub.routes.push(() => answer([{ totalHits: 0 }, { totalHits: 0 }, { totalHits: 0 }, { totalHits: 0 }]))
    await search({ sort: 'relevance' })
    await search({ sort: 'salary' })
    await search({ text: 'web', sort: 'relevance' })
    expect(multiSearches().map((b) => b.queries[0]!.sort)).toEqual([
      ['publishedAtMs:desc', 'id:desc'],
      ['yearlySalary:desc', 'publishedAtMs:desc', 'id:desc'],
      undefined,
    ])
  })

  it('asks again for the last page when the page asked for is past it, and says so', async () => {
    stub.routes.push((r) => {
      const page = (r.body as MultiSearchBody).queries[0]!.page
      return page === 9 ? answer([{ totalHits: 3 }, {}, {}, {}]) : answer([{ hits: [{ id: ids.boulogne }], totalHits: 3 }])
    })
    const result = await search({ page: 9, perPage: 2 })
    expect(multiSearches().map((b) => b.queries.map((q) => q.page))).toEqual([[9, 1, 1, 1], [2]])
    expect(result).toMatchObject({ page: 2, pageCount: 2, notices: [NOTICE.pageBeyondLast(9)] })
    expect(result.hits.map((h) => h.id)).toEqual([ids.boulogne])
  })

  it('never shows an offer the database no longer publishes, even while the index still holds it', async () => {
    const closed = await createTestOffer(test.db, { companyId: 1, title: 'Pourvue', status: 'closed', published_at: '2026-11-10T10:00:00Z' })
    stub.routes.push(() => answer([{ hits: [{ id: closed.id }, { id: ids.calais }], totalHits: 2 }, {}, {}, {}]))
    expect((await search({})).hits.map((h) => h.id)).toEqual([ids.calais])
  })

  it('reads operators and quotes as plain words, and tells when no word is left', async () => {
    stub.routes.push(() => answer([{ totalHits: 0 }, {}, {}, {}]))
    await search({ text: '"développeur" -web OR' })
    const empty = await search({ text: '" * -' })
    // "or" is under 3 letters: a finished word, not a prefix (search/embedded/text-query.ts MIN_PREFIX_LENGTH).
    expect(multiSearches().map((b) => b.queries[0]!.q)).toEqual(['developpeur web or ', ''])
    expect(empty.notices).toEqual([NOTICE.noUsableWord])
    expect(empty.sort).toBe('date')
  })

  it('relaxes with the "frequency" matching strategy when fewer than 10 offers hold every word, and says so', async () => {
    stub.routes.push((r) => {
      const strategy = (r.body as MultiSearchBody).queries[0]!.matchingStrategy
      return strategy === 'all'
        ? answer([{ hits: [{ id: ids.calais }], totalHits: 1 }, {}, {}, {}])
        : answer([{ hits: [{ id: ids.calais }, { id: ids.boulogne }], totalHits: 2 }, {}, {}, {}])
    })
    const result = await search({ text: 'développeur java ', sort: 'relevance' })
    const [first, second] = multiSearches()
    expect(first!.queries.every((q) => q.matchingStrategy === 'all')).toBe(true)
    // The page and every facet count are asked again under the relaxed strategy.
    expect(second!.queries.every((q) => q.matchingStrategy === 'frequency' && q.q === 'developpeur java ')).toBe(true)
    expect(result).toMatchObject({ total: 2, notices: [NOTICE.relaxed(RELAX_BELOW)] })
    expect(result.hits.map((h) => h.id)).toEqual([ids.calais, ids.boulogne])
  })

  it('keeps every word when relaxing finds no more offers, and does not relax one word, a date sort or enough offers', async () => {
    stub.routes.push(() => answer([{ hits: [{ id: ids.calais }], totalHits: 1 }, {}, {}, {}]))
    const same = await search({ text: 'développeur java ', sort: 'relevance' })
    expect(multiSearches().map((b) => b.queries[0]!.matchingStrategy)).toEqual(['all', 'frequency'])
    expect(same).toMatchObject({ total: 1, notices: [] })
    stub.reset()
    stub.routes.push(() => answer([{ totalHits: 1 }, {}, {}, {}]))
    await search({ text: 'développeur ', sort: 'relevance' })
    await search({ text: 'développeur java ', sort: 'date' })
    stub.routes.splice(0, Infinity, () => answer([{ totalHits: RELAX_BELOW }, {}, {}, {}]))
    await search({ text: 'développeur java ', sort: 'relevance' })
    expect(multiSearches().map((b) => b.queries[0]!.matchingStrategy)).toEqual(['all', 'all', 'all'])
  })

  it('drops first the words no offer holds, counted one by one, when no offer holds every word (stubbed HTTP)', async () => {
    stub.routes.push((r) => {
      const queries = (r.body as MultiSearchBody).queries
      if (queries[0]!.hitsPerPage === 0) return answer(queries.map((q) => ({ totalHits: q.q === 'ower ' ? 0 : 3 })))
      return queries[0]!.matchingStrategy === 'all'
        ? answer([{ totalHits: 0 }, {}, {}, {}])
        : answer([{ hits: [{ id: ids.calais }], totalHits: 1 }, {}, {}, {}])
    })
    const result = await search({ text: 'java ower développ', sort: 'relevance' })
    const [, probe, relaxed] = multiSearches()
    // One query per word, unfiltered, the last still a prefix; then the relaxed search without "ower".
    expect(probe!.queries.map((q) => [q.q, q.filter, q.matchingStrategy])).toEqual([['java ', undefined, 'all'], ['ower ', undefined, 'all'], ['developp', undefined, 'all']])
    expect(relaxed!.queries.every((q) => q.matchingStrategy === 'frequency' && q.q === 'java developp')).toBe(true)
    expect(result).toMatchObject({ total: 1, notices: [NOTICE.relaxed(RELAX_BELOW)] })
  })

  it('keeps the words when none or all are held, and never relaxes a query written in a search syntax (stubbed HTTP)', async () => {
    stub.routes.push((r) => {
      const queries = (r.body as MultiSearchBody).queries
      return queries[0]!.hitsPerPage === 0 ? answer(queries.map(() => ({ totalHits: 0 }))) : answer([{ totalHits: 0 }, {}, {}, {}])
    })
    await search({ text: 'and or not ', sort: 'relevance' })
    expect(multiSearches().at(-1)!.queries[0]).toMatchObject({ q: 'and or not ', matchingStrategy: 'frequency' })
    stub.reset()
    stub.routes.push(() => answer([{ totalHits: 0 }, {}, {}, {}]))
    for (const text of ['title:web', '"développeur" java', 'développeur -java', 'near(web']) await search({ text, sort: 'relevance' })
    expect(multiSearches().map((b) => b.queries[0]!.matchingStrategy)).toEqual(['all', 'all', 'all', 'all'])
  })

  it('ignores an unknown commune and a distance sort without one, with the embedded engine’s notices', async () => {
    stub.routes.push(() => answer([{ totalHits: 0 }, {}, {}, {}]))
    const result = await search({ near: { insee: '99999', radiusKm: 10 }, sort: 'distance' })
    expect(result.notices).toEqual([NOTICE.unknownCommune, NOTICE.distanceNeedsCommune])
    expect(JSON.stringify(multiSearches()[0])).not.toMatch(/_geo(Radius|Point)/)
  })
})

describe('stubbed HTTP: no Meilisearch can run here — a failing Meilisearch', () => {
  const failure = async (route: () => ReturnType<StubbedMeilisearch['routes'][number]>) => {
    stub.routes.splice(0, Infinity, route)
    return search({ text: 'web' }).then(
      () => null,
      (error: unknown) => error,
    )
  }

  it('down, overloaded, slow or hanging up counts as unavailable (search falls back)', async () => {
    expect(await failure(() => ({ status: 503, body: { message: 'busy', code: 'internal', type: 'internal', link: '' } }))).toBeInstanceOf(SearchUnavailableError)
    expect(await failure(() => ({ status: 502, raw: '<html>Bad gateway</html>' }))).toBeInstanceOf(SearchUnavailableError)
    expect(await failure(() => 'hang-up')).toBeInstanceOf(SearchUnavailableError)
    // Past the configured timeout (here 200 ms against an answer after 2 s).
    stub.routes.splice(0, Infinity, () => ({ body: answer([]).body, delayMs: 2_000 }))
    const impatient = createMeilisearch({ url: stub.url, apiKey: 'k', indexPrefix: 'test_', timeoutMs: 200 }, test.sqlite).engine
    await expect(impatient.searchOffers(offerQuery({}), NOW)).rejects.toBeInstanceOf(SearchUnavailableError)
    const unreachable = createMeilisearch({ url: 'http://127.0.0.1:9', apiKey: 'k', indexPrefix: 't_', timeoutMs: 300 }, test.sqlite).engine
    await expect(unreachable.searchOffers(offerQuery({}), NOW)).rejects.toBeInstanceOf(SearchUnavailableError)
  })

  it('a refused request is a request error carrying Meilisearch’s code', async () => {
    const error = await failure(() => ({ status: 400, body: { message: 'bad filter', code: 'invalid_search_filter', type: 'invalid_request', link: '' } }))
    expect(error).toBeInstanceOf(SearchRequestError)
    expect((error as SearchRequestError).code).toBe('invalid_search_filter')
  })
})

describe('stubbed HTTP: no Meilisearch can run here — a Meilisearch past its search time limit', () => {
  it('answers degraded (unranked) results: the embedded engine answers instead, with the notice, in the asked order', async () => {
    // Meilisearch's hits are out of date order, as an unranked answer can be.
    stub.routes.push(() => answer([{ hits: [{ id: ids.boulogne }, { id: ids.calais }], totalHits: 2, degraded: true }, {}, {}, {}, {}]))
    const warn = vi.fn()
    const board = new FallbackSearchEngine(engine, new EmbeddedSearchEngine(test.sqlite), { log: { warn, error: vi.fn() } })
    const result = await board.searchOffers(offerQuery({ sort: 'date' }), NOW)
    expect(result.notices).toContain(FALLBACK_NOTICE)
    expect(result.hits.map((h) => h.id)).toEqual([ids.calais, ids.boulogne])
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('degraded'))
  })
})
