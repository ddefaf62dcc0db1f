import type SQLite from 'better-sqlite3'
import { annualSalary, type ContractType, type ExperienceLevel, type RemotePolicy, type SalaryPeriod } from '#db/domain.ts'
import { SKILL_TEXT_CTE, SPELLING_SEPARATOR, skillSpellingWords } from '../embedded/offer-index.ts'
import { OUTSIDE_TERRITORY } from '../facet-values.ts'
import { offerTermsOf } from '../offer-terms.ts'
import { tokenize } from '../text.ts'
import { SALARY_THRESHOLDS } from '../types.ts'

/**
 * What Meilisearch holds. Searchable text is sent as our own tokens (folded,
 * C#/C++/.NET unified, split as FTS5 splits it), so both engines see the
 * same words; hits are displayed from the database, never from the index.
 * Absent values are left out rather than null: a missing field matches no
 * comparison and sorts last.
 */
export type OfferDocument = {
  id: number
  /** The title's words, then the words of the contract and remote policy. */
  title: string
  /** Company name and every spelling of every skill (one word each): one attribute, one relevance tier. */
  skillsAndCompany: string
  description: string
  /** One word per skill (slug without dashes), for the match shortlists only. */
  skillTokens: string
  contractType: ContractType
  /** Absent when the source does not say (decision 012): no remote filter matches it, no facet value counts it. */
  remotePolicy?: RemotePolicy
  experienceLevel: ExperienceLevel
  territory?: string
  /** ROME code of the job, when known. */
  occupation?: string
  company: string
  skills: string[]
  /** Yearly equivalent of the highest salary. */
  yearlySalary?: number
  /** The salary facet's thresholds the salary reaches, as strings. */
  salarySteps: string[]
  publishedAtMs?: number
  expiresAtMs?: number
  located: boolean
  _geo?: { lat: number; lng: number }
}

/** A consenting candidate, as little as the shortlist needs: no name, no text of theirs. */
export type ProfileDocument = {
  id: number
  skillTokens: string
  skills: string[]
  mobilityKm: number
  located: boolean
  _geo?: { lat: number; lng: number }
}

/** The word standing for a skill in `skillTokens`: unique across the taxonomy (checked by a test). */
export const skillToken = (slug: string) => slug.replaceAll('-', '')

type OfferRow = {
  id: number
  title: string
  description_md: string
  company_name: string
  company_slug: string
  skill_text: string | null
  skills: string
  contract_type: ContractType
  remote_policy: RemotePolicy
  remote_stated: number
  experience_level: ExperienceLevel
  territory_slug: string | null
  occupation: string | null
  latitude: number | null
  longitude: number | null
  salary_min: number | null
  salary_max: number | null
  salary_period: SalaryPeriod | null
  published_at: string | null
  expires_at: string | null
}

// Only published offers become documents; expiry is checked at query time, as in the embedded engine.
const OFFERS_SQL = `
  ${SKILL_TEXT_CTE}
  select o.id, o.title, o.description_md, coalesce(o.employer_name, co.name) as company_name, co.slug as company_slug,
    (select group_concat(st.text, ' ${SPELLING_SEPARATOR} ') from offer_skills os join skill_text st on st.id = os.skill_id
      where os.offer_id = o.id) as skill_text,
    (select json_group_array(s.slug) from offer_skills os join skills s on s.id = os.skill_id
      where os.offer_id = o.id) as skills,
    o.contract_type, o.remote_policy, o.remote_stated, o.experience_level, t.slug as territory_slug, o.occupation, c.latitude, c.longitude,
    o.salary_min, o.salary_max, o.salary_period, o.published_at, o.expires_at
  from offers o
  join companies co on co.id = o.company_id
  join communes c on c.insee = o.commune_insee
  left join territories t on t.id = c.territory_id
  where +o.status = 'published' and o.id in (select value from json_each(?)) -- '+': by id, never the status index
  order by o.id`

type ProfileRow = { id: number; mobility_km: number; mobile_anywhere: number; latitude: number | null; longitude: number | null; skills: string }

/**
 * The radius a profile "mobile partout en France" is filed with: beyond every mobility band of the shortlist's reach
 * filter (matching.ts), so no place filters it out, as the scorer excludes none by distance (decision 014).
 */
export const ANYWHERE_MOBILITY_KM = 10_000

// Consent is the visibility rule of search/embedded/profile-index.ts: a private profile never leaves the database.
const PROFILES_SQL = `
  select p.user_id as id, p.mobility_km, p.mobile_anywhere, c.latitude, c.longitude,
    (select json_group_array(s.slug) from candidate_skills cs join skills s on s.id = cs.skill_id
      where cs.user_id = p.user_id) as skills
  from candidate_profiles p left join communes c on c.insee = p.commune_insee
  where p.visibility = 'verified_recruiters' and p.user_id in (select value from json_each(?))
  order by p.user_id`

const words = (text: string) => tokenize(text).join(' ')

/** Documents of the ids that are visible; an id without a document must be deleted from the index. */
export function offerDocuments(sqlite: SQLite.Database, ids: readonly number[]): OfferDocument[] {
  if (ids.length === 0) return []
  const rows = sqlite.prepare<[string], OfferRow>(OFFERS_SQL).all(JSON.stringify(ids))
  return rows.map((row) => {
    const skills = JSON.parse(row.skills) as string[]
    const yearlySalary = annualSalary(row.salary_max ?? row.salary_min, row.salary_period)
    const remote = row.remote_stated ? row.remote_policy : null
    return {
      id: row.id,
      // The contract and remote policy are title words, as in the embedded engine (search/offer-terms.ts).
      title: [words(row.title), ...offerTermsOf(row.contract_type, remote)].join(' '),
      // A skill spelled in several words is one word ("amazonwebservices"): "web" alone must not reach it.
      skillsAndCompany: [words(row.company_name), ...skillSpellingWords(row.skill_text)].join(' '),
      description: words(row.description_md),
      skillTokens: skills.map(skillToken).join(' '),
      contractType: row.contract_type,
      ...(remote ? { remotePolicy: remote } : {}),
      experienceLevel: row.experience_level,
      territory: row.territory_slug ?? OUTSIDE_TERRITORY,
      ...(row.occupation ? { occupation: row.occupation } : {}),
      company: row.company_slug,
      skills,
      ...(yearlySalary !== null ? { yearlySalary } : {}),
      salarySteps: SALARY_THRESHOLDS.filter((t) => yearlySalary !== null && yearlySalary >= t).map(String),
      ...(row.published_at ? { publishedAtMs: Date.parse(row.published_at) } : {}),
      ...(row.expires_at ? { expiresAtMs: Date.parse(row.expires_at) } : {}),
      ...place(row),
    }
  })
}

export function profileDocuments(sqlite: SQLite.Database, ids: readonly number[]): ProfileDocument[] {
  if (ids.length === 0) return []
  const rows = sqlite.prepare<[string], ProfileRow>(PROFILES_SQL).all(JSON.stringify(ids))
  return rows.map((row) => {
    const skills = JSON.parse(row.skills) as string[]
    const mobilityKm = row.mobile_anywhere ? ANYWHERE_MOBILITY_KM : row.mobility_km
    return { id: row.id, skillTokens: skills.map(skillToken).join(' '), skills, mobilityKm, ...place(row) }
  })
}

/** Ids that become documents, ascending: what a full reindex loads into an empty index. */
export function documentIds(sqlite: SQLite.Database, kind: 'offer' | 'profile'): number[] {
  const sql =
    kind === 'offer'
      ? "select id from offers where status = 'published' order by id"
      : "select user_id from candidate_profiles where visibility = 'verified_recruiters' order by user_id"
  return sqlite.prepare<[], number>(sql).pluck().all()
}

/**
 * The ids among these that the database shows now (published, not expired):
 * Meilisearch may lag behind the outbox for a moment, and a closed or
 * taken-down offer must not be shown meanwhile.
 */
export function shownOfferIds(sqlite: SQLite.Database, ids: readonly number[], now: Date): Set<number> {
  if (ids.length === 0) return new Set()
  const sql = `select id from offers where id in (select value from json_each(?))
    and status = 'published' and julianday(published_at) <= julianday(?)
    and (expires_at is null or julianday(expires_at) > julianday(?))`
  const at = now.toISOString()
  return new Set(sqlite.prepare<[string, string, string], number>(sql).pluck().all(JSON.stringify(ids), at, at))
}

function place(row: { latitude: number | null; longitude: number | null }) {
  return row.latitude != null && row.longitude != null
    ? { located: true, _geo: { lat: row.latitude, lng: row.longitude } }
    : { located: false }
}
