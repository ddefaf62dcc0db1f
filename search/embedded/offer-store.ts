import type SQLite from 'better-sqlite3'
import { annualSalary, type ContractType, type ExperienceLevel, type RemotePolicy, type SalaryPeriod } from '#db/domain.ts'

/** What the engine filters, facets and sorts on, for one published offer. */
export type StoredOffer = {
  id: number
  companySlug: string
  contract: ContractType
  remote: RemotePolicy
  experience: ExperienceLevel
  territorySlug: string | null
  latitude: number | null
  longitude: number | null
  salaryMaxYearly: number | null
  publishedAt: number
  expiresAt: number
  skills: string[]
}

type Row = {
  id: number
  company_slug: string
  contract_type: ContractType
  remote_policy: RemotePolicy
  experience_level: ExperienceLevel
  territory_slug: string | null
  latitude: number | null
  longitude: number | null
  salary_min: number | null
  salary_max: number | null
  salary_period: SalaryPeriod | null
  published_at: string | null
  expires_at: string | null
  skills: string | null
}

const SELECT = `
  select o.id, co.slug as company_slug, o.contract_type, o.remote_policy, o.experience_level,
    t.slug as territory_slug, c.latitude, c.longitude, o.salary_min, o.salary_max, o.salary_period,
    o.published_at, o.expires_at,
    (select group_concat(s.slug) from offer_skills os join skills s on s.id = os.skill_id
      where os.offer_id = o.id) as skills
  from offers o
  join companies co on co.id = o.company_id
  join communes c on c.insee = o.commune_insee
  left join territories t on t.id = c.territory_id
  where o.status = 'published'`

function toStored(row: Row): StoredOffer {
  return {
    id: row.id,
    companySlug: row.company_slug,
    contract: row.contract_type,
    remote: row.remote_policy,
    experience: row.experience_level,
    territorySlug: row.territory_slug,
    latitude: row.latitude,
    longitude: row.longitude,
    salaryMaxYearly: annualSalary(row.salary_max ?? row.salary_min, row.salary_period),
    publishedAt: row.published_at ? Date.parse(row.published_at) : 0,
    expiresAt: row.expires_at ? Date.parse(row.expires_at) : Number.POSITIVE_INFINITY,
    skills: row.skills ? row.skills.split(',') : [],
  }
}

/**
 * The filterable attributes of every published offer, held in memory so
 * that filters and facet counts cost microseconds. It follows the database
 * through the search outbox: before each search it reads the outbox's last
 * id and reloads only the offers changed since, whichever process wrote them.
 */
export class OfferStore {
  private offers = new Map<number, StoredOffer>()
  private appliedOutboxId = -1
  private readonly lastOutboxId: SQLite.Statement<[], { id: number | null }>
  private readonly changedSince: SQLite.Statement<[number], { doc_id: number }>
  private readonly selectOne: SQLite.Statement<[number], Row>

  constructor(private readonly sqlite: SQLite.Database) {
    this.lastOutboxId = sqlite.prepare('select max(id) as id from search_outbox')
    this.changedSince = sqlite.prepare(
      "select distinct doc_id from search_outbox where id > ? and doc_type = 'offer'",
    )
    this.selectOne = sqlite.prepare(`${SELECT} and o.id = ?`)
  }

  /** Applies what changed since the last call; returns true when anything did. */
  refresh(): boolean {
    const last = this.lastOutboxId.get()?.id ?? 0
    if (last === this.appliedOutboxId) return false
    const changed = this.appliedOutboxId < 0 ? [0] : this.changedSince.all(this.appliedOutboxId).map((r) => r.doc_id)
    // doc_id 0 marks a full rebuild; a long backlog is cheaper to reload whole.
    if (changed.includes(0) || changed.length > 1000) {
      this.offers = new Map(this.sqlite.prepare<[], Row>(SELECT).all().map((row) => [row.id, toStored(row)]))
    } else {
      for (const id of changed) {
        const row = this.selectOne.get(id)
        if (row) this.offers.set(id, toStored(row))
        else this.offers.delete(id)
      }
    }
    this.appliedOutboxId = last
    return true
  }

  get(id: number): StoredOffer | undefined {
    return this.offers.get(id)
  }

  all(): IterableIterator<StoredOffer> {
    return this.offers.values()
  }
}
