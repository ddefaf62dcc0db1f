import type SQLite from 'better-sqlite3'
import type { MultiSearchQuery } from 'meilisearch'
import { MatchFacts } from '../embedded/match-facts.ts'
import { rankCandidates, rankOffers, shortlistSize, withRelatedSkills } from '../match-shortlist.ts'
import type { Place } from '../matching/score.ts'
import { DISTANCE_ZERO_AT, HYBRID_RADIUS_FACTOR, MIN_RADIUS_KM } from '../matching/weights.ts'
import { MAX_QUERY_WORDS } from '../text.ts'
import type { CandidateMatch, OfferMatch } from '../types.ts'
import type { Connection } from './client.ts'
import { shownOfferIds, skillToken } from './documents.ts'
import { meili } from './errors.ts'
import { anyOf, equals, visibleAt, withinKm, type FilterClause } from './filters.ts'

/** Skills that each get a ranked shortlist of their own (the offer's required ones, the candidate's best). */
const LEAD_SKILLS = 3
/** Mobility radii (km) the profile filter tells apart; a profile is kept within the radius of its band's top. */
const MOBILITY_BANDS = [5, 10, 20, 30, 50, 80, 100, 150, 200]

/**
 * "Candidates for this offer" and "offers for this candidate" from
 * Meilisearch: a shortlist by skills (every skill wanted, and its related
 * ones) among those within useful distance, then the embedded engine's
 * re-ranking by the scorer (search/match-shortlist.ts). The shortlist is one
 * multi-search request: per lead skill, the documents holding it ranked by
 * how many other wanted skills they hold (matching strategy `last`), then
 * any other document holding a wanted skill.
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
    const required = offer.skills.filter((s) => s.required).map((s) => s.slug)
    const wanted = withRelatedSkills([...required, ...offer.skills.filter((s) => !s.required).map((s) => s.slug)])
    if (wanted.length === 0) return []
    const reach = offer.remotePolicy === 'full_remote' || !offer.place ? [] : [profilesReaching(offer.place, offer.remotePolicy === 'hybrid')]
    const ids = await this.shortlist(this.connection.liveUid.profile, {
      tokens: wanted.map(skillToken),
      leads: (required.length ? required : wanted).slice(0, LEAD_SKILLS).map(skillToken),
      filter: [anyOf('skills', wanted), ...reach],
      size: shortlistSize(limit),
    })
    return rankCandidates(offer, ids, this.facts.profilesById(ids), { limit, now })
  }

  async offersForCandidate(userId: number, { limit, now = new Date() }: { limit: number; now?: Date }): Promise<OfferMatch[]> {
    // Any visibility: candidates see their own matches, private or not.
    const profile = this.facts.profilesById([userId]).get(userId)
    if (!profile) return []
    const held = [...profile.skills].sort((a, b) => b.level - a.level || (a.slug < b.slug ? -1 : 1)).map((s) => s.slug)
    const wanted = withRelatedSkills(held)
    if (wanted.length === 0) return []
    const reach = profile.place ? [offersReaching(profile.place, profile.mobilityKm)] : []
    const ids = await this.shortlist(this.connection.liveUid.offer, {
      tokens: wanted.map(skillToken),
      leads: held.slice(0, LEAD_SKILLS).map(skillToken),
      filter: [...visibleAt(now), anyOf('skills', wanted), ...reach],
      size: shortlistSize(limit),
      searchOn: ['skillTokens'],
    })
    // The index may lag behind the outbox: what the database no longer shows is never suggested.
    const visible = shownOfferIds(this.sqlite, ids, now)
    const shown = ids.filter((id) => visible.has(id))
    return rankOffers(profile, shown, this.facts.offersById(shown), { limit, now })
  }

  private async shortlist(
    indexUid: string,
    { tokens, leads, filter, size, searchOn }: { tokens: string[]; leads: string[]; filter: FilterClause[]; size: number; searchOn?: string[] },
  ): Promise<number[]> {
    const common = { indexUid, filter, limit: size, attributesToRetrieve: ['id'], ...(searchOn ? { attributesToSearchOn: searchOn } : {}) }
    const queries: MultiSearchQuery[] = [
      ...leads.map((lead) => ({
        ...common,
        // The lead first: `last` drops words from the end, so every hit holds the lead.
        // The trailing space keeps the last word from matching as a prefix ("java" is not "javascript").
        q: `${[lead, ...tokens.filter((t) => t !== lead)].slice(0, MAX_QUERY_WORDS).join(' ')} `,
        matchingStrategy: 'last' as const,
      })),
      { ...common, q: '' },
    ]
    const { results } = await meili(() => this.connection.client.multiSearch<{ queries: MultiSearchQuery[] }, { id: number }>({ queries }))
    return [...new Set(results.flatMap((r) => r.hits.map((h) => h.id)))]
  }
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
