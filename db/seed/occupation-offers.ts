import type { ContractType, RemotePolicy } from '../domain.ts'
import { occupationByCode } from '../reference/occupations.ts'
import type { NewOffer } from '../schema.ts'
import type { Random } from './random.ts'
import { genderedForms } from '#search/occupations.ts'

/**
 * Offers whose titles are ROME job titles (appellations, either gender),
 * sometimes with the stack a recruiter adds ("Développeur web PHP (H/F)"),
 * each tagged with its occupation: the relevance benchmark judges results by
 * that code. Pure and deterministic for a given Random.
 */

/** The digital occupations offers are drawn from, with rough posting shares. */
export const POSTED_OCCUPATIONS: [code: string, weight: number][] = [
  ['M1805', 12], ['M1855', 14], ['M1861', 6], ['M1801', 8], ['M1810', 4], ['M1816', 5], ['M1854', 4], ['M1811', 5],
  ['M1419', 6], ['M1405', 4], ['M1827', 5], ['M1853', 5], ['M1886', 3], ['M1864', 3], ['M1815', 3], ['M1844', 3],
  ['I1404', 6], ['I1401', 3], ['E1206', 3], ['M1718', 3], ['M1860', 2], ['M1824', 2],
]

const STACKS: Record<string, string[]> = {
  M1805: ['Java', 'C#', 'Python', '.NET'],
  M1855: ['PHP', 'React', 'JavaScript', 'Symfony'],
  M1861: ['Java', 'Kotlin', 'Flutter'],
  M1811: ['Python', 'Spark'],
  M1824: ['Power BI'],
  M1827: ['Kubernetes', 'AWS'],
}
const CONTRACTS: [ContractType, number][] = [['cdi', 60], ['cdd', 12], ['alternance', 12], ['stage', 8], ['freelance', 8]]
const REMOTE: [RemotePolicy, number][] = [['on_site', 50], ['hybrid', 35], ['full_remote', 15]]
const SENTENCES = [
  'Vous rejoignez une équipe à taille humaine, au contact des clients.',
  'Nous accompagnons des PME et des collectivités dans leurs projets numériques.',
  'Vous participez aux choix techniques et à l’amélioration continue.',
  'Vous êtes curieux·se, rigoureux·se et aimez travailler en équipe.',
  'Poste ouvert aux jeunes diplômé·es, formation assurée à l’arrivée.',
]

export type RomeOffer = Omit<NewOffer, 'company_id' | 'slug'> & { occupation: string }

export function generateRomeOffers(rng: Random, count: number, communes: string[], now: Date): RomeOffer[] {
  const pickOccupation = rng.weightedPicker(POSTED_OCCUPATIONS)
  return Array.from({ length: count }, () => {
    const code = pickOccupation()
    const occupation = occupationByCode(code)!
    const appellation = rng.pick(occupation.appellations)
    const form = rng.pick(genderedForms(appellation.label))
    const stack = STACKS[code] && rng.chance(0.5) ? ` ${rng.pick(STACKS[code]!)}` : ''
    const title = `${form}${stack}${rng.chance(0.5) ? ' (H/F)' : ''}`.slice(0, 120)
    const contract = rng.pickWeighted(CONTRACTS)
    const published = new Date(now.getTime() - rng.int(0, 50) * 86_400_000)
    return {
      title,
      description_md: [`Nous recrutons : ${form.toLowerCase()}.`, ...rng.sample(SENTENCES, 3)].join(' '),
      commune_insee: rng.pick(communes),
      occupation: code,
      remote_policy: rng.pickWeighted(REMOTE),
      contract_type: contract,
      experience_level: rng.pick(['entry', 'junior', 'confirmed', 'senior'] as const),
      salary_min: null,
      salary_max: null,
      salary_period: null,
      status: 'published',
      published_at: published.toISOString(),
      expires_at: new Date(published.getTime() + 60 * 86_400_000).toISOString(),
      created_at: published.toISOString(),
      updated_at: published.toISOString(),
    }
  })
}
