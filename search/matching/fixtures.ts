import type { MatchOffer, MatchProfile, Place } from './score.ts'

/** Hand-made places and pairs for the scorer's tests. */
export const PLACES = {
  calais: { latitude: 50.948, longitude: 1.856 },
  dunkerque: { latitude: 51.034, longitude: 2.377 },
  boulogne: { latitude: 50.726, longitude: 1.614 },
  lille: { latitude: 50.632, longitude: 3.058 },
} satisfies Record<string, Place>

export const NOW = new Date('2026-11-22T10:00:00Z')

export function profile(overrides: Partial<MatchProfile> = {}): MatchProfile {
  return {
    skills: [],
    place: PLACES.calais,
    mobilityKm: 30,
    remotePreference: 'any',
    contractTypes: [],
    excludedContracts: [],
    availableFrom: '2026-11-22',
    degreeLevel: 'bac2',
    graduationYear: 2026,
    languages: [{ code: 'fr', level: 'native' }],
    anywhereInFrance: false,
    // A web developer aiming for web development, as the default offer is (ROME M1855).
    occupations: ['M1855'],
    experience: [],
    ...overrides,
  }
}

export function offer(overrides: Partial<MatchOffer> = {}): MatchOffer {
  return {
    skills: [],
    place: PLACES.calais,
    remotePolicy: 'on_site',
    contractType: 'cdi',
    experienceLevel: 'entry',
    startDate: null,
    text: 'Développeur·se web',
    occupation: 'M1855',
    ...overrides,
  }
}

export const skill = (slug: string, name: string, level = 3) => ({ slug, name, level })
export const req = (slug: string, name: string) => ({ slug, name, required: true })
export const nice = (slug: string, name: string) => ({ slug, name, required: false })
