import { CONTRACT_TYPES, EXPERIENCE_LEVELS, REMOTE_POLICIES } from '#db/domain.ts'

const REMOTE_COUNT = REMOTE_POLICIES.length
import {
  POSTED_WITHIN_DAYS,
  RADIUS_STEPS_KM,
  SALARY_THRESHOLDS,
  type FacetName,
  type FacetValue,
  type OfferQuery,
} from '../types.ts'
import { LISTED_FACET_VALUES, topFacetValues } from '../facet-values.ts'
import { BIT, type Candidates } from './candidates.ts'
import type { OfferStore } from './offer-store.ts'

const DAY_MS = 86_400_000
const POSTED = Float64Array.from(POSTED_WITHIN_DAYS)
const SALARIES = Float64Array.from(SALARY_THRESHOLDS)
const RADII = Float64Array.from(RADIUS_STEPS_KM)

/**
 * Counts per filter value, each honouring every other active filter: a
 * candidate counts for facet F when it fails no filter but (maybe) F.
 * Skills are an AND filter, so their counts honour the selected skills too.
 */
export function countFacets(store: OfferStore, c: Candidates, query: OfferQuery, nowMs: number, hasCenter: boolean) {
  const t = tally(store, c, nowMs, hasCenter)
  const steps = (thresholds: readonly number[], counts: Int32Array) =>
    thresholds.flatMap((value, k) => (counts[k]! > 0 ? [{ value: String(value), count: counts[k]! }] : []))
  return {
    contract: byCount(CONTRACT_TYPES, t.contract),
    remote: byCount(REMOTE_POLICIES, t.remote),
    experience: byCount(EXPERIENCE_LEVELS, t.experience),
    territory: byCount(store.territories.values, t.territory),
    company: byCount(store.companies.values, t.company, query.companies),
    skill: byCount(store.skills.values, t.skill, query.skills),
    postedWithin: steps(POSTED_WITHIN_DAYS, t.posted),
    salaryMin: steps(SALARY_THRESHOLDS, t.salary),
    radius: steps(RADIUS_STEPS_KM, t.radius),
    occupation: byCount(store.occupations.values, t.occupation, query.occupations),
  } satisfies Record<FacetName, FacetValue[]>
}

/** The hot loop, alone in its function so V8 optimises all of it. */
function tally(store: OfferStore, c: Candidates, nowMs: number, hasCenter: boolean) {
  const counts = {
    contract: new Int32Array(CONTRACT_TYPES.length),
    remote: new Int32Array(REMOTE_POLICIES.length),
    experience: new Int32Array(EXPERIENCE_LEVELS.length),
    territory: new Int32Array(store.territories.size),
    company: new Int32Array(store.companies.size),
    skill: new Int32Array(store.skills.size),
    posted: new Int32Array(POSTED.length),
    salary: new Int32Array(SALARIES.length),
    radius: new Int32Array(RADII.length),
    occupation: new Int32Array(store.occupations.size),
  }
  const { contract, remote, experience, territory, company, skill, posted, salary, radius, occupation } = counts
  const postedLimits = POSTED.map((days) => nowMs - days * DAY_MS)
  const { contract: contractOf, remote: remoteOf, experience: experienceOf, territory: territoryOf } = store
  const { company: companyOf, occupation: occupationOf, publishedAt, salaryStep } = store
  // Offers per number of thresholds reached; summed from the top after the loop.
  const salaryReached = new Int32Array(SALARIES.length + 1)
  const { data: skillData, start: skillStart, count: skillCount } = store.skillCodes
  const { slots, failedMask, distances } = c
  const notContract = ~BIT.contract
  const notRemote = ~BIT.remote
  const notExperience = ~BIT.experience
  const notTerritory = ~BIT.territory
  const notCompany = ~BIT.company
  const notPosted = ~BIT.postedWithin
  const notSalary = ~BIT.salaryMin
  const notRadius = ~BIT.radius
  const notOccupation = ~BIT.occupation

  for (let i = 0; i < c.count; i++) {
    const failed = failedMask[i]!
    // A candidate failing two filters or more counts nowhere.
    if ((failed & (failed - 1)) !== 0) continue
    const slot = slots[i]!
    if ((failed & notContract) === 0) contract[contractOf[slot]!]!++
    // An unstated remote policy (UNSTATED_REMOTE) is no value of the facet.
    if ((failed & notRemote) === 0 && remoteOf[slot]! < REMOTE_COUNT) remote[remoteOf[slot]!]!++
    if ((failed & notExperience) === 0) experience[experienceOf[slot]!]!++
    if ((failed & notTerritory) === 0 && territoryOf[slot]! >= 0) territory[territoryOf[slot]!]!++
    if ((failed & notCompany) === 0) company[companyOf[slot]!]!++
    if ((failed & notOccupation) === 0 && occupationOf[slot]! >= 0) occupation[occupationOf[slot]!]!++
    if (failed === 0) {
      const end = skillStart[slot]! + skillCount[slot]!
      for (let k = skillStart[slot]!; k < end; k++) skill[skillData[k]!]!++
    }
    if ((failed & notPosted) === 0) {
      const at = publishedAt[slot]!
      for (let k = 0; k < postedLimits.length; k++) if (at >= postedLimits[k]!) posted[k]!++
    }
    if ((failed & notSalary) === 0) salaryReached[salaryStep[slot]!]!++
    if (hasCenter && (failed & notRadius) === 0) {
      const km = distances[i]!
      for (let k = 0; k < RADII.length; k++) if (km <= RADII[k]!) radius[k]!++
    }
  }
  // An offer reaching n thresholds counts for the first n of them.
  let reached = 0
  for (let k = SALARIES.length; k >= 1; k--) {
    reached += salaryReached[k]!
    salary[k - 1] = reached
  }
  return counts
}

/**
 * Values by count (then name), the top ones plus any selected value. Of a
 * facet of thousands of values (companies, skills), only those counted at
 * least as often as the LISTED_FACET_VALUES-th most counted one can be
 * listed: only they (and the selected values) are sorted.
 */
function byCount(values: readonly string[], counts: Int32Array, selected: string[] = []): FacetValue[] {
  let floor = 1
  if (counts.length > LISTED_FACET_VALUES) {
    const counted = counts.filter((count) => count > 0).sort()
    if (counted.length > LISTED_FACET_VALUES) floor = counted[counted.length - LISTED_FACET_VALUES]!
  }
  const listed: (readonly [string, number])[] = []
  for (let code = 0; code < counts.length; code++) if (counts[code]! >= floor) listed.push([values[code]!, counts[code]!])
  // A selected value counted less keeps its count (it sorts after the listed ones).
  for (const value of selected) {
    const code = values.indexOf(value)
    if (code >= 0 && counts[code]! > 0 && counts[code]! < floor) listed.push([value, counts[code]!])
  }
  return topFacetValues(listed, selected)
}
