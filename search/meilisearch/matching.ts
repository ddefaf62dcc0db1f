import type SQLite from 'better-sqlite3'
import type { MultiSearchQuery } from 'meilisearch'
import { MatchFacts } from '../embedded/match-facts.ts'
import { rankCandidates, rankOffers, shortlistSize, skillsSought, withRelatedSkills } from '../match-shortlist.ts'
import type { Place } from '../matching/score.ts'
import { DISTANCE_ZERO_AT, HYBRID_RADIUS_FACTOR, MIN_RADIUS_KM } from '../matching/weights.ts'
import type { CandidateMatch, OfferMatch } from '../types.ts'
import type { Connection } from './client.ts'
import { shownOfferIds } from './documents.ts'
import { assertNotDegraded, meili } from './errors.ts'
import { anyOf, equals, visibleAt, withinKm, type FilterClause } from './filters.ts'

/** Skills that each get a shortlist of their own (the offer's required ones, the candidate's best). */
const LEAD_SKILLS = 3
/**
 * Hits kept from the queries for holders of every required skill and of each
 * lead skill: every holder within reach on the generated forum (at most 460
 * of 2,000 graduates for one offer), measured by bench/meilisearch-shortlist.ts.
 * The query for any wanted skill keeps shortlistSize(limit). Also the profile
 * index's default `maxTotalHits`: going higher needs its pagination setting.
 */
export const STRONG_SHORTLIST = 1000
/** Mobility radii (km) the profile filter tells apart; a profile is kept within the radius of its band's top. */
const MOBILITY_BANDS = [5, 10, 20, 30, 50, 80, 100, 150, 200]

/**
 * "Candidates for this offer" and "offers for this candidate" from
 * Meilisearch: a shortlist by skills (every skill wanted, and its related
 * ones) among those within useful distance, then the embedded engine's
 * re-ranking by the scorer (search/match-shortlist.ts). The shortlist is one
 * multi-search request of filters only, no query words: for an offer, the
 * profiles holding every required skill (the strong candidates), then per
 * lead skill the documents holding it, then any document holding a wanted or
 * related skill. No text ranking decides who is kept: Meilisearch's words
 * rule with `matchingStrategy: 'last'` ranks by the leading run of skills
 * held, not by how many (docs/decisions/004). bench/meilisearch-shortlist.ts
 * measures the limits on the generated forum against the embedded engine.
 */
export class MeilisearchMatches {
  private readonly facts: MatchFacts
  private readonly isPublished: SQLite.Statement<[number], number>

  constructor(
    private readonly connection: Connection,
    private readonly sqlite: SQLite.Database,
  ) {
    this.facts = new MatchFacts(sqlite)
    this.isPublished = sqlite.prepare<[number], number>("select 1 from offers where id = ? and status = 'published'").pluck()
  }

  async candidatesForOffer(offerId: number, { limit, now = new Date() }: { limit: number; now?: Date }): Promise<CandidateMatch[]> {
    const offer = this.isPublished.get(offerId) ? this.facts.offersById([offerId]).get(offerId) : undefined
    if (!offer) return []
    const sought = skillsSought(offer)
    if (sought.length === 0) return []
    const reach = offer.remotePolicy === 'full_remote' || !offer.place ? [] : [profilesReaching(offer.place, offer.remotePolicy === 'hybrid')]
    const plan = shortlistPlan(sought, reach)
    // The last query (any wanted or related skill) is the wide net; the others keep every strong candidate.
    const ids = await this.shortlist(this.connection.liveUid.profile, plan.map((filter, k) => ({ filter, limit: k < plan.length - 1 ? STRONG_SHORTLIST : shortlistSize(limit) })))
    return rankCandidates(offer, ids, this.facts.profilesById(ids), { limit, now })
  }

  async offersForCandidate(userId: number, { limit, now = new Date() }: { limit: number; now?: Date }): Promise<OfferMatch[]> {
    // Any visibility: candidates see their own matches, private or not.
    const profile = this.facts.profilesById([userId]).get(userId)
    if (!profile) return []
    const held = [...profile.skills].sort((a, b) => b.level - a.level || (a.slug < b.slug ? -1 : 1)).map((s) => s.slug)
    const wanted = withRelatedSkills(held)
    if (wanted.length === 0) return []
    const reach = profile.place && !profile.anywhereInFrance ? [offersReaching(profile.place, profile.mobilityKm)] : []
    const within = (skills: FilterClause) => [...visibleAt(now), skills, ...reach]
    const plan = [...held.slice(0, LEAD_SKILLS).map((lead) => within(equals('skills', lead))), within(anyOf('skills', wanted))]
    // Newest first among holders, as the embedded engine breaks its ties.
    const ids = await this.shortlist(this.connection.liveUid.offer, plan.map((filter) => ({ filter, limit: shortlistSize(limit) })), ['publishedAtMs:desc'])
    // The index may lag behind the outbox: what the database no longer shows is never suggested.
    const stillShown = shownOfferIds(this.sqlite, ids, now)
    const shown = ids.filter((id) => stillShown.has(id))
    return rankOffers(profile, shown, this.facts.offersById(shown), { limit, now })
  }

  /** One multi-search, one filter-only query per step of the plan; their union, in order. */
  private async shortlist(indexUid: string, plan: { filter: FilterClause[]; limit: number }[], sort?: string[]): Promise<number[]> {
    const queries: MultiSearchQuery[] = plan.map(({ filter, limit }) => ({ indexUid, q: '', filter, limit, attributesToRetrieve: ['id'], ...(sort ? { sort } : {}) }))
    const { results } = await meili(() => this.connection.client.multiSearch<{ queries: MultiSearchQuery[] }, { id: number }>({ queries }))
    // An unranked (degraded) answer may miss holders: the fallback answers instead.
    assertNotDegraded(results)
    return [...new Set(results.flatMap((r) => r.hits.map((h) => h.id)))]
  }
}

/**
 * The filters of "candidates for this offer", in order: holders of every
 * required skill (or of every skill when none is required), holders of each
 * lead skill, then holders of any wanted or related skill; all within reach.
 */
export function shortlistPlan(skills: readonly { slug: string; required: boolean }[], reach: FilterClause[]): FilterClause[][] {
  const required = skills.filter((s) => s.required).map((s) => s.slug)
  const core = required.length ? required : skills.map((s) => s.slug)
  const wanted = withRelatedSkills([...required, ...skills.filter((s) => !s.required).map((s) => s.slug)])
  return [
    [...core.map((slug) => equals('skills', slug)), ...reach],
    ...(core.length > 1 ? core.slice(0, LEAD_SKILLS).map((lead) => [equals('skills', lead), ...reach]) : []),
    [anyOf('skills', wanted), ...reach],
  ]
}

/** Profiles that could reach the offer's place: the scorer's zero-credit distance, per mobility band. */
function profilesReaching(place: Place, hybrid: boolean): FilterClause {
  const radius = (mobilityKm: number) => Math.max(MIN_RADIUS_KM, mobilityKm) * (hybrid ? HYBRID_RADIUS_FACTOR : 1) * DISTANCE_ZERO_AT
  const center = { latitude: place.latitude, longitude: place.longitude }
  const bands = MOBILITY_BANDS.map((top, k) => {
    const floor = k === 0 ? '' : `mobilityKm > ${MOBILITY_BANDS[k - 1]} AND `
    return `${floor}mobilityKm <= ${top} AND ${withinKm(center, radius(top))}`
  })
  // Unknown places are never filtered out, nor radii beyond the last band.
  return ['located = false', ...bands, `mobilityKm > ${MOBILITY_BANDS.at(-1)}`]
}

/** Offers the candidate could reach: full remote anywhere, hybrid within a stretched radius. */
function offersReaching(place: Place, mobilityKm: number): FilterClause {
  const radius = Math.max(MIN_RADIUS_KM, mobilityKm) * DISTANCE_ZERO_AT
  const center = { latitude: place.latitude, longitude: place.longitude }
  return [
    'located = false',
    equals('remotePolicy', 'full_remote'),
    `${equals('remotePolicy', 'on_site')} AND ${withinKm(center, radius)}`,
    `${equals('remotePolicy', 'hybrid')} AND ${withinKm(center, radius * HYBRID_RADIUS_FACTOR)}`,
  ]
}
