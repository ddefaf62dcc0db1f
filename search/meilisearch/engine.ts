import type SQLite from 'better-sqlite3'
import type { MultiSearchQuery } from 'meilisearch'
import { SearchUnavailableError } from '../errors.ts'
import { distanceKm } from '../geo.ts'
import { hydrateHits } from '../embedded/hits.ts'
import { NOTICE } from '../notices.ts'
import type { CandidateMatch, OfferMatch, OfferQuery, OfferSearchResult, OfferSort, SearchEngine } from '../types.ts'
import type { Connection } from './client.ts'
import { shownOfferIds } from './documents.ts'
import { assertNotDegraded, meili } from './errors.ts'
import { MAIN_QUERY_FACETS, facetProbes, facetsFromAnswers } from './facets.ts'
import { combine, offerFilters, literal, type Center } from './filters.ts'
import { MeilisearchMatches } from './matching.ts'
import { queryText, withoutWords, wordQueries } from './query-text.ts'
import { RELAX_BELOW } from '../embedded/text-match.ts'

type Hit = { id: number; _geo?: { lat: number; lng: number } }

/** What users search: skillTokens is the match shortlists' own attribute. */
const SEARCHED_ATTRIBUTES = ['title', 'skillsAndCompany', 'description']

/**
 * The same search as the embedded engine, answered by Meilisearch: one
 * multi-search request per search (the page, plus the facet counts), and a
 * second one only when the page asked for is past the last. Hits are
 * displayed from the database, which has the last word on what is shown.
 */
export class MeilisearchEngine implements SearchEngine {
  readonly name = 'meilisearch' as const
  private readonly matches: MeilisearchMatches
  private readonly communeCoordinates: SQLite.Statement<[string], { latitude: number | null; longitude: number | null }>

  constructor(
    private readonly connection: Connection,
    private readonly sqlite: SQLite.Database,
  ) {
    this.matches = new MeilisearchMatches(connection, sqlite)
    this.communeCoordinates = sqlite.prepare('select latitude, longitude from communes where insee = ?')
  }

  /** Nothing to load: the index lives in Meilisearch. */
  async warmUp(): Promise<void> {}

  candidatesForOffer(offerId: number, options: { limit: number; now?: Date }): Promise<CandidateMatch[]> {
    return this.matches.candidatesForOffer(offerId, options)
  }

  offersForCandidate(userId: number, options: { limit: number; now?: Date }): Promise<OfferMatch[]> {
    return this.matches.offersForCandidate(userId, options)
  }

  async searchOffers(query: OfferQuery, now = new Date()): Promise<OfferSearchResult> {
    const notices: string[] = []
    const text = queryText(query.text)
    if (text.truncated) notices.push(NOTICE.wordsTruncated)
    if (query.text && !text.q) notices.push(NOTICE.noUsableWord)

    let center: Center | null = null
    if (query.near) {
      const c = this.communeCoordinates.get(query.near.insee)
      if (c?.latitude != null && c.longitude != null) center = { latitude: c.latitude, longitude: c.longitude }
      else notices.push(NOTICE.unknownCommune)
    }
    let sort = query.sort
    if (sort === 'distance' && !center) {
      notices.push(NOTICE.distanceNeedsCommune)
      sort = 'date'
    }
    if (sort === 'relevance' && !text.q) sort = 'date'

    const indexUid = this.connection.liveUid.offer
    const filters = offerFilters(query, now, center)
    const probes = facetProbes(filters, now, center)
    const client = this.connection.client
    const search = async (matchingStrategy: 'all' | 'frequency', q = text.q) => {
      const base = { indexUid, q, matchingStrategy, attributesToSearchOn: SEARCHED_ATTRIBUTES }
      const pageQuery = (page: number): MultiSearchQuery => ({
        ...base,
        filter: combine(filters),
        sort: sortParameter(sort, center),
        facets: MAIN_QUERY_FACETS,
        page,
        hitsPerPage: query.perPage,
        attributesToRetrieve: ['id', '_geo'],
      })
      const queries = [
        pageQuery(query.page),
        ...probes.map((p) => ({ ...base, filter: p.filter, facets: 'attribute' in p ? [p.attribute] : [], page: 1, hitsPerPage: 0 })),
      ]
      const { results } = await meili(() => client.multiSearch<{ queries: MultiSearchQuery[] }, Hit>({ queries }))
      const [main, ...answers] = results
      if (!main) throw new SearchUnavailableError('Meilisearch answered a multi-search without its results')
      assertNotDegraded(results)
      return { main, answers, pageQuery }
    }

    let answer = await search('all')
    // Too few offers hold every word: Meilisearch's "frequency" strategy, as the embedded engine relaxes (decision 004);
    // a query written in a search syntax ("title:web") asks for every word it holds.
    if (sort === 'relevance' && !text.syntax && text.q.trim().split(' ').length > 1 && (answer.main.totalHits ?? 0) < RELAX_BELOW) {
      // None holds every word: a word no offer holds at all may be why; it goes first, as in the embedded engine.
      const q = answer.main.totalHits ? text.q : await this.withoutUnheldWords(indexUid, text.q)
      const relaxed = await search('frequency', q)
      if ((relaxed.main.totalHits ?? 0) > (answer.main.totalHits ?? 0)) {
        answer = relaxed
        notices.push(NOTICE.relaxed(RELAX_BELOW))
      }
    }
    const { main, answers, pageQuery } = answer

    const total = main.totalHits ?? 0
    const pageCount = Math.max(1, Math.ceil(total / query.perPage))
    const page = Math.min(query.page, pageCount)
    let hits = main.hits
    if (query.page > pageCount && total > 0) {
      notices.push(NOTICE.pageBeyondLast(query.page))
      const last = await meili(() => client.multiSearch<{ queries: MultiSearchQuery[] }, Hit>({ queries: [pageQuery(page)] }))
      assertNotDegraded(last.results)
      hits = last.results[0]?.hits ?? []
    }

    const shown = shownOfferIds(this.sqlite, hits.map((h) => h.id), now)
    const geoById = new Map(hits.map((h) => [h.id, h._geo]))
    return {
      total,
      page,
      pageCount,
      hits: hydrateHits(this.sqlite, hits.flatMap((h) => (shown.has(h.id) ? [h.id] : []))).map((hit) => {
        const geo = geoById.get(hit.id)
        const km = center && geo ? distanceKm(center.latitude, center.longitude, geo.lat, geo.lng) : null
        return { ...hit, distanceKm: km === null ? null : Math.round(km * 10) / 10 }
      }),
      facets: facetsFromAnswers(query, main, probes, answers),
      sort,
      notices,
    }
  }

  /**
   * `q` without the words no offer holds (each word counted alone, unfiltered, as the embedded engine
   * counts them), unless every word is one: Meilisearch's "frequency" strategy would keep such a word,
   * the rarest, to the end and find nothing ("product ower").
   */
  private async withoutUnheldWords(indexUid: string, q: string): Promise<string> {
    const words = wordQueries(q)
    const queries = words.map((w) => ({ indexUid, q: w, matchingStrategy: 'all' as const, attributesToSearchOn: SEARCHED_ATTRIBUTES, page: 1, hitsPerPage: 0 }))
    const { results } = await meili(() => this.connection.client.multiSearch<{ queries: MultiSearchQuery[] }, Hit>({ queries }))
    assertNotDegraded(results)
    const unheld = new Set(words.flatMap((_, i) => (results[i]?.totalHits ? [] : [i])))
    return unheld.size === 0 || unheld.size === words.length ? q : withoutWords(q, unheld)
  }
}

/** Newest first breaks every tie, then the highest id, as in the embedded engine. */
function sortParameter(sort: OfferSort, center: Center | null): string[] | undefined {
  const newest = ['publishedAtMs:desc', 'id:desc']
  switch (sort) {
    case 'relevance':
      return undefined // the ranking rules, which end with newest first
    case 'date':
      return newest
    case 'salary':
      return ['yearlySalary:desc', ...newest] // offers without salary come last
    case 'distance':
      return center ? [`_geoPoint(${literal(center.latitude, 6)}, ${literal(center.longitude, 6)}):asc`, ...newest] : newest
  }
}
