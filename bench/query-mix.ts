import { CONTRACT_TYPES, EXPERIENCE_LEVELS, REMOTE_POLICIES } from '#db/domain.ts'
import { Random } from '#db/seed/random.ts'
import { offerQuery } from '#search/query-params.ts'
import type { OfferQuery } from '#search/types.ts'

export type MixedQuery = { kind: 'keywords' | 'prefix' | 'typo' | 'filtered' | 'geo' | 'empty'; query: OfferQuery }

const KEYWORDS = [
  'développeur', 'react', 'alternance', 'data', 'support', 'java spring', 'technicien réseaux', 'cybersécurité',
  'php symfony', 'devops', 'stage python', 'chef de projet', 'javascript', 'administrateur systèmes', 'flutter',
  'ux designer', 'node', 'azure', 'wordpress', 'testeur', 'product owner', 'c#', 'embarqué', 'seo', 'linux',
  // Trades of the ROME vocabulary (bench offers of every trade).
  'comptable', 'infirmier', 'logistique', 'électricien', 'commercial', 'boulanger',
]
// What live search sends while a word is typed.
const PREFIXES = ['de', 'dév', 'ja', 'tech', 'adm', 'sta', 'al', 'py', 'ré', 'dat']
const TYPO_SOURCES = ['developpeur', 'technicien', 'administrateur', 'alternance', 'javascript', 'symfony', 'cybersecurite', 'analyste', 'maintenance', 'integrateur',
  'comptabilite', 'infirmiere', 'logistique', 'electricien', 'commerciale', 'boulangerie']
const TERRITORIES = ['calaisis', 'boulonnais', 'montreuillois', 'dunkerquois']
const CENTRES = ['62193', '62160', '59183', '62588', '59350', '62765']
const SKILLS = ['javascript', 'react', 'python', 'php', 'linux', 'sql', 'java', 'docker']

function typo(random: Random, word: string): string {
  const i = random.int(1, word.length - 2)
  switch (random.int(0, 2)) {
    case 0: return word.slice(0, i) + word.slice(i + 1) // deletion
    case 1: return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2) // transposition
    default: return word.slice(0, i) + 'e' + word.slice(i + 1) // substitution
  }
}

/** A fixed, seeded mix of the searches people make: same seed, same queries. */
export function queryMix(count: number, seed = 2026): MixedQuery[] {
  const random = new Random(seed)
  const mix: MixedQuery[] = []
  for (let n = 0; n < count; n++) {
    const roll = random.next()
    if (roll < 0.25) {
      mix.push({ kind: 'keywords', query: offerQuery({ text: random.pick(KEYWORDS), sort: 'relevance' }) })
    } else if (roll < 0.3) {
      mix.push({ kind: 'prefix', query: offerQuery({ text: random.pick(PREFIXES), sort: 'relevance' }) })
    } else if (roll < 0.5) {
      mix.push({ kind: 'typo', query: offerQuery({ text: typo(random, random.pick(TYPO_SOURCES)), sort: 'relevance' }) })
    } else if (roll < 0.7) {
      mix.push({
        kind: 'filtered',
        query: offerQuery({
          text: random.chance(0.7) ? random.pick(KEYWORDS) : '',
          contracts: random.sample(CONTRACT_TYPES, random.int(1, 2)),
          territories: random.chance(0.6) ? [random.pick(TERRITORIES)] : [],
          remote: random.chance(0.3) ? [random.pick(REMOTE_POLICIES)] : [],
          experience: random.chance(0.3) ? [random.pick(EXPERIENCE_LEVELS)] : [],
          skills: random.chance(0.3) ? [random.pick(SKILLS)] : [],
          salaryMin: random.chance(0.3) ? random.pick([25_000, 30_000, 35_000]) : null,
          postedWithinDays: random.chance(0.2) ? random.pick([7, 30]) : null,
          sort: 'relevance',
        }),
      })
    } else if (roll < 0.85) {
      mix.push({
        kind: 'geo',
        query: offerQuery({
          text: random.chance(0.5) ? random.pick(KEYWORDS) : '',
          near: { insee: random.pick(CENTRES), radiusKm: random.pick([10, 20, 50]) },
          sort: 'distance',
        }),
      })
    } else {
      mix.push({
        kind: 'empty',
        query: offerQuery({
          contracts: random.chance(0.4) ? [random.pick(CONTRACT_TYPES)] : [],
          sort: random.pick(['date', 'salary'] as const),
          page: random.int(1, 5),
        }),
      })
    }
  }
  return mix
}
