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

  test('available on time beats available two months after the start; four months after excludes the offer', () => {
    const job = offer({ startDate: '2026-12-01' })
    const soon = profile({ availableFrom: '2026-11-30' })
    const later = profile({ availableFrom: '2027-02-01' })
    const tooLate = profile({ availableFrom: '2027-04-01' })
    expect(score(soon, job)).toBeGreaterThan(score(later, job))
    expect(score(later, job)).toBeGreaterThan(0)
    const excluded = scoreMatch(tooLate, job, { now: NOW })
    expect(excluded.score).toBe(0)
    expect(excluded.reasons.lateDays).toBe(121)
    expect(excluded.reasons.excluded).toEqual(['availability'])
  })

  test('the level follows dated experience when given, else the years since graduation, in the bands the labels show', () => {
    const job = offer({ experienceLevel: 'confirmed' })
    const fresh = profile({ graduationYear: 2026, degreeLevel: 'bac3' })
    const threeYears = profile({ graduationYear: 2023, degreeLevel: 'bac3' })
    expect(scoreMatch(threeYears, job, { now: NOW }).reasons.level).toMatchObject({ candidate: 'confirmed', ok: true, from: 'graduation' })
    // A Bac +3 graduate of 3 years is confirmed (3 to 5 years), as the label says: no "Confirmé·e (3 à 5 ans)" shown as missing.
    expect(scoreMatch(fresh, job, { now: NOW }).reasons.excluded).toEqual(['level'])
    // Two years of work-study and a six-month internship make a junior, whatever the graduation year.
    const apprentice = profile({ graduationYear: 2026, experience: [
      { kind: 'apprenticeship', start: '2024-09', end: '2026-08' }, { kind: 'internship', start: '2024-01', end: '2024-06' }] })
    expect(scoreMatch(apprentice, offer({ experienceLevel: 'junior' }), { now: NOW }).reasons.level).toMatchObject({ candidate: 'junior', ok: true, from: 'entries' })
  })
})

describe('the candidate’s constraints are constraints (decision 014)', () => {
  const php = [req('php', 'PHP')]
  const dev = profile({ skills: [skill('php', 'PHP')], contractTypes: ['alternance'], mobilityKm: 30 })

  test('an apprenticeship seeker is never shown a CDI, however good the fit; someone who listed none sees both', () => {
    const cdi = scoreMatch(dev, offer({ skills: php, contractType: 'cdi' }), { now: NOW })
    expect(cdi.score).toBe(0)
    expect(cdi.reasons.excluded).toEqual(['contract'])
    expect(score(dev, offer({ skills: php, contractType: 'alternance' }))).toBeGreaterThan(60)
    expect(score({ ...dev, contractTypes: [] }, offer({ skills: php, contractType: 'cdi' }))).toBeGreaterThan(0)
  })

  test('a contract excluded outright is excluded even when no contract is wished', () => {
    const noInterim = profile({ skills: [skill('php', 'PHP')], excludedContracts: ['interim'] })
    expect(scoreMatch(noInterim, offer({ skills: php, contractType: 'interim' }), { now: NOW }).reasons.excluded).toEqual(['contract'])
    expect(score(noInterim, offer({ skills: php, contractType: 'cdd' }))).toBeGreaterThan(0)
  })

  test('five years asked excludes a beginner; one level above is a stretch that stays, below the same offer at their level', () => {
    const beginner = { ...dev, contractTypes: [] }
    expect(score(beginner, offer({ skills: php, experienceLevel: 'confirmed' }))).toBe(0)
    expect(score(beginner, offer({ skills: php, experienceLevel: 'senior' }))).toBe(0)
    const stretch = score(beginner, offer({ skills: php, experienceLevel: 'junior' }))
    expect(stretch).toBeGreaterThan(0)
    expect(stretch).toBeLessThan(score(beginner, offer({ skills: php, experienceLevel: 'entry' })))
  })

  test('beyond the radius is out; hybrid stretches it by 1.5 and says so; mobile partout en France keeps far offers', () => {
    const near = { ...dev, contractTypes: [], mobilityKm: 25 }
    expect(scoreMatch(near, offer({ skills: php, place: PLACES.lille }), { now: NOW }).reasons.excluded).toEqual(['distance'])
    // Boulogne is 34 km from Calais: beyond 25 km on site, within 37.5 km hybrid.
    expect(score(near, offer({ skills: php, place: PLACES.boulogne }))).toBe(0)
    const hybrid = scoreMatch(near, offer({ skills: php, place: PLACES.boulogne, remotePolicy: 'hybrid' }), { now: NOW })
    expect(hybrid.reasons).toMatchObject({ reachable: true, reachKm: 37.5, excluded: [] })
    expect(score({ ...near, anywhereInFrance: true }, offer({ skills: php, place: PLACES.lille }))).toBeGreaterThan(0)
  })

  test('"télétravail complet uniquement" keeps full-remote offers only', () => {
    const remoteOnly = { ...dev, contractTypes: [], remotePreference: 'full_remote' as const }
    expect(scoreMatch(remoteOnly, offer({ skills: php, remotePolicy: 'hybrid' }), { now: NOW }).reasons.excluded).toEqual(['remote'])
    expect(score(remoteOnly, offer({ skills: php, remotePolicy: 'full_remote', place: PLACES.lille }))).toBeGreaterThan(60)
  })

  test('an unknown place gives no distance point and says so, rather than half', () => {
    const m = scoreMatch({ ...dev, contractTypes: [] }, offer({ skills: php, place: null }), { now: NOW })
    expect(m.reasons).toMatchObject({ distanceKm: null, reachable: null, excluded: [] })
    expect(m.reasons.points.distance).toBe(0)
  })
})

describe('occupations and offers without required skills', () => {
  test('the occupation aimed for counts, a ROME mobility neighbour less, another not at all', () => {
    const sysadmin = profile({ skills: [skill('linux', 'Linux')], occupations: ['M1801'] })
    const job = (occupation: string | null) => offer({ skills: [req('linux', 'Linux')], occupation })
    const same = scoreMatch(sysadmin, job('M1801'), { now: NOW })
    const neighbour = scoreMatch(sysadmin, job('M1812'), { now: NOW })
    const other = scoreMatch(sysadmin, job('E1205'), { now: NOW })
    expect(same.reasons.occupation).toEqual({ offer: 'M1801', fit: 'same', via: 'M1801' })
    expect(neighbour.reasons.occupation.fit).toBe('neighbour')
    expect(same.score).toBeGreaterThan(neighbour.score)
    expect(neighbour.score).toBeGreaterThan(other.score)
  })

  test('an offer without skills gets no flat half: its occupation and the skills its text names decide', () => {
    const sysadmin = profile({ skills: [skill('linux', 'Linux'), skill('docker', 'Docker')], occupations: ['M1801'] })
    const named = offer({ occupation: 'M1801', text: 'Administrateur systèmes Linux, conteneurs Docker' })
    const silent = offer({ occupation: 'E1205', text: 'Graphiste print et web' })
    const a = scoreMatch(sysadmin, named, { now: NOW })
    expect(a.reasons.evidence).toEqual(['Linux', 'Docker'])
    expect(a.reasons.points.requiredSkills).toBe(35)
    expect(scoreMatch(sysadmin, silent, { now: NOW }).reasons.points.requiredSkills).toBe(0)
  })
})
