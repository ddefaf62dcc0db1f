import { describe, expect, test } from 'vitest'
import { NOW, PLACES, nice, offer, profile, req, skill } from './fixtures.ts'
import { scoreMatch } from './score.ts'

const score = (p: Parameters<typeof scoreMatch>[0], o: Parameters<typeof scoreMatch>[1]) => scoreMatch(p, o, { now: NOW }).score

// A BTS SIO SLAM graduate from Calais, looking for a work-study contract.
const slamGraduate = profile({
  skills: [skill('php', 'PHP'), skill('sql', 'SQL'), skill('html-css', 'HTML/CSS'), skill('symfony', 'Symfony', 2), skill('mysql', 'MySQL')],
  contractTypes: ['alternance', 'cdi'],
  degreeLevel: 'bac2',
  graduationYear: 2026,
  mobilityKm: 20,
})

describe('scoreMatch, on pairs whose order is obvious', () => {
  test('a BTS SIO SLAM PHP graduate from Calais ranks a PHP alternance in Calais above a senior Java job in Dunkerque', () => {
    const phpAlternance = offer({ skills: [req('php', 'PHP'), req('symfony', 'Symfony'), nice('mysql', 'MySQL')], contractType: 'alternance' })
    const seniorJava = offer({
      skills: [req('java', 'Java'), req('spring', 'Spring Boot'), nice('kubernetes', 'Kubernetes')],
      place: PLACES.dunkerque, experienceLevel: 'senior', contractType: 'cdi',
    })
    const a = scoreMatch(slamGraduate, phpAlternance, { now: NOW })
    const b = scoreMatch(slamGraduate, seniorJava, { now: NOW })
    expect(a.score).toBeGreaterThan(80)
    expect(b.score).toBeLessThan(40)
    expect(a.reasons.requiredMet).toEqual(['PHP', 'Symfony'])
    expect(a.reasons.contract).toEqual({ type: 'alternance', wished: true })
    expect(b.reasons.requiredMissing).toEqual(['Java', 'Spring Boot'])
    expect(b.reasons.level.ok).toBe(false)
    expect(b.reasons.reachable).toBe(false)
    expect(b.reasons.distanceKm).toBeGreaterThan(30)
  })

  test('a related skill counts, but less than the skill itself', () => {
    const ts = offer({ skills: [req('typescript', 'TypeScript')] })
    const jsDev = profile({ skills: [skill('javascript', 'JavaScript')] })
    const tsDev = profile({ skills: [skill('typescript', 'TypeScript')] })
    const nobody = profile({ skills: [skill('figma', 'Figma')] })
    expect(score(tsDev, ts)).toBeGreaterThan(score(jsDev, ts))
    expect(score(jsDev, ts)).toBeGreaterThan(score(nobody, ts))
    expect(scoreMatch(jsDev, ts).reasons.related).toEqual([{ wanted: 'TypeScript', via: 'JavaScript' }])
  })

  test('the same job nearer home scores higher; a full-remote one is reachable from Lille', () => {
    const dev = profile({ skills: [skill('react', 'React')], mobilityKm: 10 })
    const job = (place: typeof PLACES.calais, remotePolicy: 'on_site' | 'hybrid' | 'full_remote' = 'on_site') =>
      offer({ skills: [req('react', 'React')], place, remotePolicy })
    expect(score(dev, job(PLACES.calais))).toBeGreaterThan(score(dev, job(PLACES.boulogne)))
    expect(score(dev, job(PLACES.boulogne))).toBeGreaterThanOrEqual(score(dev, job(PLACES.lille)))
    const remote = scoreMatch(dev, job(PLACES.lille, 'full_remote'), { now: NOW })
    expect(remote.reasons.reachable).toBe(true)
    expect(remote.score).toBe(score(dev, job(PLACES.calais)))
  })

  test('hybrid stretches the radius: 34 km away is out of reach on site, within reach hybrid for a 25 km radius', () => {
    const dev = profile({ mobilityKm: 25 })
    expect(scoreMatch(dev, offer({ place: PLACES.boulogne, remotePolicy: 'on_site' }), { now: NOW }).reasons.reachable).toBe(false)
    expect(scoreMatch(dev, offer({ place: PLACES.boulogne, remotePolicy: 'hybrid' }), { now: NOW }).reasons.reachable).toBe(true)
  })

  test('English asked in the description favours the candidate who speaks it', () => {
    const job = offer({ text: 'Vous échangerez en anglais avec nos clients.' })
    const fluent = profile({ languages: [{ code: 'fr', level: 'native' }, { code: 'en', level: 'c1' }] })
    const beginner = profile({ languages: [{ code: 'fr', level: 'native' }, { code: 'en', level: 'a2' }] })
    expect(score(fluent, job)).toBeGreaterThan(score(beginner, job))
    expect(scoreMatch(beginner, job, { now: NOW }).reasons.english).toEqual({ level: 'a2', ok: false })
    expect(scoreMatch(beginner, offer(), { now: NOW }).reasons.english).toBeNull()
  })

  test('available on time beats available four months after the start', () => {
    const job = offer({ startDate: '2026-12-01' })
    const soon = profile({ availableFrom: '2026-11-30' })
    const late = profile({ availableFrom: '2027-04-01' })
    expect(score(soon, job)).toBeGreaterThan(score(late, job))
    expect(scoreMatch(late, job, { now: NOW }).reasons.lateDays).toBe(121)
  })

  test('the level follows the years since graduation and the degree', () => {
    const job = offer({ experienceLevel: 'confirmed' })
    const fresh = profile({ graduationYear: 2026, degreeLevel: 'bac3' })
    const fiveYears = profile({ graduationYear: 2021, degreeLevel: 'bac3' })
    expect(score(fiveYears, job)).toBeGreaterThan(score(fresh, job))
    expect(scoreMatch(fiveYears, job, { now: NOW }).reasons.level).toEqual({ offer: 'confirmed', candidate: 'confirmed', ok: true })
  })
})
