import fc from 'fast-check'
import {
  CONTRACT_TYPES, DEGREE_LEVELS, EXPERIENCE_KINDS, EXPERIENCE_LEVELS, LANGUAGE_LEVELS, REMOTE_POLICIES, REMOTE_PREFERENCES,
} from '#db/domain.ts'
import { skills as TAXONOMY } from '#db/reference/skills.ts'
import { NOW, PLACES } from './fixtures.ts'
import type { MatchOffer, MatchProfile } from './score.ts'

/** Random profiles and offers for the scorers' property tests. */

const slugs = TAXONOMY.map((s) => s.slug)
const nameOf = new Map(TAXONOMY.map((s) => [s.slug, s.name]))
// Around the Côte d'Opale, a bit beyond.
export const place = fc.record({ latitude: fc.double({ min: 50.2, max: 51.2, noNaN: true }), longitude: fc.double({ min: 1.4, max: 3.2, noNaN: true }) })
// A forum's places repeat (people share a few communes), some on the same parallel or meridian.
const grid = fc.record({ latitude: fc.constantFrom(50.72, 50.95), longitude: fc.constantFrom(1.61, 1.86, 2.38) })
const commonPlace = fc.oneof(place, grid, fc.constantFrom(...Object.values(PLACES)))
// A few neighbouring digital occupations (ROME mobility links between them) and a far one.
const occupationCodes = ['M1801', 'M1810', 'M1805', 'M1855', 'M1811', 'M1894', 'I1401', 'E1205']
const month = fc.integer({ min: 2015 * 12, max: 2028 * 12 }).map((m) => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`)
const entry = fc.record({ kind: fc.constantFrom(...EXPERIENCE_KINDS), start: month, end: fc.option(month) })
const date = fc.integer({ min: 0, max: 400 }).map((d) => new Date(NOW.getTime() + (d - 100) * 86_400_000).toISOString().slice(0, 10))

export const profileArb: fc.Arbitrary<MatchProfile> = fc.record({
  skills: fc.uniqueArray(fc.constantFrom(...slugs), { maxLength: 8 }).chain((picked) =>
    fc.tuple(...picked.map((slug) => fc.integer({ min: 1, max: 4 }).map((level) => ({ slug, name: nameOf.get(slug)!, level }))))),
  place: fc.option(commonPlace),
  mobilityKm: fc.integer({ min: 0, max: 500 }),
  remotePreference: fc.constantFrom(...REMOTE_PREFERENCES),
  contractTypes: fc.subarray([...CONTRACT_TYPES]),
  excludedContracts: fc.subarray([...CONTRACT_TYPES], { maxLength: 2 }),
  availableFrom: fc.option(date),
  degreeLevel: fc.option(fc.constantFrom(...DEGREE_LEVELS)),
  graduationYear: fc.option(fc.integer({ min: 1990, max: 2030 })),
  languages: fc.option(fc.constantFrom(...LANGUAGE_LEVELS)).map((en) => (en ? [{ code: 'en', level: en }] : [])),
  anywhereInFrance: fc.boolean(),
  occupations: fc.uniqueArray(fc.constantFrom(...occupationCodes), { maxLength: 3 }),
  experience: fc.array(entry, { maxLength: 3 }),
})

export const offerArb: fc.Arbitrary<MatchOffer> = fc.record({
  skills: fc.uniqueArray(fc.constantFrom(...slugs), { maxLength: 8 }).chain((picked) =>
    fc.tuple(...picked.map((slug) => fc.boolean().map((required) => ({ slug, name: nameOf.get(slug)!, required }))))),
  place: fc.option(commonPlace),
  remotePolicy: fc.constantFrom(...REMOTE_POLICIES),
  contractType: fc.constantFrom(...CONTRACT_TYPES),
  experienceLevel: fc.constantFrom(...EXPERIENCE_LEVELS),
  startDate: fc.option(date),
  text: fc.constantFrom('Développeur web', 'Anglais courant exigé', 'Fluent English required', 'Administrateur Linux et Docker',
    'Développeur PHP Symfony, anglais lu', 'Technicien support, Windows Server et réseaux TCP/IP'),
  occupation: fc.option(fc.constantFrom(...occupationCodes)),
})
