import type { ContractType, DegreeLevel, LanguageLevel, RemotePreference } from '../domain.ts'
import { FAMILY_NAMES } from './content.ts'
import type { Random } from './random.ts'
import { DEFAULT_DEMO, type DemoVocabulary, type SeedCommune } from './generate.ts'

/**
 * Believable young graduates of the Côte d'Opale: the regional trainings,
 * the skills those trainings teach, a home commune and what they look for.
 * Deterministic for a given Random; used by the demo and, later, the
 * matching benchmarks.
 */

const FIRST_NAMES = [
  'Inès', 'Lucas', 'Manon', 'Hugo', 'Chloé', 'Nathan', 'Léa', 'Enzo', 'Camille', 'Théo', 'Sarah', 'Mathis', 'Jade',
  'Yanis', 'Zoé', 'Maxime', 'Lina', 'Quentin', 'Émilie', 'Rayan', 'Océane', 'Antoine', 'Amandine', 'Kévin', 'Anaïs',
  'Romain', 'Justine', 'Mehdi', 'Clémence', 'Florian',
] as const

const MORE_FAMILY_NAMES = ['Dubois', 'Lambert', 'Hennebelle', 'Pruvost', 'Delaporte', 'Boulanger', 'Marchand', 'Ben Saïd',
  'Nguyen', 'Wallet', 'Lecocq', 'Duhamel', 'Coppin', 'Dufour', 'Haddad'] as const

export type Training = {
  school: string
  programme: string
  degree: DegreeLevel | null
  /** What the training teaches, most central first. */
  skills: string[]
  contracts: ContractType[]
  /** ROME codes the training leads to, most direct first (at most 3, as a profile holds). */
  occupations: string[]
}

export const TRAININGS: Training[] = [
  { school: 'Lycée Léonard de Vinci, Calais', programme: 'BTS SIO option SLAM', degree: 'bac2',
    skills: ['php', 'sql', 'html-css', 'javascript', 'symfony', 'git', 'mysql'], contracts: ['alternance', 'cdi', 'stage'] , occupations: ['M1805', 'M1855'] },
  { school: 'Lycée Mariette, Boulogne-sur-Mer', programme: 'BTS SIO option SISR', degree: 'bac2',
    skills: ['reseaux', 'linux', 'windows-server', 'support', 'cybersecurite', 'docker'], contracts: ['alternance', 'cdi', 'cdd'] , occupations: ['M1801', 'I1401', 'M1810'] },
  { school: 'IUT du Littoral Côte d’Opale, Calais', programme: 'BUT Informatique', degree: 'bac3',
    skills: ['java', 'javascript', 'sql', 'python', 'git', 'typescript', 'react', 'postgresql'], contracts: ['cdi', 'alternance', 'stage'] , occupations: ['M1805', 'M1855', 'M1861'] },
  { school: 'IUT du Littoral Côte d’Opale, Boulogne-sur-Mer', programme: 'BUT Métiers du multimédia et de l’internet', degree: 'bac3',
    skills: ['html-css', 'javascript', 'figma', 'ux-design', 'wordpress', 'seo', 'reseaux-sociaux'], contracts: ['alternance', 'cdi', 'freelance'] , occupations: ['M1855', 'E1206', 'E1205'] },
  { school: 'IUT du Littoral Côte d’Opale, Calais', programme: 'BUT Réseaux et télécommunications', degree: 'bac3',
    skills: ['reseaux', 'linux', 'cybersecurite', 'docker', 'aws', 'ci-cd'], contracts: ['cdi', 'alternance'] , occupations: ['M1816', 'M1801', 'M1854'] },
  { school: 'Université du Littoral Côte d’Opale, Calais', programme: 'Master informatique WeDSci', degree: 'bac5',
    skills: ['python', 'machine-learning', 'sql', 'java', 'docker', 'git', 'power-bi'], contracts: ['cdi', 'stage'] , occupations: ['M1405', 'M1811', 'M1419'] },
  { school: 'Université du Littoral Côte d’Opale, Calais', programme: 'Licence informatique', degree: 'bac3',
    skills: ['java', 'cpp', 'python', 'sql', 'linux', 'git'], contracts: ['cdi', 'stage', 'alternance'] , occupations: ['M1805', 'M1861'] },
  { school: 'Simplon Hauts-de-France, Dunkerque', programme: 'Titre professionnel Développeur web et web mobile', degree: 'bac2',
    skills: ['javascript', 'react', 'nodejs', 'html-css', 'git', 'mongodb', 'scrum'], contracts: ['cdi', 'cdd', 'alternance'] , occupations: ['M1855', 'M1805'] },
  { school: 'AFPA, Saint-Omer', programme: 'Titre professionnel Technicien supérieur systèmes et réseaux', degree: 'bac2',
    skills: ['windows-server', 'reseaux', 'support', 'linux', 'azure'], contracts: ['cdi', 'cdd', 'interim'] , occupations: ['M1801', 'M1816', 'I1401'] },
  { school: 'IUT du Littoral Côte d’Opale, Dunkerque', programme: 'Licence pro Développement web et mobile', degree: 'bac3',
    skills: ['flutter', 'dart', 'react-native', 'javascript', 'laravel', 'php', 'git'], contracts: ['alternance', 'cdi'] , occupations: ['M1855', 'M1861'] },
]

const LANGUAGES: [string, LanguageLevel][][] = [
  [['fr', 'native'], ['en', 'b2']],
  [['fr', 'native'], ['en', 'b1']],
  [['fr', 'native'], ['en', 'c1'], ['nl', 'a2']],
  [['fr', 'native'], ['en', 'b2'], ['es', 'b1']],
  [['fr', 'native'], ['ar', 'native'], ['en', 'b2']],
  [['fr', 'native'], ['en', 'a2'], ['de', 'a2']],
]

const BIOS = [
  (t: Training) => `Fraîchement diplômé·e (${t.programme}), je cherche une équipe où progresser sur des projets concrets.`,
  (t: Training, homeName: string) => `Après mon ${t.programme}, j’aimerais rester travailler près de chez moi (${homeName}) et rejoindre une entreprise du numérique locale.`,
  (t: Training) => `Curieux·se et rigoureux·se, j’ai réalisé plusieurs projets pendant mon ${t.programme} ; disponible rapidement.`,
  () => 'Passionné·e par le numérique depuis le lycée, je cherche une alternance ou un premier poste près de chez moi.',
]

export type GeneratedCandidate = {
  firstName: string
  lastName: string
  email: string
  training: Training
  graduationYear: number
  communeInsee: string
  mobilityKm: number
  remotePreference: RemotePreference
  contractTypes: ContractType[]
  availableFrom: string
  bio: string
  consenting: boolean
  skills: { slug: string; level: number }[]
  languages: [string, LanguageLevel][]
  /** The training's occupations (no draw: the demo's other draws stay as they were). */
  occupations: string[]
}

export function generateCandidates(
  rng: Random,
  count: number,
  communes: SeedCommune[],
  options: { now: Date; emailDomain: string; region?: DemoVocabulary },
): GeneratedCandidate[] {
  const demo = options.region ?? DEFAULT_DEMO
  // The same trainings everywhere, taught by the region's schools.
  const trainings = TRAININGS.map((t, i) => ({ ...t, school: demo.schools[i] ?? t.school }))
  const families = [...(demo.familyNames ?? FAMILY_NAMES), ...MORE_FAMILY_NAMES]
  // Most graduates live in the big towns; weight communes by population.
  const weightedCommunes = communes.map((c) => [c.insee, Math.sqrt(c.population ?? 1000)] as const)
  return Array.from({ length: count }, (_, i) => {
    const firstName = rng.pick(FIRST_NAMES)
    const lastName = rng.pick(families)
    const training = rng.pick(trainings)
    // The core of the training, plus a few picked up elsewhere.
    const own = training.skills.filter((_, k) => k < 3 || rng.chance(0.6))
    const extra = rng.chance(0.5) ? [rng.pick(trainings).skills[0]!] : []
    const skills = [...new Set([...own, ...extra])].map((slug, k) => ({ slug, level: k < 2 ? rng.int(2, 4) : rng.int(1, 3) }))
    const year = options.now.getUTCFullYear()
    const available = new Date(options.now.getTime() + rng.int(0, 120) * 86_400_000)
    const asciiName = `${firstName}.${lastName}`.normalize('NFD').replace(/[^A-Za-z.]/g, '').toLowerCase()
    return {
      firstName,
      lastName,
      email: `${asciiName}.${i + 1}@${options.emailDomain}`,
      training,
      graduationYear: rng.int(year - 2, year + 1),
      communeInsee: rng.pickWeighted(weightedCommunes),
      mobilityKm: rng.pick([10, 20, 30, 30, 50, 80]),
      remotePreference: rng.pickWeighted<RemotePreference>([['any', 4], ['hybrid', 3], ['on_site', 2], ['full_remote', 1]]),
      contractTypes: training.contracts.filter((_, k) => k === 0 || rng.chance(0.5)),
      availableFrom: available.toISOString().slice(0, 10),
      bio: rng.pick(BIOS)(training, demo.homeName),
      consenting: rng.chance(0.7),
      skills,
      languages: rng.pick(LANGUAGES),
      occupations: training.occupations,
    }
  })
}
