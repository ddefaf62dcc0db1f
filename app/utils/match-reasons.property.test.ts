import fc from 'fast-check'
import { expect, test } from 'vitest'
import rome from '#db/reference/data/rome-occupations.json' with { type: 'json' }
import { skills as TAXONOMY } from '#db/reference/skills.ts'
import { offerArb, profileArb } from '#search/matching/arbitraries.ts'
import { NOW } from '#search/matching/fixtures.ts'
import { scoreMatch, type MatchOffer, type MatchProfile } from '#search/matching/score.ts'
import { describeMatch } from './match-reasons.ts'
import { CONTRACT_LABELS } from './labels.ts'

/**
 * Every line shown under a match says something about the two profiles: each
 * claim is recomputed here from the raw profile and offer, by formulas of this
 * file's own (not the scorer's), and must hold; and the lines' points add up
 * to the score shown.
 */

// Spherical law of cosines, not the scorer's haversine: two formulas that must agree.
function km(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const r = Math.PI / 180
  const c = Math.sin(a.latitude * r) * Math.sin(b.latitude * r) + Math.cos(a.latitude * r) * Math.cos(b.latitude * r) * Math.cos((b.longitude - a.longitude) * r)
  return 6371 * Math.acos(Math.min(1, Math.max(-1, c)))
}
const radiusFor = (p: MatchProfile, o: MatchOffer) => Math.max(5, p.mobilityKm) * (o.remotePolicy === 'hybrid' ? 1.5 : 1)

/** Months covered by the entries up to now, each once: a brute-force count over every month since 2000. */
function yearsOfExperience(p: MatchProfile): number {
  if (p.experience.length === 0) return p.graduationYear === null ? 0 : Math.max(0, NOW.getUTCFullYear() - p.graduationYear)
  let months = 0
  for (let y = 2000; y <= NOW.getUTCFullYear(); y++) {
    for (let m = 1; m <= 12; m++) {
      const key = `${y}-${String(m).padStart(2, '0')}`
      if (y === NOW.getUTCFullYear() && m > NOW.getUTCMonth() + 1) continue
      if (p.experience.some((e) => e.start <= key && (e.end === null || key <= e.end))) months++
    }
  }
  return months / 12
}
const rank = ['entry', 'junior', 'confirmed', 'senior']
const fold = (t: string) => t.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase()
const names = (list: string) => list.split(', ')
const heldNamed = (p: MatchProfile, name: string) => p.skills.find((s) => s.name === name)
const linked = (a: string, b: string) => rome.occupations.some((o) => (o.code === a && o.mobility.includes(b)) || (o.code === b && o.mobility.includes(a)))
const labelOf = (code: string) => rome.occupations.find((o) => o.code === code)!.label
const dayMs = (iso: string) => Date.parse(iso)

test('every explanation line is true of the profile and the offer, and the lines add up to the score', () => {
  fc.assert(fc.property(profileArb, offerArb, (p, o) => {
    const { score, reasons } = scoreMatch(p, o, { now: NOW })
    const lines = describeMatch(reasons)
    expect(lines.reduce((sum, l) => sum + l.points, 0)).toBe(score)
    for (const { label } of lines) {
      let m: RegExpExecArray | null
      if ((m = /Compétences demandées présentes : ([^;]+)/.exec(label))) {
        for (const n of names(m[1]!.trim())) expect(o.skills.some((s) => s.required && s.name === n) && heldNamed(p, n)).toBeTruthy()
      }
      if ((m = /Compétences demandées manquantes : ([^;]+)/.exec(label))) {
        for (const n of names(m[1]!.trim())) expect(heldNamed(p, n)).toBeUndefined()
      }
      if ((m = /que l’annonce cite \((.+)\)$/.exec(label)) && m[1] !== 'aucune') {
        expect(o.skills.some((s) => s.required)).toBe(false)
        for (const n of names(m[1]!)) {
          const skill = TAXONOMY.find((s) => s.name === n)!
          expect(heldNamed(p, n)).toBeDefined()
          const inText = [skill.name, ...skill.aliases].some((spelling) => fold(o.text).includes(fold(spelling)))
          expect(inText || o.skills.some((s) => s.name === n)).toBe(true)
        }
      }
      if ((m = /^Atouts appréciés : (.+)$/.exec(label))) {
        for (const n of names(m[1]!)) expect(o.skills.some((s) => !s.required && s.name === n) && heldNamed(p, n)).toBeTruthy()
      }
      if (label === 'Aucun atout supplémentaire demandé') expect(o.skills.every((s) => s.required)).toBe(true)
      if ((m = /^Métier visé : (.+)$/.exec(label))) {
        expect(p.occupations).toContain(o.occupation)
        expect(m[1]).toBe(labelOf(o.occupation!))
      }
      if (/^Métier proche/.test(label)) expect(p.occupations.some((t) => linked(t, o.occupation!))).toBe(true)
      if (/^Métier du poste hors/.test(label)) expect(p.occupations.some((t) => t === o.occupation || linked(t, o.occupation!))).toBe(false)
      if (label === 'Métier du poste non précisé') expect(o.occupation).toBeNull()
      if (label === 'Aucun métier visé sur votre profil') expect(p.occupations).toEqual([])
      if (label === 'Lieu inconnu : distance non évaluée') expect(o.remotePolicy !== 'full_remote' && (!p.place || !o.place)).toBe(true)
      if ((m = /^À (\d+) km, dans le rayon de mobilité \((\d+) km/.exec(label))) {
        const d = km(p.place!, o.place!)
        expect(d).toBeLessThanOrEqual(radiusFor(p, o) + 1e-6)
        expect(Math.abs(d - Number(m[1]))).toBeLessThanOrEqual(0.5 + 1e-6)
        if (/hybride/.test(label)) expect(o.remotePolicy).toBe('hybrid')
      }
      if (/au-delà du rayon de mobilité .*mobile partout en France$/.test(label)) {
        expect(p.anywhereInFrance).toBe(true)
        expect(km(p.place!, o.place!)).toBeGreaterThan(radiusFor(p, o) - 1e-6)
      }
      if (/^Écartée : à \d+ km/.test(label)) {
        expect(p.anywhereInFrance).toBe(false)
        expect(km(p.place!, o.place!)).toBeGreaterThan(radiusFor(p, o) - 1e-6)
      }
      if (/^Écartée : poste sur site ou hybride/.test(label)) expect([p.remotePreference, o.remotePolicy]).toEqual(['full_remote', expect.not.stringMatching('full_remote')])
      if ((m = /^(.+) compatible$/.exec(label))) {
        expect(m[1]).toBe(CONTRACT_LABELS[o.contractType])
        expect(p.contractTypes.includes(o.contractType) && !p.excludedContracts.includes(o.contractType)).toBe(true)
      }
      if (/aucun contrat recherché indiqué/.test(label)) expect(p.contractTypes).toEqual([])
      if (/^Écartée : .+ non recherché$/.test(label)) {
        expect(p.excludedContracts.includes(o.contractType) || (p.contractTypes.length > 0 && !p.contractTypes.includes(o.contractType))).toBe(true)
      }
      if ((m = /vous : [^(]+\((?:moins d’un an|(\d+) à (\d+) ans|plus de (\d+) ans)\)/.exec(label))) {
        const years = Math.floor(yearsOfExperience(p) + 1e-9)
        if (m[1]) expect(years >= Number(m[1]) && years <= Number(m[2])).toBe(true)
        else if (m[3]) expect(years).toBeGreaterThan(Number(m[3]))
        else expect(years).toBe(0)
        expect(/d’après vos expériences datées/.test(label)).toBe(p.experience.length > 0)
      }
      if (/^Niveau d’expérience adapté/.test(label)) expect(rank.indexOf(o.experienceLevel)).toBeLessThanOrEqual(rank.indexOf(reasons.level.candidate))
      if (/^Expérience demandée : .+, un niveau au-dessus/.test(label)) expect(rank.indexOf(o.experienceLevel) - rank.indexOf(reasons.level.candidate)).toBe(1)
      if (/^Écartée : expérience demandée/.test(label)) expect(rank.indexOf(o.experienceLevel) - rank.indexOf(reasons.level.candidate)).toBeGreaterThanOrEqual(2)
      const start = o.startDate ? dayMs(o.startDate) : NOW.getTime()
      if (/^Disponible à temps/.test(label)) expect(dayMs(p.availableFrom!)).toBeLessThanOrEqual(start)
      if ((m = /isponible (\d+) jours? après le début/.exec(label))) {
        expect(Math.ceil((dayMs(p.availableFrom!) - start) / 86_400_000)).toBe(Number(m[1]))
      }
      if (/début dès que possible/.test(label)) expect(o.startDate).toBeNull()
      if (/^Disponibilité non indiquée/.test(label)) expect(p.availableFrom).toBeNull()
      if (/^Écartée : métier hors de vos métiers visés/.test(label)) {
        expect(o.occupation !== null && p.occupations.some((t) => t === o.occupation || linked(t, o.occupation!))).toBe(false)
        const required = o.skills.filter((s) => s.required)
        if (required.length) expect(required.filter((s) => (p.skills.find((own) => own.slug === s.slug)?.level ?? 0) >= 2).length).toBeLessThan(required.length / 2)
      }
      if (/^Anglais demandé/.test(label)) expect(/anglais|english/i.test(o.text)).toBe(true)
      if (label === 'Anglais non demandé') expect(/anglais|english/i.test(o.text)).toBe(false)
    }
  }), { numRuns: 400 })
})
