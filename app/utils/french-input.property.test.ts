import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { frenchAmount, frenchDate, parseFrenchAmount, parseFrenchDate } from './french-input.ts'
import { z } from 'zod'

const MONTH_NAMES = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre']
const day = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10))
const pad = (n: number) => String(n).padStart(2, '0')
/** The ways a French speaker writes a day, with the spaces and capitals people type. */
const writings = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number]
  return [
    iso,
    `${pad(d)}/${pad(m)}/${y}`,
    `${d}/${m}/${y}`,
    `${pad(d)}.${pad(m)}.${y}`,
    `${d === 1 ? '1er' : d} ${MONTH_NAMES[m - 1]} ${y}`,
    `${d} ${MONTH_NAMES[m - 1]!.toUpperCase()} ${y}`,
    `  ${d}\u00a0${MONTH_NAMES[m - 1]!.normalize('NFD').replace(/\p{Mn}/gu, '')}  ${y} `,
    new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T12:00:00Z`)),
    new Intl.DateTimeFormat('fr-FR', { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${iso}T12:00:00Z`)),
  ]
}

describe('parseFrenchDate (property-based)', () => {
  it('reads every usual French writing of a day back to that day', () => {
    fc.assert(fc.property(day, (iso) => {
      for (const text of writings(iso)) expect(parseFrenchDate(text), text).toBe(iso)
    }), { numRuns: 300 })
  })

  it('refuses days that do not exist, and "1er" on any other day', () => {
    fc.assert(fc.property(fc.integer({ min: 1900, max: 2199 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 29, max: 35 }), (y, m, d) => {
      const real = new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d
      expect(parseFrenchDate(`${pad(d)}/${pad(m)}/${y}`)).toBe(real ? `${y}-${pad(m)}-${pad(d)}` : null)
      expect(parseFrenchDate(`${d}er ${MONTH_NAMES[m - 1]} ${y}`)).toBeNull()
    }))
  })

  it('never throws, and answers null or a real day that reads back to itself', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom('31/04/2027', '1er', '2027-13-01', '00/00/0000')), (text) => {
      const iso = parseFrenchDate(text)
      if (iso !== null) expect(parseFrenchDate(iso)).toBe(iso)
    }), { numRuns: 500 })
  })

  it('as a schema field: a French message for what it cannot read, the ISO day otherwise', () => {
    const schema = frenchDate('Indiquez une date, par exemple 01/09/2027 ou 1er septembre 2027.')
    expect(schema.safeParse('1er septembre 2027')).toEqual({ success: true, data: '2027-09-01' })
    const refused = schema.safeParse('le 32 du mois')
    expect(refused.success).toBe(false)
    expect(refused.error?.issues[0]?.message).toMatch(/^Indiquez une date/)
  })
})

describe('parseFrenchAmount (property-based)', () => {
  const euros = fc.integer({ min: 0, max: 1_000_000 })
  it('reads amounts written with spaces, a euro sign or in thousands (k, k€)', () => {
    fc.assert(fc.property(euros, (n) => {
      const grouped = new Intl.NumberFormat('fr-FR').format(n)
      for (const text of [String(n), grouped, `${grouped} €`, `${grouped}€`, grouped.replace(/\u202f/g, ' '), `${grouped} euros`]) {
        expect(parseFrenchAmount(text), text).toBe(n)
      }
      expect(parseFrenchAmount(`${n} k€`)).toBe(n * 1000)
      expect(parseFrenchAmount(`${n}k`)).toBe(n * 1000)
      expect(parseFrenchAmount(`${n}K`)).toBe(n * 1000)
    }), { numRuns: 300 })
  })

  it('reads cents after a comma', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 99 }), (whole, cents) => {
      expect(Math.round(parseFrenchAmount(`${whole},${pad(cents)} €`)! * 100)).toBe(whole * 100 + cents)
    }))
  })

  it('never throws, and answers null or a finite amount that is not negative', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.constantFrom('-5', '1 00', '35 kk', '€', '1,2,3', 'deux mille')), (text) => {
      const value = parseFrenchAmount(text)
      if (value !== null) expect(Number.isFinite(value) && value >= 0).toBe(true)
    }), { numRuns: 500 })
    for (const text of ['-5', '1 00', '35 kk', '€', '1,2,3', 'deux mille', '']) expect(parseFrenchAmount(text), text).toBeNull()
  })

  it('as a schema field: the number schema still checks the value it reads', () => {
    const schema = frenchAmount('Indiquez un montant, par exemple 32 000 ou 32 k€.', z.number().int('entier').max(1_000_000, 'trop'))
    expect(schema.safeParse('35 k€')).toEqual({ success: true, data: 35_000 })
    expect(schema.safeParse('2 000 000 €').error?.issues[0]?.message).toBe('trop')
    expect(schema.safeParse('beaucoup').error?.issues[0]?.message).toMatch(/^Indiquez un montant/)
  })
})
