import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { loader } from '#app/routes/offers.tsx'
import { createTestCompany, createTestOffer } from '#db/seed/index.ts'
import { createTestDatabase } from '#db/test-database.ts'
import { EmbeddedSearchEngine } from './embedded/engine.ts'
import { SearchRequestError, SearchUnavailableError } from './errors.ts'
import { BREAKER_OPEN_MS, FALLBACK_NOTICE, FallbackSearchEngine } from './fallback.ts'
import { parseOfferQuery } from './query-params.ts'
import type { OfferSearchResult, SearchEngine } from './types.ts'

/** A test double of the Meilisearch engine (none can run here): answers what it is told, counts the calls. */
class TestDoublePrimary implements SearchEngine {
  readonly name = 'meilisearch' as const
  calls = 0
  failWith: Error | null = null
  /** When set, calls wait for it (a request in flight). */
  gate: Promise<void> | null = null
  readonly answer: OfferSearchResult = {
    total: 0, page: 1, pageCount: 0, hits: [], sort: 'relevance', notices: [],
    facets: { contract: [], remote: [], territory: [], experience: [], skill: [], company: [], postedWithin: [], salaryMin: [], radius: [], occupation: [] },
  }
  private async call<T>(value: T): Promise<T> {
    this.calls++
    if (this.gate) await this.gate
    if (this.failWith) throw this.failWith
    return value
  }
  searchOffers = () => this.call(this.answer)
  warmUp = () => this.call(undefined)
  candidatesForOffer = () => this.call([])
  offersForCandidate = () => this.call([])
}

let test: Awaited<ReturnType<typeof createTestDatabase>>
let embedded: EmbeddedSearchEngine
let primary: TestDoublePrimary
let clock: number
let log: { warn: ReturnType<typeof vi.fn<(line: string) => void>>; error: ReturnType<typeof vi.fn<(line: string, error?: unknown) => void>> }
let engine: FallbackSearchEngine
const query = (text: string) => parseOfferQuery(new URLSearchParams({ q: text })).query

beforeAll(async () => {
  test = await createTestDatabase()
  const company = await createTestCompany(test.db, { name: 'Opale Cyber' })
  await createTestOffer(test.db, { companyId: company.id, title: 'Analyste cybersécurité' })
  embedded = new EmbeddedSearchEngine(test.sqlite)
})
afterAll(async () => {
  await test.destroy()
})
beforeEach(() => {
  primary = new TestDoublePrimary()
  clock = Date.parse('2026-11-23T10:00:00Z')
  log = { warn: vi.fn<(line: string) => void>(), error: vi.fn<(line: string, error?: unknown) => void>() }
  engine = new FallbackSearchEngine(primary, embedded, { now: () => clock, log })
})

describe('search with Meilisearch first (a test double) and the embedded engine behind it', () => {
  it('returns Meilisearch’s answer untouched while it works', async () => {
    expect(await engine.searchOffers(query('cybersécurité'))).toBe(primary.answer)
  })

  it('answers from the embedded engine, with a French notice, when Meilisearch is unavailable', async () => {
    primary.failWith = new SearchUnavailableError('délai dépassé')

    const result = await engine.searchOffers(query('cybersécurité'))

    expect(result.hits.map((hit) => hit.title)).toEqual(['Analyste cybersécurité'])
    expect(result.notices).toContain(FALLBACK_NOTICE)
    expect(log.warn).toHaveBeenCalledWith('Recherche : Meilisearch indisponible (délai dépassé) ; le moteur intégré répond, nouvel essai dans 30 s.')
  })

  it('shows the notice on the search page', async () => {
    primary.failWith = new SearchUnavailableError('connexion refusée')
    const request = new Request('http://localhost/offres?q=cybers%C3%A9curit%C3%A9')

    const data = await loader({ request, params: {}, context: { db: test.db, search: engine, nonce: '' } } as never)

    expect(data.result.notices).toContain(FALLBACK_NOTICE)
    expect(data.result.total).toBe(1)
  })

  it('leaves a down Meilisearch alone for 30 s, then lets one request try it, and goes back to it once it answers', async () => {
    primary.failWith = new SearchUnavailableError('connexion refusée')
    await engine.searchOffers(query('analyste'))
    clock += BREAKER_OPEN_MS - 1
    for (let i = 0; i < 5; i++) expect((await engine.searchOffers(query('analyste'))).notices).toContain(FALLBACK_NOTICE)
    expect(primary.calls).toBe(1)

    clock += 1
    await engine.searchOffers(query('analyste'))
    expect(primary.calls).toBe(2)
    expect(log.warn).toHaveBeenCalledTimes(1)

    clock += BREAKER_OPEN_MS
    primary.failWith = null
    expect(await engine.searchOffers(query('analyste'))).toBe(primary.answer)
    expect(await engine.searchOffers(query('analyste'))).toBe(primary.answer)
    expect(primary.calls).toBe(4)
    expect(log.warn).toHaveBeenLastCalledWith('Recherche : Meilisearch répond de nouveau.')
  })

  it('sends a single trial request at a time while Meilisearch may be coming back', async () => {
    primary.failWith = new SearchUnavailableError('connexion refusée')
    await engine.searchOffers(query('analyste'))
    clock += BREAKER_OPEN_MS
    primary.failWith = null
    let release!: () => void
    primary.gate = new Promise((resolve) => (release = resolve))

    const trial = engine.searchOffers(query('analyste'))
    const meanwhile = await engine.searchOffers(query('analyste'))
    release()

    expect(meanwhile.notices).toContain(FALLBACK_NOTICE)
    expect(await trial).toBe(primary.answer)
    expect(primary.calls).toBe(2)
  })

  it('answers a refused request from the embedded engine, logs it once a minute, and keeps asking Meilisearch', async () => {
    primary.failWith = new SearchRequestError('Index `passerelle_offers` not found.', 'index_not_found')

    for (let i = 0; i < 3; i++) expect((await engine.searchOffers(query('analyste'))).notices).toContain(FALLBACK_NOTICE)
    expect(primary.calls).toBe(3)
    expect(log.error).toHaveBeenCalledTimes(1)
    expect(log.error).toHaveBeenCalledWith(expect.stringContaining('index_not_found'))

    clock += 60_000
    await engine.searchOffers(query('analyste'))
    expect(log.error).toHaveBeenCalledTimes(2)
  })

  it('answers from the embedded engine on an unexpected error, logs it, and a trial call that threw does not jam the breaker', async () => {
    primary.failWith = new SearchUnavailableError('connexion refusée')
    await engine.searchOffers(query('analyste'))

    // The half-open trial hits a bug in the adapter: the visitor still gets results, the log gets the error.
    clock += BREAKER_OPEN_MS
    primary.failWith = new TypeError('cannot read properties of undefined')
    const result = await engine.searchOffers(query('analyste'))
    expect(primary.calls).toBe(2)
    expect(result.total).toBe(1)
    expect(result.notices).toContain(FALLBACK_NOTICE)
    expect(log.error).toHaveBeenCalledWith(expect.stringContaining('erreur inattendue'), primary.failWith)

    // The breaker opened again rather than staying half-open: Meilisearch is tried again 30 s later.
    primary.failWith = null
    clock += BREAKER_OPEN_MS
    expect(await engine.searchOffers(query('analyste'))).toBe(primary.answer)
    expect(primary.calls).toBe(3)
  })

  it('falls back for candidate and offer matches too, and never fails the boot', async () => {
    primary.failWith = new SearchUnavailableError('connexion refusée')
    await expect(engine.warmUp()).resolves.toBeUndefined()
    const spy = vi.spyOn(embedded, 'candidatesForOffer')

    expect(await engine.candidatesForOffer(1, { limit: 5 })).toEqual([])
    expect(await engine.offersForCandidate(1, { limit: 5 })).toEqual([])
    expect(spy).toHaveBeenCalledTimes(1)
    // The breaker opened at warm-up: the matches did not even try Meilisearch.
    expect(primary.calls).toBe(1)
  })
})
