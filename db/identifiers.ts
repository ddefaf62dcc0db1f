import type { Random } from './seed/random.ts'

/** "Développeur·se C++ – Calais" → "developpeur-se-c-calais". */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

/** The slug itself, or the slug followed by the first free number (-2, -3…). */
export function uniqueSlug(base: string, taken: Set<string>): string {
  let slug = base
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`
  taken.add(slug)
  return slug
}

/** Luhn sum of a digit string; a valid SIREN has a sum divisible by 10. */
export function luhnSum(digits: string): number {
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i])
    if (i % 2 === 1) {
      digit *= 2
      if (digit > 9) digit -= 9
    }
    sum += digit
  }
  return sum
}

/** A SIREN (9 digits) or SIRET (14 digits) whose INSEE check key is right. */
export function isValidSirenOrSiret(value: string): boolean {
  return /^(\d{9}|\d{14})$/.test(value) && luhnSum(value) % 10 === 0
}

/** A fictitious SIREN that passes the INSEE check (8 random digits and a Luhn key). */
export function randomSiren(rng: Random): string {
  // SIRENs starting with 1 or 2 belong to public bodies (Calais: 216201939).
  let body = String(rng.int(3, 9))
  for (let i = 0; i < 7; i++) body += String(rng.int(0, 9))
  const key = (10 - (luhnSum(`${body}0`) % 10)) % 10
  return `${body}${key}`
}
