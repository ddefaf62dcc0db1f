import { z } from 'zod'

/**
 * What people type in French forms, read on the server: dates as
 * "2027-02-01", "01/02/2027", "1er septembre 2027" or "lundi 1 sept. 2027",
 * amounts as "2 000", "2 000 €", "35 k€" or "35k". Both answer null for
 * anything they cannot read for sure; the schemas then say so in French.
 */

const MONTHS: Record<string, number> = {
  janvier: 1, janv: 1, fevrier: 2, fevr: 2, fev: 2, mars: 3, avril: 4, avr: 4, mai: 5, juin: 6, juillet: 7, juil: 7,
  aout: 8, septembre: 9, sept: 9, sep: 9, octobre: 10, oct: 10, novembre: 11, nov: 11, decembre: 12, dec: 12,
}
const WEEKDAYS = '(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)'
const SPACES = /[\s\u00a0\u202f]+/g

/** Lower case, accents folded, every kind of space one plain space. */
function fold(input: string): string {
  return input.normalize('NFD').replace(/\p{Mn}/gu, '').toLowerCase().replace(SPACES, ' ').trim()
}

function isoDay(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1) return null
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null
  return date.toISOString().slice(0, 10)
}

/** A calendar day typed in French (or ISO), as "YYYY-MM-DD"; null when it is not one. */
export function parseFrenchDate(input: string): string | null {
  if (input.length > 60) return null
  const text = fold(input)
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text)
  if (m) return isoDay(Number(m[1]), Number(m[2]), Number(m[3]))
  m = /^(\d{1,2}) ?[/.-] ?(\d{1,2}) ?[/.-] ?(\d{4})$/.exec(text)
  if (m) return isoDay(Number(m[3]), Number(m[2]), Number(m[1]))
  m = new RegExp(`^(?:${WEEKDAYS},? )?(\\d{1,2}) ?(er)? ([a-z]+)\\.? (\\d{4})$`).exec(text)
  if (m) {
    const month = MONTHS[m[3]!]
    // "1er" only for the first of the month.
    if (month === undefined || (m[2] && Number(m[1]) !== 1)) return null
    return isoDay(Number(m[4]), month, Number(m[1]))
  }
  return null
}

/** An amount in euros typed in French, as a number; null when it is not one. */
export function parseFrenchAmount(input: string): number | null {
  if (input.length > 40) return null
  let text = fold(input).replace(/ ?(€|eur|euros?)$/, '')
  let factor = 1
  const thousands = / ?k$/.exec(text)
  if (thousands) {
    factor = 1000
    text = text.slice(0, thousands.index)
  }
  // Thousands grouped by spaces ("2 000") or dots ("2.000"), decimals after a comma ("11,65") or a lone dot ("11.5").
  const m = /^(\d{1,3}(?:( |\.)\d{3})+|\d+)(?:([,.])(\d{1,2}))?$/.exec(text)
  if (!m) return null
  if (m[2] === '.' && m[3] === '.') return null
  const whole = Number(m[1]!.replace(/[ .]/g, ''))
  const value = whole + (m[4] ? Number(m[4]) / 10 ** m[4].length : 0)
  // "35,5 k" is 35 500: the factor applies before rounding away float noise.
  return Math.round(value * factor * 100) / 100
}

/** An optional form field holding a French date; gives "YYYY-MM-DD". */
export function frenchDate(message: string) {
  return z.string({ error: message }).trim().transform((text, ctx) => {
    const iso = parseFrenchDate(text)
    if (iso === null) {
      ctx.addIssue({ code: 'custom', message })
      return z.NEVER
    }
    return iso
  })
}

/** A form field holding a French amount, checked by `number` once read. */
export function frenchAmount(message: string, number: z.ZodNumber) {
  return z.string({ error: message }).trim().transform((text, ctx) => {
    const value = parseFrenchAmount(text)
    if (value === null) {
      ctx.addIssue({ code: 'custom', message })
      return z.NEVER
    }
    return value
  }).pipe(number)
}
