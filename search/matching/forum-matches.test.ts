import { expect, it } from 'vitest'
import { computeForumMatchLists, type ForumCandidate, type ForumOffer } from './forum-matches.ts'
import { relatedSkills } from './related-skills.ts'
import { scoreMatch, type MatchOffer, type MatchProfile } from './score.ts'

const NOW = new Date('2026-11-20T10:00:00Z')
const CALAIS = { latitude: 50.95, longitude: 1.86 }
const DUNKERQUE = { latitude: 51.03, longitude: 2.38 }
const SKILLS = ['php', 'symfony', 'javascript', 'typescript', 'react', 'sql', 'java', 'linux', 'reseaux', 'figma']

function profile(skills: [string, number][], place = CALAIS): MatchProfile {
  return { skills: skills.map(([slug, level]) => ({ slug, name: slug, level })), place, mobilityKm: 30, remotePreference: 'any',
    contractTypes: ['cdi'], availableFrom: '2026-12-01', degreeLevel: 'bac3', graduationYear: 2026, languages: [],
    anywhereInFrance: false, excludedContracts: [], occupations: [], experience: [] }
}
function offer(required: string[], nice: string[] = [], place = CALAIS): MatchOffer {
  return { skills: [...required.map((slug) => ({ slug, name: slug, required: true })), ...nice.map((slug) => ({ slug, name: slug, required: false }))],
    place, remotePolicy: 'on_site', contractType: 'cdi', experienceLevel: 'entry', startDate: null, text: '', occupation: null }
}

// A deterministic spread of both sides.
let seed = 7
const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
const pick = () => SKILLS[Math.floor(next() * SKILLS.length)]!
const candidates: ForumCandidate[] = Array.from({ length: 120 }, (_, i) => ({
  id: i + 1,
  profile: profile(Array.from({ length: 1 + Math.floor(next() * 4) }, () => [pick(), 1 + Math.floor(next() * 4)] as [string, number])
    .filter(([slug], k, all) => all.findIndex(([s]) => s === slug) === k), next() < 0.5 ? CALAIS : DUNKERQUE),
}))
const offers: ForumOffer[] = Array.from({ length: 30 }, (_, i) => ({
  id: 100 + i,
  companyId: 1 + (i % 8),
  offer: offer(Array.from({ length: Math.floor(next() * 3) }, pick), [pick()], next() < 0.5 ? CALAIS : DUNKERQUE),
}))

it('equals scoring every pair that shares a required skill (or a related one), keeping each company’s best offer', () => {
  expectBruteForce(offers, candidates)
})

it('ranks ties by the smaller id whatever order the ids come in', () => {
  // The same forum with ids in no particular order: 37 is prime to 120, so i ↦ 37i mod 120 shuffles 1…120.
  expectBruteForce(
    offers.map((o, i) => ({ ...o, companyId: 1 + ((i * 5) % 8) })),
    candidates.map((c, i) => ({ ...c, id: 1 + ((i * 37) % 120) })),
  )
})

function expectBruteForce(offers: ForumOffer[], candidates: ForumCandidate[]) {
  const { byCompany, byCandidate, scored } = computeForumMatchLists(offers, candidates, { now: NOW })
  const expected = new Map<string, { score: number; offerId: number }>()
  let shortlisted = 0
  for (const o of offers) {
    const required = o.offer.skills.filter((s) => s.required)
    const asked = required.length ? required : o.offer.skills
    for (const c of candidates) {
      const held = new Set(c.profile.skills.map((s) => s.slug))
      const shares = asked.length === 0 || asked.some((s) => held.has(s.slug) || [...relatedSkills(s.slug)].some((r) => held.has(r)))
      if (!shares) continue
      shortlisted++
      const { score } = scoreMatch(c.profile, o.offer, { now: NOW })
      const key = `${o.companyId}:${c.id}`
      // Between two offers of a company scoring the same, the first one brought.
      if (score >= 1 && score > (expected.get(key)?.score ?? -1)) expected.set(key, { score, offerId: o.id })
    }
  }
  const actual = new Map([...byCompany.values()].flat().map((m) => [`${m.companyId}:${m.candidateId}`, { score: m.score, offerId: m.offerId }]))
  expect(actual).toEqual(expected)
  expect(scored).toBe(shortlisted)
  for (const [companyId, list] of byCompany) {
    expect(list.every((m) => m.companyId === companyId)).toBe(true)
    expect(list).toEqual([...list].sort((a, b) => b.score - a.score || a.candidateId - b.candidateId))
  }
  for (const [candidateId, list] of byCandidate) {
    expect(list.every((m) => m.candidateId === candidateId)).toBe(true)
    expect(list).toEqual([...list].sort((a, b) => b.score - a.score || a.companyId - b.companyId))
  }
  expect([...byCandidate.values()].flat().length).toBe(actual.size)
}

it('ranks for a company the candidate who has what the offer asks above one who has only part of it', () => {
  const lists = computeForumMatchLists(
    [{ id: 1, companyId: 9, offer: offer(['php', 'symfony'], ['sql']) }],
    [{ id: 1, profile: profile([['php', 2]]) }, { id: 2, profile: profile([['php', 3], ['symfony', 3], ['sql', 2]]) },
      { id: 3, profile: profile([['figma', 4]]) }],
    { now: NOW },
  )
  expect(lists.byCompany.get(9)!.map((m) => m.candidateId)).toEqual([2, 1])
  expect(lists.byCandidate.has(3)).toBe(false)
})
