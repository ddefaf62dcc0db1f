import type SQLite from 'better-sqlite3'
import type { ContractType, ExperienceLevel, OfferSource, RemotePolicy, SalaryPeriod } from '#db/domain.ts'
import type { OfferHit } from '../types.ts'

type HitRow = {
  id: number
  slug: string
  title: string
  company_slug: string
  company_name: string
  placeholder_source: string | null
  commune_insee: string
  commune_name: string
  contract_type: ContractType
  remote_policy: RemotePolicy
  remote_stated: number
  experience_level: ExperienceLevel
  salary_min: number | null
  salary_max: number | null
  salary_period: SalaryPeriod | null
  published_at: string
  skills: string | null
  source: OfferSource
  source_url: string | null
}

const statements = new WeakMap<SQLite.Database, SQLite.Statement<[string], HitRow>>()

/** The display fields of one page of hits, in the order given. */
export function hydrateHits(sqlite: SQLite.Database, ids: number[]): Omit<OfferHit, 'distanceKm'>[] {
  if (ids.length === 0) return []
  let statement = statements.get(sqlite)
  if (!statement) {
    statement = sqlite.prepare(`
      select o.id, o.slug, o.title, co.slug as company_slug, coalesce(o.employer_name, co.name) as company_name, co.placeholder_source,
        c.insee as commune_insee, c.name as commune_name, o.contract_type, o.remote_policy, o.remote_stated,
        o.experience_level, o.salary_min, o.salary_max, o.salary_period, o.published_at, o.source, o.source_url,
        (select json_group_array(s.name) from offer_skills os join skills s on s.id = os.skill_id
          where os.offer_id = o.id and os.required = 1) as skills
      from offers o
      join companies co on co.id = o.company_id
      join communes c on c.insee = o.commune_insee
      where o.id in (select value from json_each(?))`)
    statements.set(sqlite, statement)
  }
  const rows = new Map(statement.all(JSON.stringify(ids)).map((r) => [r.id, r]))
  return ids.flatMap((id) => {
    const r = rows.get(id)
    if (!r) return []
    return [
      {
        id: r.id,
        slug: r.slug,
        title: r.title,
        company: { slug: r.company_slug, name: r.company_name, ...(r.placeholder_source ? { unlisted: true as const } : {}) },
        commune: { insee: r.commune_insee, name: r.commune_name },
        contractType: r.contract_type,
        remotePolicy: r.remote_policy,
        remoteStated: r.remote_stated === 1,
        experienceLevel: r.experience_level,
        salary: r.salary_period ? { min: r.salary_min, max: r.salary_max, period: r.salary_period } : null,
        publishedAt: r.published_at,
        skills: JSON.parse(r.skills ?? '[]') as string[],
        source: r.source,
        sourceUrl: r.source_url,
      },
    ]
  })
}
