import type SQLite from 'better-sqlite3'
import { NOTICE } from '../notices.ts'
import { readSkillSpellings, Synonyms } from '../synonyms.ts'
import type { CandidateMatch, OfferMatch, OfferQuery, OfferSearchResult, SearchEngine } from '../types.ts'
import { tokenize } from '../text.ts'
import { Vocabulary } from '../vocabulary.ts'
import { collectCandidates, compileFilters, type Candidates } from './candidates.ts'
import { countFacets } from './facets.ts'
import { hydrateHits } from './hits.ts'
import { MatchRetriever } from './matching.ts'
import { OfferStore } from './offer-store.ts'
import { shortlistOffers } from './offer-shortlist.ts'
import { EARLY_STOP_VISITS, firstByRelevance, TierClassifier } from './relevance.ts'
import { readSnapshot, writeSnapshot } from './snapshot.ts'
import { RELAX_BELOW, TextMatcher, type Relaxation } from './text-match.ts'
import { planTextQuery, type Group, type TextPlan } from './text-query.ts'

const VOCABULARY_MAX_AGE_MS = 60_000
/** Text-less searches (home page, bare listing, a territory's link) kept per second while no offer changes. */
const RECENT_RESULTS = 64

/** The phases of one search, timed when a benchmark asks (bench/search.ts). */
export const SEARCH_PHASES = ['plan', 'match', 'filters', 'relaxation', 'facets', 'ranking', 'hydrate', 'correction'] as const
export type SearchPhase = (typeof SEARCH_PHASES)[number]

/**
 * The embedded engine: FTS5 (same SQLite file, same transactions) finds the
 * words; the in-memory OfferStore filters, counts facets and ranks.
 * docs/decisions/001-embedded-search.md explains the split.
 */
export class EmbeddedSearchEngine implements SearchEngine {
  readonly name = 'embedded' as const
  private store: OfferStore
  /** Where the memory came from at warm-up, and why not from the snapshot when it was not. */
  warmedFrom: { source: 'snapshot' | 'database'; reason?: string } | null = null
  /** Set by a benchmark: each search adds its milliseconds per phase here. Null (the default): nothing is timed. */
  phases: Record<SearchPhase, number> | null = null
  /** How far relevance ranking walks before classifying every result (relevance.ts); tests set 0 to take the other way. */
  earlyStopVisits = EARLY_STOP_VISITS
  private readonly matches: MatchRetriever
  private vocabulary: Vocabulary | null = null
  private vocabularyLoadedAt = 0
  private vocabularyStale = false
  private synonyms: Synonyms | null = null
  private recent = new Map<string, OfferSearchResult>()
  private recentSecond = -1
  private readonly text: TextMatcher
  private readonly offerTexts: SQLite.Statement<[string], string>
  private readonly communeCoordinates: SQLite.Statement<[string], { latitude: number | null; longitude: number | null }>
  /** Offers holding a word exactly (the FTS5 vocabulary), for the typo policy of text-query.ts. */
  private readonly exactOffers: SQLite.Statement<[string], { docs: number }>

  private readonly publishedCount: SQLite.Statement<[], number>

  /** snapshotFile: where the engine's memory is saved (search/embedded/snapshot.ts); none, every start reads the database. */
  constructor(private readonly sqlite: SQLite.Database, private readonly options: { snapshotFile?: string | null } = {}) {
    this.store = new OfferStore(sqlite)
    this.matches = new MatchRetriever(sqlite)
    this.text = new TextMatcher(sqlite, () => this.store)
    this.offerTexts = sqlite
      .prepare<[string], string>(
        `select o.title || ' ' || o.description_md || ' ' || coalesce(o.employer_name, c.name) from offers o join companies c on c.id = o.company_id
         where +o.status = 'published' and o.id in (select value from json_each(?))`, // `+`: by id, never the status index
      )
      .pluck()
    this.communeCoordinates = sqlite.prepare('select latitude, longitude from communes where insee = ?')
    this.exactOffers = sqlite.prepare('select doc as docs from offers_fts_vocab where term = ?')
    this.publishedCount = sqlite.prepare<[], number>("select count(*) from offers where status = 'published'").pluck()
  }

  /**
   * Loads the engine's memory: from the snapshot when there is a usable one
   * (then the outbox events since it are replayed, as between two
   * searches), otherwise from the database.
   */
  async warmUp(): Promise<void> {
    if (this.options.snapshotFile && this.warmedFrom === null) {
      const saved = readSnapshot(this.options.snapshotFile, this.sqlite)
      if ('unusable' in saved) this.warmedFrom = { source: 'database', reason: saved.unusable }
      else {
        this.store.restore(saved.store)
        this.vocabulary = Vocabulary.fromSnapshot(saved.vocabulary)
        this.vocabularyLoadedAt = Date.now()
        this.followWrites()
        // Too many changes since the snapshot (the store reloaded whole), or, a last guard, a
        // snapshot of another board that happens to share its outbox position: start afresh.
        if (this.vocabularyStale) {
          this.vocabulary = null
          this.warmedFrom = { source: 'database', reason: 'too many changes since' }
        } else if (this.store.liveCount() === this.publishedCount.get()) this.warmedFrom = { source: 'snapshot' }
        else {
          this.store = new OfferStore(this.sqlite)
          this.vocabulary = null
          this.warmedFrom = { source: 'database', reason: 'offers differ from the database' }
        }
      }
    }
    this.warmedFrom ??= { source: 'database' }
    this.followWrites()
    this.loadVocabulary()
    this.loadSynonyms()
    this.store.byDate()
    this.store.bySalary()
    this.store.byPlace()
  }

  /** Saves the engine's memory, up to date, to its snapshot file (when it has one). */
  saveSnapshot(): void {
    if (!this.options.snapshotFile) return
    this.followWrites()
    writeSnapshot(this.options.snapshotFile, this.sqlite, { store: this.store.toSnapshot(), vocabulary: this.loadVocabulary().toSnapshot() })
  }

  async candidatesForOffer(offerId: number, options: { limit: number; now?: Date }): Promise<CandidateMatch[]> {
    return this.matches.candidatesForOffer(offerId, options)
  }

  async offersForCandidate(userId: number, options: { limit: number; now?: Date }): Promise<OfferMatch[]> {
    this.followWrites()
    const now = options.now ?? new Date()
    return this.matches.offersForCandidate(userId, options, (profile, size) => shortlistOffers(this.store, profile, size, now))
  }

  /**
   * Everyone shares the few searches without words (the home page's, the
   * bare listing's): their result is kept within the same second, and
   * dropped at once when any offer changes, so a write shows immediately.
   */
  async searchOffers(query: OfferQuery, now = new Date()): Promise<OfferSearchResult> {
    const changed = this.followWrites()
    const second = Math.floor(now.getTime() / 1000)
    if (changed || second !== this.recentSecond) {
      this.recent.clear()
      this.recentSecond = second
    }
    const key = query.text ? null : JSON.stringify(query)
    const kept = key === null ? undefined : this.recent.get(key)
    if (kept) return { ...kept, notices: [...kept.notices] }
    const result = this.search(query, now)
    if (key !== null && this.recent.size < RECENT_RESULTS) this.recent.set(key, result)
    return key === null ? result : { ...result, notices: [...result.notices] }
  }

  private search(query: OfferQuery, now: Date): OfferSearchResult {
    const store = this.store
    const notices: string[] = []
    let lapStart = this.phases ? performance.now() : 0
    const lap = (phase: SearchPhase) => {
      if (!this.phases) return
      const at = performance.now()
      this.phases[phase] += at - lapStart
      lapStart = at
    }

    let plan: TextPlan | null = null
    let matched: Int32Array | null = null
    if (query.text) {
      plan = planTextQuery(query.text, this.loadSynonyms(), this.loadVocabulary(), (word) => this.exactOffers.get(word)?.docs ?? 0)
      if (plan.truncated) notices.push(NOTICE.wordsTruncated)
      if (plan.groups.length === 0) {
        notices.push(NOTICE.noUsableWord)
        plan = null
      } else {
        lap('plan')
        matched = this.text.slots(plan.groups, true)
      }
    }
    lap('match')

    let center: { latitude: number; longitude: number } | null = null
    if (query.near) {
      const c = this.communeCoordinates.get(query.near.insee)
      if (c?.latitude != null && c.longitude != null) center = { latitude: c.latitude, longitude: c.longitude }
      else notices.push(NOTICE.unknownCommune)
    }

    const filters = compileFilters(store, query, now.getTime(), center)
    let candidates = collectCandidates(store, filters, matched)
    let results = resultsOf(candidates)
    lap('filters')

    let sort = query.sort
    if (sort === 'distance' && !center) {
      notices.push(NOTICE.distanceNeedsCommune)
      sort = 'date'
    }
    if (sort === 'relevance' && !plan) sort = 'date'

    // Too few offers hold every word: the rarer words decide (decision 001, "Relaxation"); a query
    // written in a search syntax ("title:web") asks for every word it holds.
    let relaxation: Relaxation | null = null
    if (plan && !plan.syntax && sort === 'relevance' && results.length < RELAX_BELOW) {
      relaxation = this.text.relax(plan.groups, matched!)
      if (relaxation) {
        // The offers the last level's words match, as relax() found them.
        const relaxed = collectCandidates(store, filters, relaxation.lastSlots)
        const relaxedResults = resultsOf(relaxed)
        if (relaxedResults.length > results.length) {
          candidates = relaxed
          results = relaxedResults
          notices.push(NOTICE.relaxed(RELAX_BELOW))
        } else relaxation = null
      }
    }
    lap('relaxation')
    const facets = countFacets(store, candidates, query, now.getTime(), center !== null)
    lap('facets')

    const pageCount = Math.max(1, Math.ceil(results.length / query.perPage))
    if (query.page > pageCount && results.length > 0) notices.push(NOTICE.pageBeyondLast(query.page))
    const page = Math.min(query.page, pageCount)
    const onPage = this.order(results, candidates, sort, plan, relaxation, page * query.perPage).slice((page - 1) * query.perPage)

    lap('ranking')
    const ids = onPage.map((slot) => store.ids[slot]!)
    const distanceById = new Map<number, number>()
    if (candidates.placeDistance) for (const slot of onPage) distanceById.set(store.ids[slot]!, candidates.placeDistance[store.place[slot]!]!)
    const correction = plan ? this.text.correctedText(plan) : null
    lap('correction')
    const hits = hydrateHits(this.sqlite, ids).map((hit) => {
      const km = distanceById.get(hit.id)
      return { ...hit, distanceKm: km === undefined || Number.isNaN(km) ? null : Math.round(km * 10) / 10 }
    })
    lap('hydrate')
    return {
      total: results.length,
      page,
      pageCount,
      hits,
      facets,
      sort,
      notices,
      ...(correction ? { correction } : {}),
    }
  }

  /**
   * The slots of the first `wanted` results in sort order. Date and salary
   * walk the store's presorted orders and stop once the page is full; so
   * does relevance, whose tiers are all newest-first: it stops as soon as the
   * best tier alone fills the page. A relaxed query ranks the offers holding
   * every word first, then those lacking only the most frequent one, and so on.
   */
  private order(results: Int32Array, c: Candidates, sort: OfferQuery['sort'], plan: TextPlan | null, relaxation: Relaxation | null, wanted: number): number[] {
    const store = this.store
    const isResult = new Uint8Array(store.length)
    for (const i of results) isResult[c.slots[i]!] = 1
    const walk = sort === 'salary' ? store.bySalary() : store.byDate()
    if (sort === 'distance' && c.placeDistance) return nearestFirst(store.byPlace(), isResult, c.placeDistance, wanted)
    if (sort !== 'relevance' || !plan) {
      const page: number[] = []
      for (let k = 0; k < walk.length && page.length < wanted; k++) if (isResult[walk[k]!]) page.push(walk[k]!)
      return page
    }
    if (!relaxation) return this.byTiers(walk, isResult, plan.groups, wanted)
    const page: number[] = []
    for (let level = 0; level < relaxation.levels.length && page.length < wanted; level++) {
      const atLevel = new Uint8Array(store.length)
      for (let slot = 0; slot < store.length; slot++) if (isResult[slot] && relaxation.levelOf[slot] === level) atLevel[slot] = 1
      page.push(...this.byTiers(walk, atLevel, relaxation.levels[level]!, wanted - page.length))
    }
    return page
  }

  /** The first `wanted` of the results by relevance tier (relevance.ts), walking them newest first. */
  private byTiers(walk: Int32Array, isResult: Uint8Array, groups: Group[], wanted: number): number[] {
    const store = this.store
    const tiers = new TierClassifier(store, groups)
    return firstByRelevance({
      walk, isResult, tiers, wanted,
      // Nothing matches without a typo ("devlopeur"): typo tiers are the best there is.
      noExact: tiers.hasTypos && !this.text.some(groups, false),
      exactSomewhere: () => {
        const exactSomewhere = new Uint8Array(tiers.hasTypos ? store.length : 0)
        if (tiers.hasTypos) for (const slot of this.text.slots(groups, false)) exactSomewhere[slot] = 1
        return exactSomewhere
      },
    }, this.earlyStopVisits)
  }

  /**
   * Brings the store up to date. The words of offers just written join the
   * typo vocabulary at once; after a full rebuild the vocabulary is reloaded
   * (at most once a minute, since it reads the whole index).
   */
  private followWrites(): boolean {
    const changed = this.store.refresh()
    if (changed !== null) this.matches.offersWritten(changed)
    if (changed === 'all') this.vocabularyStale = true
    else if (changed && this.vocabulary) {
      const texts = this.offerTexts.all(JSON.stringify(changed))
      for (const text of texts) this.vocabulary.add(tokenize(text))
    }
    if (this.vocabularyStale && Date.now() - this.vocabularyLoadedAt > VOCABULARY_MAX_AGE_MS) this.vocabulary = null
    // Whoever notices a change (a search, "offers for you"), the kept text-less results go.
    if (changed !== null) this.recent.clear()
    return changed !== null
  }

  private loadVocabulary(): Vocabulary {
    if (!this.vocabulary) {
      const rows = this.sqlite.prepare<[], { term: string; docs: number }>('select term, doc as docs from offers_fts_vocab').all()
      this.vocabulary = new Vocabulary(rows)
      this.vocabularyLoadedAt = Date.now()
      this.vocabularyStale = false
    }
    return this.vocabulary
  }

  private loadSynonyms(): Synonyms {
    this.synonyms ??= new Synonyms(readSkillSpellings(this.sqlite))
    return this.synonyms
  }
}

/**
 * Results by distance, newest first at equal distance. Offers share a few
 * dozen places: the places are read nearest first, each newest first, until
 * the page is full.
 */
function nearestFirst(byPlace: Int32Array[], isResult: Uint8Array, placeDistance: Float64Array, wanted: number): number[] {
  const distance = (place: number) => (Number.isNaN(placeDistance[place]!) ? Infinity : placeDistance[place]!)
  const places = byPlace.map((_, place) => place).sort((a, b) => distance(a) - distance(b) || a - b)
  const page: number[] = []
  for (const place of places) {
    for (const slot of byPlace[place]!) {
      if (page.length === wanted) return page
      if (isResult[slot]) page.push(slot)
    }
  }
  return page
}

/** Indexes of the candidates that fail no filter. */
function resultsOf(c: Candidates): Int32Array {
  const results = new Int32Array(c.count)
  let n = 0
  for (let i = 0; i < c.count; i++) if (c.failedMask[i] === 0) results[n++] = i
  return results.subarray(0, n)
}
