import type SQLite from 'better-sqlite3'
import { rankCandidates, rankOffers, shortlistSize, skillsSought, withRelatedSkills } from '../match-shortlist.ts'
import { DISTANCE_ZERO_AT, HYBRID_RADIUS_FACTOR, MIN_RADIUS_KM } from '../matching/weights.ts'
import { tokenize } from '../text.ts'
import type { MatchProfile } from '../matching/score.ts'
import type { CandidateMatch, OfferMatch } from '../types.ts'
import { withNeighbours } from '../matching/occupation-fit.ts'
import { KeptOffers, MatchFacts } from './match-facts.ts'

const KM_PER_DEGREE = 111.2

// A bounding box on the reach (the radius, stretched for hybrid): cheap, and the scorer measures the real
// distance. Full-remote offers, unknown places and candidates mobile anywhere in France are never filtered out.
const withinUsefulDistance = (remote: string, mobility: string, anywhere: string, lat: string, lon: string, otherLat: string, otherLon: string) => `(
  ${remote} = 'full_remote' or ${anywhere} = 1 or ${lat} is null or ${otherLat} is null or (
    abs(${lat} - ${otherLat}) * ${KM_PER_DEGREE}
      <= max(${MIN_RADIUS_KM}, ${mobility}) * (case when ${remote} = 'hybrid' then ${HYBRID_RADIUS_FACTOR} else 1 end) * ${DISTANCE_ZERO_AT}
    and abs(${lon} - ${otherLon}) * ${KM_PER_DEGREE} * cos(radians(${lat}))
      <= max(${MIN_RADIUS_KM}, ${mobility}) * (case when ${remote} = 'hybrid' then ${HYBRID_RADIUS_FACTOR} else 1 end) * ${DISTANCE_ZERO_AT}))`

/**
 * "Candidates for this offer" and "offers for this candidate": FTS5 fetches a
 * shortlist by skills (every spelling, plus related skills), SQL drops pairs
 * too far apart, and only the shortlist is scored. Never every pair. The
 * embedded engine passes its own shortlist of offers (offer-shortlist.ts).
 */
export class MatchRetriever {
  private readonly facts: MatchFacts
  /** Offers for the engine's own shortlist, which follows the outbox: see KeptOffers. */
  private readonly keptOffers: KeptOffers
  private readonly profileHits: SQLite.Statement<{ match: string; remote: string; lat: number | null; lon: number | null; k: number }, number>
  private readonly offerHits: SQLite.Statement<{ match: string; now: string; mobility: number; anywhere: number; lat: number | null; lon: number | null; k: number }, number>
  private readonly occupationHits: SQLite.Statement<{ codes: string; remote: string; lat: number | null; lon: number | null; k: number }, number>
  private readonly offerState: SQLite.Statement<[number], { remote_policy: string; latitude: number | null; longitude: number | null }>
  private spellings: Map<string, string[]> | null = null

  constructor(private readonly sqlite: SQLite.Database) {
    this.facts = new MatchFacts(sqlite)
    this.keptOffers = new KeptOffers(this.facts)
    // Only consenting profiles are indexed; the visibility check here is the second lock.
    this.profileHits = sqlite
      .prepare<{ match: string; remote: string; lat: number | null; lon: number | null; k: number }, number>(`
        select p.user_id from profiles_fts f
        join candidate_profiles p on p.user_id = f.rowid
        left join communes c on c.insee = p.commune_insee
        where profiles_fts match :match and p.visibility = 'verified_recruiters'
          and ${withinUsefulDistance(':remote', 'p.mobility_km', 'p.mobile_anywhere', 'c.latitude', 'c.longitude', ':lat', ':lon')}
        order by f.rank limit :k`)
      .pluck()
    this.offerHits = sqlite
      .prepare<{ match: string; now: string; mobility: number; anywhere: number; lat: number | null; lon: number | null; k: number }, number>(`
        select o.id from offers_fts f
        join offers o on o.id = f.rowid
        left join communes c on c.insee = o.commune_insee
        where offers_fts match :match and o.status = 'published' and (o.expires_at is null or o.expires_at > :now)
          and ${withinUsefulDistance('o.remote_policy', ':mobility', ':anywhere', 'c.latitude', 'c.longitude', ':lat', ':lon')}
        order by f.rank limit :k`)
      .pluck()
    // Candidates aiming for the offer's occupation or a neighbour of it: found even without a skill in common.
    this.occupationHits = sqlite
      .prepare<{ codes: string; remote: string; lat: number | null; lon: number | null; k: number }, number>(`
        select distinct p.user_id from candidate_occupations o
        join candidate_profiles p on p.user_id = o.user_id
        left join communes c on c.insee = p.commune_insee
        where o.occupation_code in (select value from json_each(:codes)) and p.visibility = 'verified_recruiters'
          and ${withinUsefulDistance(':remote', 'p.mobility_km', 'p.mobile_anywhere', 'c.latitude', 'c.longitude', ':lat', ':lon')}
        order by p.user_id limit :k`)
      .pluck()
    this.offerState = sqlite.prepare(`
      select o.remote_policy, c.latitude, c.longitude from offers o left join communes c on c.insee = o.commune_insee
      where o.id = ? and o.status = 'published'`)
  }

  candidatesForOffer(offerId: number, { limit, now = new Date() }: { limit: number; now?: Date }): CandidateMatch[] {
    const state = this.offerState.get(offerId)
    const offer = this.facts.offersById([offerId]).get(offerId)
    if (!state || !offer) return []
    const match = this.skillsExpression(skillsSought(offer).map((s) => s.slug), '{skills}')
    const where = { remote: state.remote_policy, lat: state.latitude, lon: state.longitude, k: shortlistSize(limit) }
    const bySkills = match ? this.profileHits.all({ match, ...where }) : []
    const byOccupation = offer.occupation ? this.occupationHits.all({ codes: JSON.stringify(withNeighbours(offer.occupation)), ...where }) : []
    const ids = [...new Set([...bySkills, ...byOccupation])]
    return rankCandidates(offer, ids, this.facts.profilesById(ids), { limit, now })
  }

  /** shortlist: the offers to score, when the caller finds them better than FTS5 (the engine's store: offer-shortlist.ts). */
  offersForCandidate(
    userId: number,
    { limit, now = new Date() }: { limit: number; now?: Date },
    shortlist?: (profile: MatchProfile, size: number) => number[],
  ): OfferMatch[] {
    const profile = this.facts.profilesById([userId]).get(userId)
    if (!profile) return []
    if (shortlist) {
      const ids = shortlist(profile, shortlistSize(limit))
      return rankOffers(profile, ids, this.keptOffers.offersById(ids), { limit, now })
    }
    const match = this.skillsExpression(profile.skills.map((s) => s.slug), '{title skills}')
    if (!match) return []
    const ids = this.offerHits.all({
      match, now: now.toISOString(), mobility: profile.mobilityKm, anywhere: Number(profile.anywhereInFrance),
      lat: profile.place?.latitude ?? null, lon: profile.place?.longitude ?? null, k: shortlistSize(limit),
    })
    return rankOffers(profile, ids, this.facts.offersById(ids), { limit, now })
  }

  /** The offers written since the last call (the engine's store follows the outbox): kept ones are read again. */
  offersWritten(changed: number[] | 'all'): void {
    this.keptOffers.forget(changed)
  }

  /** An FTS5 expression matching any spelling of the skills or of their related skills; null when there are none. */
  private skillsExpression(slugs: string[], columns: string): string | null {
    const spellings = this.loadSpellings()
    const phrases = new Set(withRelatedSkills(slugs).flatMap((slug) => spellings.get(slug) ?? []))
    if (phrases.size === 0) return null
    // Tokens hold only letters and digits: quoting them can never produce FTS5 syntax.
    return `${columns} : (${[...phrases].map((p) => `"${p}"`).join(' OR ')})`
  }

  private loadSpellings(): Map<string, string[]> {
    if (!this.spellings) {
      const rows = this.sqlite
        .prepare<[], { slug: string; spelling: string }>(
          'select slug, name as spelling from skills union all select s.slug, a.alias from skill_aliases a join skills s on s.id = a.skill_id')
        .all()
      this.spellings = new Map()
      for (const { slug, spelling } of rows) {
        const phrase = tokenize(spelling).join(' ')
        if (phrase) this.spellings.set(slug, [...(this.spellings.get(slug) ?? []), phrase])
      }
    }
    return this.spellings
  }
}
