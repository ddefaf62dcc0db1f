import type SQLite from 'better-sqlite3'
import { distanceKm } from '../geo.ts'
import { Synonyms, type SkillSpellings } from '../synonyms.ts'
import { topK } from '../top-k.ts'
import {
  FACETS,
  POSTED_WITHIN_DAYS,
  RADIUS_STEPS_KM,
  SALARY_THRESHOLDS,
  type FacetName,
  type FacetValue,
  type OfferHit,
  type OfferQuery,
  type OfferSearchResult,
  type SearchEngine,
} from '../types.ts'
import { Vocabulary } from '../vocabulary.ts'
import { OfferStore, type StoredOffer } from './offer-store.ts'
import { planTextQuery } from './text-query.ts'
import { hydrateHits } from './hits.ts'

const DAY_MS = 86_400_000
// bm25 weights of the columns title, skills, company, description.
const BM25 = 'bm25(offers_fts, 10.0, 5.0, 3.0, 1.0)'
const VOCABULARY_MAX_AGE_MS = 60_000
const LISTED_FACET_VALUES = 30

type Candidate = { offer: StoredOffer; score: number; exact: boolean; distance: number | null; failed: number }

/** Bit of each filter in a candidate's `failed` mask. */
const BIT = Object.fromEntries(FACETS.map((f, i) => [f, 1 << i])) as Record<FacetName, number>

/**
 * The embedded engine: FTS5 (same SQLite file, same transactions) finds and
 * ranks the words; the in-memory OfferStore filters, counts facets and sorts.
 */
export class EmbeddedSearchEngine implements SearchEngine {
  readonly name = 'embedded' as const
  private readonly store: OfferStore
  private vocabulary: Vocabulary | null = null
  private vocabularyLoadedAt = 0
  private synonyms: Synonyms | null = null
  private readonly communeCoordinates: SQLite.Statement<[string], { latitude: number | null; longitude: number | null }>

  constructor(private readonly sqlite: SQLite.Database) {
    this.store = new OfferStore(sqlite)
    this.communeCoordinates = sqlite.prepare('select latitude, longitude from communes where insee = ?')
  }

  async searchOffers(query: OfferQuery, now = new Date()): Promise<OfferSearchResult> {
    if (this.store.refresh() && Date.now() - this.vocabularyLoadedAt > VOCABULARY_MAX_AGE_MS) this.vocabulary = null
    const notices: string[] = []
    const nowMs = now.getTime()

    let scores: Map<number, number> | null = null
    let exactIds: Set<number> | null = null
    if (query.text) {
      const plan = planTextQuery(query.text, this.loadSynonyms(), this.loadVocabulary())
      if (plan.truncated) notices.push('Seuls les 10 premiers mots de la recherche sont pris en compte.')
      if (plan.expression === null) {
        notices.push('Votre recherche ne contient aucun mot exploitable : toutes les offres sont affichées.')
      } else {
        scores = this.match(plan.expression)
        if (plan.exactExpression) exactIds = new Set(this.match(plan.exactExpression).keys())
      }
    }

    let center: { latitude: number; longitude: number } | null = null
    if (query.near) {
      const coordinates = this.communeCoordinates.get(query.near.insee)
      if (coordinates?.latitude != null && coordinates.longitude != null) {
        center = { latitude: coordinates.latitude, longitude: coordinates.longitude }
      } else {
        notices.push('Commune inconnue ou non localisée : la recherche autour d’une commune est ignorée.')
      }
    }
    const radiusKm = center && query.near ? query.near.radiusKm : null

    const contracts = new Set(query.contracts)
    const remote = new Set(query.remote)
    const territories = new Set(query.territories)
    const experience = new Set(query.experience)
    const companies = new Set(query.companies)
    const postedAfter = query.postedWithinDays ? nowMs - query.postedWithinDays * DAY_MS : null

    const candidates: Candidate[] = []
    const consider = (offer: StoredOffer, score: number) => {
      if (offer.expiresAt <= nowMs || offer.publishedAt > nowMs) return
      const distance =
        center && offer.latitude != null && offer.longitude != null
          ? distanceKm(center.latitude, center.longitude, offer.latitude, offer.longitude)
          : null
      let failed = 0
      if (contracts.size && !contracts.has(offer.contract)) failed |= BIT.contract
      if (remote.size && !remote.has(offer.remote)) failed |= BIT.remote
      if (territories.size && !(offer.territorySlug && territories.has(offer.territorySlug))) failed |= BIT.territory
      if (experience.size && !experience.has(offer.experience)) failed |= BIT.experience
      if (companies.size && !companies.has(offer.companySlug)) failed |= BIT.company
      if (query.skills.length && !query.skills.every((s) => offer.skills.includes(s))) failed |= BIT.skill
      if (postedAfter !== null && offer.publishedAt < postedAfter) failed |= BIT.postedWithin
      if (query.salaryMin !== null && !(offer.salaryMaxYearly !== null && offer.salaryMaxYearly >= query.salaryMin)) {
        failed |= BIT.salaryMin
      }
      if (radiusKm !== null && !(distance !== null && distance <= radiusKm)) failed |= BIT.radius
      candidates.push({ offer, score, exact: exactIds ? exactIds.has(offer.id) : true, distance, failed })
    }
    if (scores) {
      for (const [id, score] of scores) {
        const offer = this.store.get(id)
        if (offer) consider(offer, score)
      }
    } else {
      for (const offer of this.store.all()) consider(offer, 0)
    }

    const facets = countFacets(candidates, query, nowMs, center !== null)
    const matching = candidates.filter((c) => c.failed === 0)

    let sort = query.sort
    if (sort === 'distance' && !center) {
      notices.push('Le tri par distance demande une commune : tri par date.')
      sort = 'date'
    }
    if (sort === 'relevance' && !scores) sort = 'date'
    const pageCount = Math.max(1, Math.ceil(matching.length / query.perPage))
    if (query.page > pageCount && matching.length > 0) notices.push(`La page ${query.page} n’existe pas : dernière page affichée.`)
    const page = Math.min(query.page, pageCount)
    const top = topK(matching, page * query.perPage, COMPARATORS[sort])
    const pageItems = top.slice((page - 1) * query.perPage)

    const hits = hydrateHits(this.sqlite, pageItems.map((c) => c.offer.id))
    const distances = new Map(pageItems.map((c) => [c.offer.id, c.distance]))
    return {
      total: matching.length,
      page,
      pageCount,
      hits: hits.map((hit): OfferHit => ({ ...hit, distanceKm: roundKm(distances.get(hit.id) ?? null) })),
      facets,
      sort,
      notices,
    }
  }

  private match(expression: string): Map<number, number> {
    const statement = this.sqlite.prepare<[string], { rowid: number; score: number }>(
      `select rowid, ${BM25} as score from offers_fts where offers_fts match ?`,
    )
    const scores = new Map<number, number>()
    for (const row of statement.iterate(expression)) scores.set(row.rowid, row.score)
    return scores
  }

  private loadVocabulary(): Vocabulary {
    if (!this.vocabulary) {
      const rows = this.sqlite.prepare<[], { term: string; docs: number }>('select term, doc as docs from offers_fts_vocab').all()
      this.vocabulary = new Vocabulary(rows)
      this.vocabularyLoadedAt = Date.now()
    }
    return this.vocabulary
  }

  private loadSynonyms(): Synonyms {
    if (!this.synonyms) {
      const rows = this.sqlite
        .prepare<[], { slug: string; name: string; aliases: string | null }>(
          `select s.slug, s.name, (select json_group_array(alias) from skill_aliases a where a.skill_id = s.id) as aliases
           from skills s`,
        )
        .all()
      const skills: SkillSpellings[] = rows.map((r) => ({ slug: r.slug, name: r.name, aliases: JSON.parse(r.aliases ?? '[]') }))
      this.synonyms = new Synonyms(skills)
    }
    return this.synonyms
  }
}

const byDate = (a: Candidate, b: Candidate) => b.offer.publishedAt - a.offer.publishedAt || b.offer.id - a.offer.id
const COMPARATORS: Record<OfferQuery['sort'], (a: Candidate, b: Candidate) => number> = {
  // Exact words before typo corrections, then bm25 (lower is better), then newest.
  relevance: (a, b) => Number(b.exact) - Number(a.exact) || a.score - b.score || byDate(a, b),
  date: byDate,
  distance: (a, b) => (a.distance ?? Infinity) - (b.distance ?? Infinity) || byDate(a, b),
  salary: (a, b) => (b.offer.salaryMaxYearly ?? -1) - (a.offer.salaryMaxYearly ?? -1) || byDate(a, b),
}

function roundKm(km: number | null): number | null {
  return km === null ? null : Math.round(km * 10) / 10
}

/**
 * Facet counts, each honouring every other active filter: a candidate counts
 * for facet F when it fails no filter but (possibly) F itself. Skills are an
 * AND filter, so their counts honour the selected skills too.
 */
function countFacets(candidates: Candidate[], query: OfferQuery, nowMs: number, hasCenter: boolean) {
  const counters = Object.fromEntries(FACETS.map((f) => [f, new Map<string, number>()])) as Record<
    FacetName,
    Map<string, number>
  >
  const add = (facet: FacetName, value: string) => counters[facet].set(value, (counters[facet].get(value) ?? 0) + 1)
  const passesAllBut = (c: Candidate, facet: FacetName) => (c.failed & ~BIT[facet]) === 0

  for (const c of candidates) {
    const o = c.offer
    if (c.failed === 0) for (const skill of o.skills) add('skill', skill)
    if (passesAllBut(c, 'contract')) add('contract', o.contract)
    if (passesAllBut(c, 'remote')) add('remote', o.remote)
    if (passesAllBut(c, 'territory') && o.territorySlug) add('territory', o.territorySlug)
    if (passesAllBut(c, 'experience')) add('experience', o.experience)
    if (passesAllBut(c, 'company')) add('company', o.companySlug)
    if (passesAllBut(c, 'postedWithin')) {
      for (const days of POSTED_WITHIN_DAYS) if (o.publishedAt >= nowMs - days * DAY_MS) add('postedWithin', String(days))
    }
    if (passesAllBut(c, 'salaryMin') && o.salaryMaxYearly !== null) {
      for (const threshold of SALARY_THRESHOLDS) if (o.salaryMaxYearly >= threshold) add('salaryMin', String(threshold))
    }
    if (hasCenter && passesAllBut(c, 'radius') && c.distance !== null) {
      for (const step of RADIUS_STEPS_KM) if (c.distance <= step) add('radius', String(step))
    }
  }

  const selected: Partial<Record<FacetName, string[]>> = { skill: query.skills, company: query.companies }
  const facets = {} as Record<FacetName, FacetValue[]>
  for (const facet of FACETS) {
    const values = [...counters[facet]].map(([value, count]) => ({ value, count }))
    const ordered = ['postedWithin', 'salaryMin', 'radius'].includes(facet)
      ? values.sort((a, b) => Number(a.value) - Number(b.value))
      : values.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
    const listed = ordered.slice(0, LISTED_FACET_VALUES)
    for (const value of selected[facet] ?? []) {
      if (!listed.some((v) => v.value === value)) listed.push({ value, count: counters[facet].get(value) ?? 0 })
    }
    facets[facet] = listed
  }
  return facets
}
