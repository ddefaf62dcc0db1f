import type SQLite from 'better-sqlite3'
import type { ContractType } from '#db/domain.ts'
import type { MatchOffer, MatchProfile, Place } from '../matching/score.ts'

/**
 * Loads both sides of the scorer from the database, a whole shortlist per
 * statement (ids passed as one JSON array).
 */
export class MatchFacts {
  private readonly profiles: SQLite.Statement<[string], ProfileRow>
  private readonly offers: SQLite.Statement<[string], OfferRow>

  constructor(sqlite: SQLite.Database) {
    this.profiles = sqlite.prepare(PROFILES_SQL)
    this.offers = sqlite.prepare(OFFERS_SQL)
  }

  /** Profiles by user id, with their visibility (callers showing them to recruiters check it). */
  profilesById(ids: number[]): Map<number, MatchProfile & { visible: boolean }> {
    const rows = ids.length ? this.profiles.all(JSON.stringify(ids)) : []
    return new Map(rows.map((r) => [r.id, profileFromRow(r)]))
  }

  offersById(ids: number[]): Map<number, MatchOffer> {
    const rows = ids.length ? this.offers.all(JSON.stringify(ids)) : []
    return new Map(rows.map((r) => [r.id, offerFromRow(r)]))
  }
}

/**
 * Offers as the scorer reads them, kept between requests: "Offres pour vous"
 * scores the same popular offers for every candidate, and loading them (their
 * text, their skills) and reading their text (skills named, English asked:
 * score.ts's offerFacts, cached per object) cost more than scoring them. Only
 * correct while the owner forgets each offer written: the embedded engine
 * calls forget() with what its store saw change in the outbox before it
 * reads (engine.ts followWrites), so a kept offer is never older than the
 * store that shortlisted it. The least recently used go beyond `max`.
 */
export class KeptOffers {
  private readonly kept = new Map<number, MatchOffer>()

  constructor(private readonly facts: MatchFacts, private readonly max = 5_000) {}

  offersById(ids: number[]): Map<number, MatchOffer> {
    const found = new Map<number, MatchOffer>()
    const missing: number[] = []
    for (const id of ids) {
      const offer = this.kept.get(id)
      if (offer) {
        // Most recently used last: Map keeps insertion order.
        this.kept.delete(id)
        this.kept.set(id, offer)
        found.set(id, offer)
      } else missing.push(id)
    }
    for (const [id, offer] of this.facts.offersById(missing)) {
      found.set(id, offer)
      this.kept.set(id, offer)
    }
    for (const id of this.kept.keys()) {
      if (this.kept.size <= this.max) break
      this.kept.delete(id)
    }
    return found
  }

  /** Offers written since: their ids, or 'all' after a full reload. */
  forget(changed: number[] | 'all'): void {
    if (changed === 'all') this.kept.clear()
    else for (const id of changed) this.kept.delete(id)
  }
}

export type ProfileRow = {
  id: number
  mobility_km: number
  remote_preference: MatchProfile['remotePreference']
  contract_types: string
  available_from: string | null
  degree_level: MatchProfile['degreeLevel']
  graduation_year: number | null
  visibility: string
  latitude: number | null
  longitude: number | null
  skills: string
  languages: string
  mobile_anywhere: number
  excluded_contract_types: string
  occupations: string
  experience: string
}

export type OfferRow = {
  id: number
  title: string
  description_md: string
  remote_policy: MatchOffer['remotePolicy']
  contract_type: MatchOffer['contractType']
  experience_level: MatchOffer['experienceLevel']
  start_date: string | null
  latitude: number | null
  longitude: number | null
  skills: string
  occupation: string | null
}

function placeOf(r: { latitude: number | null; longitude: number | null }): Place | null {
  return r.latitude != null && r.longitude != null ? { latitude: r.latitude, longitude: r.longitude } : null
}

/** The statements, shared with callers that go through Kysely (one JSON array of ids as the only parameter). */
export const PROFILES_SQL = `
      select p.user_id as id, p.mobility_km, p.remote_preference, p.contract_types, p.available_from, p.degree_level,
        p.graduation_year, p.visibility, c.latitude, c.longitude, p.mobile_anywhere, p.excluded_contract_types,
        (select json_group_array(o.occupation_code) from candidate_occupations o where o.user_id = p.user_id) as occupations,
        (select json_group_array(json_object('kind', e.kind, 'start', e.start_month, 'end', e.end_month))
          from candidate_experiences e where e.user_id = p.user_id) as experience,
        (select json_group_array(json_object('slug', s.slug, 'name', s.name, 'level', cs.level))
          from candidate_skills cs join skills s on s.id = cs.skill_id where cs.user_id = p.user_id) as skills,
        (select json_group_array(json_object('code', l.language, 'level', l.level))
          from candidate_languages l where l.user_id = p.user_id) as languages
      from candidate_profiles p left join communes c on c.insee = p.commune_insee
      where p.user_id in (select value from json_each(?))`
export const OFFERS_SQL = `
      select o.id, o.title, o.description_md, o.remote_policy, o.contract_type, o.experience_level, o.start_date,
        c.latitude, c.longitude, o.occupation,
        (select json_group_array(json_object('slug', s.slug, 'name', s.name, 'required', os.required = 1))
          from offer_skills os join skills s on s.id = os.skill_id where os.offer_id = o.id) as skills
      from offers o left join communes c on c.insee = o.commune_insee
      where o.id in (select value from json_each(?))`

export function profileFromRow(r: ProfileRow): MatchProfile & { visible: boolean } {
  return {
    skills: JSON.parse(r.skills) as MatchProfile['skills'],
    place: placeOf(r),
    mobilityKm: r.mobility_km,
    remotePreference: r.remote_preference,
    contractTypes: JSON.parse(r.contract_types) as ContractType[],
    availableFrom: r.available_from,
    degreeLevel: r.degree_level,
    graduationYear: r.graduation_year,
    languages: JSON.parse(r.languages) as MatchProfile['languages'],
    anywhereInFrance: r.mobile_anywhere === 1,
    excludedContracts: JSON.parse(r.excluded_contract_types) as ContractType[],
    occupations: (JSON.parse(r.occupations) as string[]).sort(),
    experience: JSON.parse(r.experience) as MatchProfile['experience'],
    visible: r.visibility === 'verified_recruiters',
  }
}

export function offerFromRow(r: OfferRow): MatchOffer {
  return {
    skills: (JSON.parse(r.skills) as { slug: string; name: string; required: number }[]).map((s) => ({ ...s, required: s.required === 1 })),
    place: placeOf(r),
    remotePolicy: r.remote_policy,
    contractType: r.contract_type,
    experienceLevel: r.experience_level,
    startDate: r.start_date,
    text: `${r.title}\n${r.description_md}`,
    occupation: r.occupation,
  }
}
