import type SQLite from 'better-sqlite3'
import {
  CONTRACT_TYPES,
  EXPERIENCE_LEVELS,
  REMOTE_POLICIES,
  annualSalary,
  type ContractType,
  type ExperienceLevel,
  type RemotePolicy,
  type SalaryPeriod,
} from '#db/domain.ts'
import { OUTSIDE_TERRITORY } from '../facet-values.ts'
import { skillsNamedIn } from '../matching/skills-in-text.ts'
import { tokenize } from '../text.ts'
import { SKILL_TEXT_CTE, SPELLING_SEPARATOR, skillSpellingWords } from './offer-index.ts'
import { SALARY_THRESHOLDS } from '../types.ts'

type Row = {
  id: number
  title: string
  company_name: string
  skill_text: string | null
  commune_insee: string
  company_slug: string
  contract_type: ContractType
  remote_policy: RemotePolicy
  /** 0 when the source said nothing of remote work (decision 012): the offer is then of no remote value. */
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
  skills: string | null
  required_skills: string | null
}

// The words of the title, company and skills are kept to rank results in memory.
const SELECT = `
  ${SKILL_TEXT_CTE}
  select o.id, o.title, coalesce(o.employer_name, co.name) as company_name,
    (select group_concat(st.text, ' ${SPELLING_SEPARATOR} ') from offer_skills os join skill_text st on st.id = os.skill_id
      where os.offer_id = o.id) as skill_text,
    o.commune_insee, co.slug as company_slug, o.contract_type, o.remote_policy, o.remote_stated, o.experience_level,
    t.slug as territory_slug, o.occupation, c.latitude, c.longitude, o.salary_min, o.salary_max, o.salary_period,
    o.published_at, o.expires_at,
    (select group_concat(s.slug) from offer_skills os join skills s on s.id = os.skill_id
      where os.offer_id = o.id) as skills,
    (select group_concat(s.slug) from offer_skills os join skills s on s.id = os.skill_id
      where os.offer_id = o.id and os.required = 1) as required_skills
  from offers o
  join companies co on co.id = o.company_id
  join communes c on c.insee = o.commune_insee
  left join territories t on t.id = c.territory_id
  where o.status = 'published'`

/** Strings of one attribute, each given a small integer code. */
export class Dictionary {
  private codes = new Map<string, number>()
  readonly values: string[] = []
  code(value: string): number {
    let code = this.codes.get(value)
    if (code === undefined) {
      code = this.values.length
      this.values.push(value)
      this.codes.set(value, code)
    }
    return code
  }
  find(value: string): number | undefined {
    return this.codes.get(value)
  }
  /** A dictionary holding these values, in this order (from a snapshot). */
  static of(values: string[]): Dictionary {
    const dictionary = new Dictionary()
    for (const value of values) dictionary.code(value)
    return dictionary
  }
  get size() {
    return this.values.length
  }
}

/**
 * A list of codes per slot, all in one growing array so that a pass over
 * 100,000 offers reads contiguous memory. A replaced list leaves garbage
 * behind until the next full reload.
 */
export class ListColumn {
  start = new Int32Array(0)
  count = new Uint16Array(0)
  data = new Int32Array(1024)
  private used = 0

  toSnapshot() {
    return { start: this.start, count: this.count, data: this.data.slice(0, this.used) }
  }

  restore(saved: ReturnType<ListColumn['toSnapshot']>) {
    this.start = saved.start
    this.count = saved.count
    this.data = saved.data
    this.used = saved.data.length
  }

  resize(capacity: number) {
    this.start = grow(this.start, capacity)
    this.count = grow(this.count, capacity)
  }

  set(slot: number, codes: number[]) {
    if (this.used + codes.length > this.data.length) this.data = grow(this.data, Math.max(this.data.length * 2, this.used + codes.length))
    this.data.set(codes, this.used)
    this.start[slot] = this.used
    this.count[slot] = codes.length
    this.used += codes.length
  }

  clear() {
    this.used = 0
  }

  includes(slot: number, code: number): boolean {
    const end = this.start[slot]! + this.count[slot]!
    for (let k = this.start[slot]!; k < end; k++) if (this.data[k] === code) return true
    return false
  }
}

export type StoreSnapshot = ReturnType<OfferStore['toSnapshot']>

type Orders = { date: Int32Array | null; salary: Int32Array | null; place: Int32Array[] | null }
const NO_ORDERS: Readonly<Orders> = { date: null, salary: null, place: null }

const CONTRACT_CODE = new Map(CONTRACT_TYPES.map((v, i) => [v, i]))
const REMOTE_CODE = new Map(REMOTE_POLICIES.map((v, i) => [v, i]))
/**
 * The remote code of an offer whose source does not say (« non précisé »,
 * stored `on_site` with `remote_stated = 0`, decision 012): past every
 * policy's code, so no remote filter keeps it, no facet value counts it and no
 * remote word (« présentiel ») finds it.
 */
export const UNSTATED_REMOTE = REMOTE_POLICIES.length
const EXPERIENCE_CODE = new Map(EXPERIENCE_LEVELS.map((v, i) => [v, i]))

/**
 * The filterable attributes of every published offer, in memory and in
 * columns of typed arrays (one slot per offer, values as integer codes), so
 * that filtering and counting facets over 100,000 offers takes milliseconds.
 *
 * It follows the database through the search outbox: before each search it
 * reads the outbox's last id and reloads only the offers changed since,
 * whichever process or connection wrote them.
 */
export class OfferStore {
  companies = new Dictionary()
  territories = new Dictionary()
  occupations = new Dictionary()
  skills = new Dictionary()
  /** Communes offers are in, with their coordinates: distances are computed per place, not per offer. */
  places = new Dictionary()
  placeLatitude: number[] = []
  placeLongitude: number[] = []
  /** Folded words of titles and company names, and skill spellings each as one word (skillSpellingWords). */
  words = new Dictionary()

  capacity = 0
  /** Slots in use (live or freed). */
  length = 0
  ids = new Int32Array(0)
  live = new Uint8Array(0)
  contract = new Uint8Array(0)
  remote = new Uint8Array(0)
  experience = new Uint8Array(0)
  territory = new Int32Array(0)
  company = new Int32Array(0)
  /** Code in `occupations`, -1 when the offer has none. */
  occupation = new Int32Array(0)
  place = new Int32Array(0)
  /** Yearly equivalent of the highest salary, NaN when unknown. */
  salary = new Float64Array(0)
  /** How many of the salary facet's thresholds the salary reaches (0 to 5). */
  salaryStep = new Uint8Array(0)
  publishedAt = new Float64Array(0)
  expiresAt = new Float64Array(0)
  readonly skillCodes = new ListColumn()
  /** The required ones among them ("offers for you" estimates the match score from them). */
  readonly requiredSkillCodes = new ListColumn()
  /**
   * For an offer listing no skill: the skills its title names (skills-in-text.ts), so "Offres pour vous" can
   * still find it by them. The description is not read here (too much to hold for every offer); the scorer reads it.
   */
  readonly titleSkillCodes = new ListColumn()
  /** Per slot: the title's words first (titleWords of them), then company and skill words. */
  readonly wordCodes = new ListColumn()
  titleWords = new Uint8Array(0)
  /** Offer id → slot + 1 (0: not stored). Offer ids are dense integers. */
  private slotOfId = new Int32Array(0)
  private freeSlots: number[] = []

  private orders: Orders = { ...NO_ORDERS }
  private appliedOutboxId = -1
  private readonly lastOutboxId: SQLite.Statement<[], number | null>
  private readonly firstOutboxId: SQLite.Statement<[], number | null>
  private readonly changedSince: SQLite.Statement<[number], number>
  private readonly selectOne: SQLite.Statement<[number], Row>

  constructor(private readonly sqlite: SQLite.Database) {
    this.lastOutboxId = sqlite.prepare<[], number | null>('select max(id) from search_outbox').pluck()
    this.firstOutboxId = sqlite.prepare<[], number | null>('select min(id) from search_outbox').pluck()
    this.changedSince = sqlite
      .prepare<[number], number>("select distinct doc_id from search_outbox where id > ? and doc_type = 'offer'")
      .pluck()
    this.selectOne = sqlite.prepare(`${SELECT} and o.id = ?`)
  }

  /** The outbox event the store reflects (-1: never loaded). */
  get outboxPosition(): number {
    return this.appliedOutboxId
  }

  /**
   * Everything the store holds, as plain data (typed arrays, string lists)
   * that v8.serialize writes and reads back fast: search/embedded/snapshot.ts.
   */
  toSnapshot() {
    this.byPlace()
    this.bySalary()
    return {
      outboxId: this.appliedOutboxId,
      dictionaries: [this.companies, this.territories, this.occupations, this.skills, this.places, this.words].map((d) => d.values),
      placeLatitude: this.placeLatitude,
      placeLongitude: this.placeLongitude,
      capacity: this.capacity,
      length: this.length,
      columns: {
        ids: this.ids, live: this.live, contract: this.contract, remote: this.remote, experience: this.experience,
        territory: this.territory, company: this.company, occupation: this.occupation, place: this.place, salary: this.salary, salaryStep: this.salaryStep,
        publishedAt: this.publishedAt, expiresAt: this.expiresAt, titleWords: this.titleWords, slotOfId: this.slotOfId,
      },
      skillCodes: this.skillCodes.toSnapshot(),
      requiredSkillCodes: this.requiredSkillCodes.toSnapshot(),
      titleSkillCodes: this.titleSkillCodes.toSnapshot(),
      wordCodes: this.wordCodes.toSnapshot(),
      freeSlots: this.freeSlots,
      orders: this.orders,
    }
  }

  /** Takes the state of a snapshot; refresh() then replays the outbox from its position. */
  restore(saved: StoreSnapshot) {
    ;[this.companies, this.territories, this.occupations, this.skills, this.places, this.words] = saved.dictionaries.map((values) =>
      Dictionary.of(values)) as [Dictionary, Dictionary, Dictionary, Dictionary, Dictionary, Dictionary]
    this.placeLatitude = saved.placeLatitude
    this.placeLongitude = saved.placeLongitude
    this.capacity = saved.capacity
    this.length = saved.length
    Object.assign(this, saved.columns)
    this.skillCodes.restore(saved.skillCodes)
    this.requiredSkillCodes.restore(saved.requiredSkillCodes)
    this.titleSkillCodes.restore(saved.titleSkillCodes)
    this.wordCodes.restore(saved.wordCodes)
    this.freeSlots = saved.freeSlots
    this.orders = saved.orders
    this.appliedOutboxId = saved.outboxId
  }

  /**
   * Applies what changed since the last call: null when nothing did, 'all'
   * after a full reload, otherwise the ids of the offers written.
   */
  refresh(): number[] | 'all' | null {
    const last = this.lastOutboxId.get() ?? 0
    if (last === this.appliedOutboxId) return null
    // Maintenance prunes the outbox's oldest events (a prefix, never the newest; ids are never
    // reused): a gap between our cursor and the oldest kept id means we missed some, so reload.
    const missed = (this.firstOutboxId.get() ?? 0) > this.appliedOutboxId + 1
    const changed = this.appliedOutboxId < 0 || missed ? [0] : this.changedSince.all(this.appliedOutboxId)
    // doc_id 0 marks a full rebuild; a long backlog is cheaper to reload whole.
    const full = changed.includes(0) || changed.length > 1000
    if (full) {
      this.clear()
      // In id order: FTS5 returns matches by rowid, so candidates are then read sequentially.
      for (const row of this.sqlite.prepare<[], Row>(`${SELECT} order by o.id`).iterate()) this.put(row)
    } else {
      for (const id of changed) {
        const row = this.selectOne.get(id)
        if (row) this.put(row)
        else this.remove(id)
      }
    }
    this.appliedOutboxId = last
    return full ? 'all' : changed
  }

  private readonly newestFirst = (a: number, b: number) =>
    this.publishedAt[b]! - this.publishedAt[a]! || this.ids[b]! - this.ids[a]!
  private readonly bestPaidFirst = (a: number, b: number) => {
    const salary = (slot: number) => (Number.isNaN(this.salary[slot]!) ? -1 : this.salary[slot]!)
    return salary(b) - salary(a) || this.newestFirst(a, b)
  }

  /** Live slots, newest offer first (ties: highest id first). */
  byDate(): Int32Array {
    this.orders.date ??= this.sortedSlots(this.newestFirst)
    return this.orders.date
  }

  /** Live slots, best-paid first, offers without salary last, then newest first. */
  bySalary(): Int32Array {
    this.orders.salary ??= this.sortedSlots(this.bestPaidFirst)
    return this.orders.salary
  }

  /** For each place, its live slots newest first. */
  byPlace(): Int32Array[] {
    if (!this.orders.place) {
      const lists: number[][] = Array.from({ length: this.places.size }, () => [])
      for (const slot of this.byDate()) lists[this.place[slot]!]!.push(slot)
      this.orders.place = lists.map((list) => Int32Array.from(list))
    }
    return this.orders.place
  }

  private sortedSlots(compare: (a: number, b: number) => number): Int32Array {
    const slots: number[] = []
    for (let slot = 0; slot < this.length; slot++) if (this.live[slot]) slots.push(slot)
    return Int32Array.from(slots.sort(compare))
  }

  /** How many offers are stored. */
  liveCount(): number {
    let count = 0
    for (let slot = 0; slot < this.length; slot++) count += this.live[slot]!
    return count
  }

  /** The slot of a stored offer, or -1. */
  slotOf(id: number): number {
    return id > 0 && id < this.slotOfId.length ? this.slotOfId[id]! - 1 : -1
  }

  private put(row: Row) {
    let slot = this.slotOf(row.id)
    const oldPlace = slot >= 0 ? this.place[slot]! : null
    if (slot >= 0) this.unlistFromOrders(slot, oldPlace)
    if (slot < 0) {
      slot = this.freeSlots.pop() ?? this.length++
      this.ensureCapacity(this.length, row.id)
      this.slotOfId[row.id] = slot + 1
    }
    this.ids[slot] = row.id
    this.live[slot] = 1
    this.contract[slot] = CONTRACT_CODE.get(row.contract_type) ?? 0
    this.remote[slot] = row.remote_stated ? (REMOTE_CODE.get(row.remote_policy) ?? 0) : UNSTATED_REMOTE
    this.experience[slot] = EXPERIENCE_CODE.get(row.experience_level) ?? 0
    this.territory[slot] = this.territories.code(row.territory_slug ?? OUTSIDE_TERRITORY)
    this.company[slot] = this.companies.code(row.company_slug)
    this.occupation[slot] = row.occupation ? this.occupations.code(row.occupation) : -1
    const place = this.places.code(row.commune_insee)
    this.placeLatitude[place] = row.latitude ?? Number.NaN
    this.placeLongitude[place] = row.longitude ?? Number.NaN
    this.place[slot] = place
    this.salary[slot] = annualSalary(row.salary_max ?? row.salary_min, row.salary_period) ?? Number.NaN
    this.salaryStep[slot] = SALARY_THRESHOLDS.filter((t) => this.salary[slot]! >= t).length
    this.publishedAt[slot] = row.published_at ? Date.parse(row.published_at) : Number.POSITIVE_INFINITY
    this.expiresAt[slot] = row.expires_at ? Date.parse(row.expires_at) : Number.POSITIVE_INFINITY
    this.skillCodes.set(slot, row.skills ? row.skills.split(',').map((s) => this.skills.code(s)) : [])
    this.requiredSkillCodes.set(slot, row.required_skills ? row.required_skills.split(',').map((s) => this.skills.code(s)) : [])
    this.titleSkillCodes.set(slot, row.skills ? [] : skillsNamedIn(row.title).map((s) => this.skills.code(s)))
    const title = tokenize(row.title)
    // A skill spelled in several words is one word here: "web" must not reach the skill "Amazon Web Services".
    const others = [...tokenize(row.company_name), ...skillSpellingWords(row.skill_text)]
    this.titleWords[slot] = Math.min(255, title.length)
    this.wordCodes.set(slot, [...title.slice(0, 255), ...others].map((w) => this.words.code(w)))
    this.listInOrders(slot)
  }

  // A write patches the presorted orders (one binary search and one copy)
  // rather than forcing the next search to sort 100,000 slots again.
  private unlistFromOrders(slot: number, place: number | null) {
    const { date, salary, place: byPlace } = this.orders
    if (date) this.orders.date = without(date, slot)
    if (salary) this.orders.salary = without(salary, slot)
    if (byPlace && place !== null && byPlace[place]) byPlace[place] = without(byPlace[place]!, slot)
  }

  private listInOrders(slot: number) {
    const { date, salary, place: byPlace } = this.orders
    if (date) this.orders.date = inserted(date, slot, this.newestFirst)
    if (salary) this.orders.salary = inserted(salary, slot, this.bestPaidFirst)
    if (byPlace) {
      const place = this.place[slot]!
      byPlace[place] = inserted(byPlace[place] ?? new Int32Array(0), slot, this.newestFirst)
    }
  }

  private remove(id: number) {
    const slot = this.slotOf(id)
    if (slot < 0) return
    this.unlistFromOrders(slot, this.place[slot]!)
    this.live[slot] = 0
    this.slotOfId[id] = 0
    this.freeSlots.push(slot)
  }

  private clear() {
    this.length = 0
    this.live.fill(0)
    this.slotOfId.fill(0)
    this.freeSlots = []
    this.orders = { ...NO_ORDERS }
    this.skillCodes.clear()
    this.requiredSkillCodes.clear()
    this.titleSkillCodes.clear()
    this.wordCodes.clear()
  }

  private ensureCapacity(slots: number, id: number) {
    if (id >= this.slotOfId.length) this.slotOfId = grow(this.slotOfId, Math.max(id + 1, this.slotOfId.length * 2))
    if (slots <= this.capacity) return
    const capacity = Math.max(1024, slots, this.capacity * 2)
    this.ids = grow(this.ids, capacity)
    this.live = grow(this.live, capacity)
    this.contract = grow(this.contract, capacity)
    this.remote = grow(this.remote, capacity)
    this.experience = grow(this.experience, capacity)
    this.territory = grow(this.territory, capacity)
    this.company = grow(this.company, capacity)
    this.occupation = grow(this.occupation, capacity)
    this.place = grow(this.place, capacity)
    this.salary = grow(this.salary, capacity)
    this.salaryStep = grow(this.salaryStep, capacity)
    this.publishedAt = grow(this.publishedAt, capacity)
    this.expiresAt = grow(this.expiresAt, capacity)
    this.titleWords = grow(this.titleWords, capacity)
    this.skillCodes.resize(capacity)
    this.requiredSkillCodes.resize(capacity)
    this.titleSkillCodes.resize(capacity)
    this.wordCodes.resize(capacity)
    this.capacity = capacity
  }
}

function without(order: Int32Array, slot: number): Int32Array {
  const at = order.indexOf(slot)
  if (at < 0) return order
  const result = new Int32Array(order.length - 1)
  result.set(order.subarray(0, at))
  result.set(order.subarray(at + 1), at)
  return result
}

function inserted(order: Int32Array, slot: number, compare: (a: number, b: number) => number): Int32Array {
  let low = 0
  let high = order.length
  while (low < high) {
    const mid = (low + high) >> 1
    if (compare(order[mid]!, slot) <= 0) low = mid + 1
    else high = mid
  }
  const result = new Int32Array(order.length + 1)
  result.set(order.subarray(0, low))
  result[low] = slot
  result.set(order.subarray(low), low + 1)
  return result
}

function grow<T extends Int32Array | Uint8Array | Uint16Array | Float64Array>(array: T, length: number): T {
  const bigger = new (array.constructor as new (length: number) => T)(length)
  bigger.set(array)
  return bigger
}
