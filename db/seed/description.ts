import type { ContractType, ExperienceLevel, RemotePolicy } from '../domain.ts'
import type { JobArchetype } from './archetypes.ts'
import {
  BENEFITS,
  CONTRACT_PHRASES,
  EXPERIENCE_PHRASES,
  FRENCH_MONTHS,
  REMOTE_BENEFIT,
  REMOTE_PHRASES,
  SEASIDE_BENEFIT,
  SOFT_SKILLS,
  STUDENT_PHRASE,
  TRAININGS,
} from './content.ts'
import type { Random } from './random.ts'

export type OfferDescriptionInput = {
  archetype: JobArchetype
  companyName: string
  communeName: string
  contract: ContractType
  remote: RemotePolicy
  level: ExperienceLevel
  /** Display names, so that a text search for "React" or "Power BI" finds the offer. */
  requiredSkills: string[]
  niceToHaveSkills: string[]
  /** YYYY-MM-DD, or null for "dès que possible". */
  startDate: string | null
  seaside: boolean
}

/** The Markdown body of an offer, in the four sections every offer of the board has. */
export function offerDescription(rng: Random, input: OfferDescriptionInput): string {
  const { archetype } = input
  const start = input.startDate ? `Prise de poste souhaitée le ${frenchDate(input.startDate)}.` : 'Poste à pourvoir dès que possible.'
  const intro = [
    `Rejoignez ${input.companyName} ${atPlace(input.communeName)} en tant que ${archetype.title}.`,
    archetype.pitch,
    rng.pick(CONTRACT_PHRASES[input.contract]),
    REMOTE_PHRASES[input.remote],
    start,
  ].join(' ')

  const missions = rng.sample(archetype.missions, rng.int(3, 5))

  const [firstTraining, secondTraining] = rng.sample(TRAININGS[archetype.family], 2)
  const trainings = `${firstTraining}${secondTraining ? ` ou ${secondTraining}` : ''}`
  const student = input.contract === 'stage' || input.contract === 'alternance'
  const profile = [
    student
      ? `Formation en cours : ${trainings}, ou équivalent.`
      : `Formation : ${trainings}, ou parcours équivalent (reconversion bienvenue).`,
    student ? STUDENT_PHRASE : EXPERIENCE_PHRASES[input.level],
    `Vous maîtrisez ${frenchList(input.requiredSkills)}.`,
    ...(input.niceToHaveSkills.length > 0 ? [`Un plus : ${frenchList(input.niceToHaveSkills)}.`] : []),
    rng.pick(SOFT_SKILLS),
  ]

  const benefits = rng.sample(BENEFITS, rng.int(2, 4))
  if (input.remote === 'hybrid') benefits.push(REMOTE_BENEFIT)
  if (input.seaside && rng.chance(0.6)) benefits.push(SEASIDE_BENEFIT)

  return [
    '## Le poste', '', intro, '',
    '## Vos missions', '', bullets(missions), '',
    '## Votre profil', '', bullets(profile), '',
    '## Ce que nous offrons', '', bullets(benefits), '',
  ].join('\n')
}

const bullets = (lines: string[]) => lines.map((line) => `- ${line}`).join('\n')

/** "A, B et C". */
export function frenchList(items: string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} et ${items[items.length - 1]}`
}

/** "à Calais", but "au Portel", "aux Attaques". */
export function atPlace(commune: string): string {
  if (commune.startsWith('Le ')) return `au ${commune.slice(3)}`
  if (commune.startsWith('Les ')) return `aux ${commune.slice(4)}`
  return `à ${commune}`
}

/** "2027-01-04" → "4 janvier 2027"; no Intl, so the output never depends on the ICU build. */
export function frenchDate(isoDate: string): string {
  const [year, month, day] = isoDate.slice(0, 10).split('-').map(Number)
  return `${day === 1 ? '1er' : day} ${FRENCH_MONTHS[month! - 1]} ${year}`
}
