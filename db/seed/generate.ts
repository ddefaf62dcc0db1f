import type { ContractType, OfferStatus, RemotePolicy, SalaryPeriod } from '../domain.ts'
import { skills } from '../reference/skills.ts'
import type { Commune, NewCompany, NewOffer } from '../schema.ts'
import { JOB_ARCHETYPES, type JobArchetype } from './archetypes.ts'
import {
  CLUSTER_SENTENCE,
  COMPANY_NAME_LEADS,
  COMPANY_NAME_SUFFIXES,
  COMPANY_SIZE_PHRASES,
  COMPANY_SIZE_WEIGHTS,
  COMPANY_VALUES_SENTENCES,
  FAMILY_NAMES,
  NAF_ACTIVITIES,
  TITLE_SUFFIXES,
} from './content.ts'
import { atPlace, offerDescription } from './description.ts'
import { randomSiren, slugify, uniqueSlug } from '../identifiers.ts'
import { generateOfferDates } from './offer-dates.ts'
import { longTailSentence, romeOffer } from './rome-offers.ts'
import { suggestOccupation } from '#search/occupations.ts'
import type { Random } from './random.ts'
import { DEFAULT_REGION_SLUG, regionDefinition, type RegionDefinition } from '../reference/regions.ts'

/**
 * Pure generation of demo rows: no database, no clock, no Math.random. The
 * caller (seedDemo) inserts them; tests and benchmarks get the same rows for
 * the same seed.
 */

/** A commune companies and offers may be placed in: only those with coordinates, so radius search sees them. */
export type SeedCommune = Pick<Commune, 'insee' | 'name' | 'population' | 'territory_id'>
export type SeededCompany = NewCompany & { id: number }
export type OfferSkillSeed = { slug: string; required: boolean }
export type GeneratedOffer = { offer: NewOffer; skills: OfferSkillSeed[] }

const DAY = 86_400_000
/** What a region gives the demo: names, schools, sentences (db/reference/regions/*.json). */
export type DemoVocabulary = RegionDefinition['demo']
export const DEFAULT_DEMO: DemoVocabulary = regionDefinition(DEFAULT_REGION_SLUG).demo
const TERRITORY_SHARE = 0.7
const CLUSTER_SHARE = 0.6

export function generateCompanies(
  rng: Random,
  count: number,
  communes: SeedCommune[],
  options: { now: Date; cluster: { id: number; name: string } | null; region?: DemoVocabulary },
): NewCompany[] {
  const demo = options.region ?? DEFAULT_DEMO
  const valuesSentences = COMPANY_VALUES_SENTENCES(demo.homeName)
  const byPopulation = (list: SeedCommune[]) => list.map((c) => [c, c.population ?? 1] as const)
  const territories = new Map<number, SeedCommune[]>()
  for (const c of communes) {
    if (c.territory_id !== null) territories.set(c.territory_id, [...(territories.get(c.territory_id) ?? []), c])
  }
  const inTerritories = byPopulation([...territories.values()].flat())
  const nearby = byPopulation(communes.filter((c) => c.territory_id === null))
  // The first companies go one to each territory, so even a tiny seed covers them all.
  const firstPicks = [...territories.values()].map(byPopulation)

  const names = new Set<string>()
  const slugs = new Set<string>()
  return Array.from({ length: count }, (_, i) => {
    const pool = firstPicks[i] ?? (rng.chance(TERRITORY_SHARE) || nearby.length === 0 ? inTerritories : nearby)
    const commune = rng.pickWeighted(pool)
    const name = companyName(rng, names, commune.name, demo.companyNamePrefixes, demo.familyNames ?? FAMILY_NAMES)
    const slug = uniqueSlug(slugify(name), slugs)
    const naf = rng.pickWeighted(NAF_ACTIVITIES.map((a) => [a, a.weight] as const))
    const size = rng.pickWeighted(COMPANY_SIZE_WEIGHTS)
    const cluster = options.cluster && rng.chance(CLUSTER_SHARE) ? options.cluster : null
    const founded = options.now.getUTCFullYear() - rng.int(1, 25)
    const description = [
      `${name} ${naf.activity}, ${atPlace(commune.name)}.`,
      `Fondée en ${founded}, l’entreprise réunit ${COMPANY_SIZE_PHRASES[size]}.`,
      rng.pick(valuesSentences),
      ...(cluster ? [CLUSTER_SENTENCE(cluster.name)] : []),
    ].join(' ')
    return {
      slug,
      name,
      siren: rng.chance(0.8) ? randomSiren(rng) : null,
      naf_code: naf.code,
      size_band: size,
      cluster_id: cluster?.id ?? null,
      description,
      website: rng.chance(0.85) ? `https://www.${slug}.fr` : null,
      commune_insee: commune.insee,
      // Joined the board well before any of its offers (the oldest are ~125 days old).
      created_at: new Date(options.now.getTime() - rng.int(130, 1500) * DAY).toISOString(),
    }
  })
}

function companyName(rng: Random, taken: Set<string>, communeName: string, prefixes: string[], families: readonly string[]): string {
  let name = ''
  // A few draws to avoid homonyms. The word lists give ~660 names; past that,
  // the town tells companies apart ("Opale Digital Calais"), then the slug's number.
  for (let attempt = 0; attempt < 5 && (name === '' || taken.has(name)); attempt++) {
    const roll = rng.next()
    name =
      roll < 0.6 ? `${rng.pick(prefixes)} ${rng.pick(COMPANY_NAME_SUFFIXES)}`
      : roll < 0.8 ? `${rng.pick(families)} ${rng.pick(COMPANY_NAME_SUFFIXES)}`
      : `${rng.pick(COMPANY_NAME_LEADS)} ${rng.pick(prefixes)}`
  }
  if (taken.has(name)) name = `${name} ${communeName}`
  taken.add(name)
  return name
}

const CONTRACT_WEIGHTS: Record<ContractType, number> = { cdi: 55, cdd: 12, alternance: 13, stage: 8, freelance: 7, interim: 5 }
const REMOTE_WEIGHTS: [RemotePolicy, number][] = [['on_site', 50], ['hybrid', 35], ['full_remote', 15]]
const STATUS_WEIGHTS: [OfferStatus, number][] = [['published', 88], ['draft', 4], ['pending', 3], ['closed', 3], ['expired', 2]]
const POSTING_WEIGHT: Record<NewCompany['size_band'], number> = { '1-9': 1, '10-49': 2, '50-249': 4, '250+': 6 }
const SKILL_NAMES = new Map(skills.map((s) => [s.slug, s.name]))
// The recruiter's choice, as the form would suggest it from the archetype's title.
const OCCUPATION_OF = new Map(JOB_ARCHETYPES.map((a) => [a.title, suggestOccupation(a.title)]))
const occupationOf = (archetype: JobArchetype) => OCCUPATION_OF.get(archetype.title) ?? null

export function generateOffers(
  rng: Random,
  count: number,
  companies: SeededCompany[],
  now: Date,
  communes: SeedCommune[],
  region: DemoVocabulary = DEFAULT_DEMO,
  options: { wideVocabulary: boolean } = { wideVocabulary: false },
): GeneratedOffer[] {
  if (count === 0) return []
  const communeByInsee = new Map(communes.map((c) => [c.insee, c]))
  const pickElsewhere = rng.weightedPicker(communes.map((c) => [c, c.population ?? 1] as const))
  const pickPoster = rng.weightedPicker(companies.map((c) => [c, POSTING_WEIGHT[c.size_band]] as const))

  return Array.from({ length: count }, (_, i) => {
    const company = pickPoster()
    const archetype = rng.pick(JOB_ARCHETYPES)
    const contract = rng.pickWeighted(archetype.contracts.map((c) => [c, CONTRACT_WEIGHTS[c]] as const))
    const level = experienceFor(rng, archetype, contract)
    const remote = archetype.onSite ? 'on_site' : rng.pickWeighted(REMOTE_WEIGHTS)
    const commune = rng.chance(0.8) ? communeByInsee.get(company.commune_insee) : pickElsewhere()
    if (!commune) throw new Error(`Commune ${company.commune_insee} of ${company.slug} is not among the seed communes`)
    const status = rng.pickWeighted(STATUS_WEIGHTS)
    const dates = generateOfferDates(rng, status, now)
    const niceToHave = rng.sample(archetype.niceToHave, rng.int(1, archetype.niceToHave.length))
    let title = archetype.title + titleSuffix(rng, contract, commune.name)
    let description_md = offerDescription(rng, {
      archetype, contract, remote, level,
      companyName: company.name,
      communeName: commune.name,
      requiredSkills: archetype.required.map(skillName),
      niceToHaveSkills: niceToHave.map(skillName),
      startDate: dates.start_date,
      seaside: region.seaside && commune.territory_id !== null,
    })
    if (options.wideVocabulary) {
      // Half the offers of every trade (ROME), half digital ones; all name clients and projects, as real offers do.
      if (rng.chance(0.5)) ({ title, description_md } = romeOffer(rng, { companyName: company.name, communeName: commune.name, contract }))
      else description_md += `\n${longTailSentence(rng)}`
    }
    const salary = rng.chance(0.75) ? salaryFor(rng, archetype, contract, level) : null
    return {
      offer: {
        slug: `${slugify(title)}-${company.slug}-${i + 1}`,
        company_id: company.id,
        title,
        description_md,
        commune_insee: commune.insee,
        occupation: occupationOf(archetype),
        remote_policy: remote,
        contract_type: contract,
        experience_level: level,
        salary_min: salary?.min ?? null,
        salary_max: salary?.max ?? null,
        salary_period: salary?.period ?? null,
        status,
        ...dates,
      },
      skills: [
        ...archetype.required.map((slug) => ({ slug, required: true })),
        ...niceToHave.map((slug) => ({ slug, required: false })),
      ],
    }
  })
}

function skillName(slug: string): string {
  const name = SKILL_NAMES.get(slug)
  if (!name) throw new Error(`Unknown skill slug "${slug}" in the job archetypes`)
  return name
}

function experienceFor(rng: Random, archetype: JobArchetype, contract: ContractType) {
  if (contract === 'stage' || contract === 'alternance') return 'entry' as const
  // Nobody hires a beginner as a freelancer.
  const levels = contract === 'freelance' ? archetype.levels.filter((l) => l !== 'entry') : archetype.levels
  return rng.pick(levels.length > 0 ? levels : archetype.levels)
}

function titleSuffix(rng: Random, contract: ContractType, communeName: string): string {
  if ((contract === 'alternance' || contract === 'stage') && rng.chance(0.4)) return ` – ${contract}`
  const roll = rng.next()
  if (roll < 0.12) return rng.pick(TITLE_SUFFIXES)
  if (roll < 0.22) return ` – ${communeName}`
  return ''
}

type Salary = { min: number; max: number | null; period: SalaryPeriod }
// Where in the archetype's yearly range each level starts and ends.
const LEVEL_BANDS = { entry: [0, 0.3], junior: [0.15, 0.5], confirmed: [0.4, 0.8], senior: [0.65, 1] } as const

function salaryFor(rng: Random, archetype: JobArchetype, contract: ContractType, level: keyof typeof LEVEL_BANDS): Salary {
  const between = (low: number, high: number, step: number) => {
    const min = Math.round(rng.int(low, high) / step) * step
    return { min, max: Math.min(high, min + rng.int(0, 4) * step) }
  }
  // Trainees, apprentices, freelancers and temps are paid by the month, day or hour.
  if (contract === 'stage') return { ...between(600, 1000, 50), period: 'month' }
  if (contract === 'alternance') return { ...between(900, 1500, 50), period: 'month' }
  if (contract === 'freelance') return { ...between(250, 550, 50), period: 'day' }
  if (contract === 'interim') return { ...between(12, 18, 1), period: 'hour' }

  const [low, high] = archetype.salary
  const [from, to] = LEVEL_BANDS[level]
  const min = Math.round((low + (high - low) * (from + rng.next() * (to - from) * 0.6)) / 500) * 500
  // One offer in ten only says "à partir de".
  const max = rng.chance(0.1) ? null : Math.max(min, Math.min(high, min + rng.int(4, 12) * 500))
  return { min, max, period: 'year' }
}
