import { z } from 'zod'
import { frenchDate } from './french-input.ts'
import './zod-fr.ts'
import { CONTRACT_TYPES, DEGREE_LEVELS, EXPERIENCE_KINDS, LANGUAGE_LEVELS, REMOTE_PREFERENCES } from '#db/domain.ts'
import { LANGUAGE_CODES } from './labels.ts'

export const MAX_LINKS = 5
export const MIN_GRADUATION_YEAR = 1980
export const maxGraduationYear = (now = new Date()) => now.getFullYear() + 5

// One <select> per skill (and per language) posts "slug:level", or "" for "—",
// which conform turns into undefined: the form works without JavaScript. The bound is above the
// taxonomy's size (298 skills since issue 16, each posting its select) with room to grow.
const MAX_CHOICES = 600
const choices = <T extends string>(pattern: RegExp, message: string) =>
  z
    .array(z.string({ error: message }).regex(pattern, message).optional(), { error: message })
    .max(MAX_CHOICES, message)
    .default([])
    .transform((list) => list.filter((v): v is T => v !== undefined))

const LANGUAGE_CHOICE = new RegExp(`^(${LANGUAGE_CODES.join('|')}):(${LANGUAGE_LEVELS.join('|')})$`)

function isWebLink(value: string): boolean {
  try {
    const url = new URL(value)
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.')
  } catch {
    return false
  }
}

/** Rows of dated experience the form shows (no JavaScript needed to add one: empty rows are ignored). */
export const EXPERIENCE_ROWS = 4
const MONTH_MESSAGE = 'Indiquez le mois sous la forme 2025-09 ou 09/2025.'
// <input type="month"> posts 2025-09; typed by hand, 09/2025 is what people write.
const month = z
  .string({ error: MONTH_MESSAGE })
  .trim()
  .transform((value, ctx) => {
    const iso = /^(\d{4})-(\d{1,2})$/.exec(value)
    const french = /^(\d{1,2})\/(\d{4})$/.exec(value)
    const year = Number(iso?.[1] ?? french?.[2])
    const monthNumber = Number(iso?.[2] ?? french?.[1])
    if (!(year >= MIN_GRADUATION_YEAR - 10 && year <= maxGraduationYear() && monthNumber >= 1 && monthNumber <= 12)) {
      ctx.addIssue({ code: 'custom', message: MONTH_MESSAGE })
      return z.NEVER
    }
    return `${year}-${String(monthNumber).padStart(2, '0')}`
  })
const experience = z
  .object({
    kind: z.enum(EXPERIENCE_KINDS, { error: 'Choisissez le type d’expérience dans la liste.' }).optional(),
    title: z.string({ error: 'Intitulé invalide.' }).trim().max(120, 'L’intitulé ne peut dépasser 120 caractères.').optional(),
    start: month.optional(),
    end: month.optional(),
  }, { error: 'Expérience invalide.' })
  .optional()

export const ProfileSchema = z.object({
  firstName: z
    .string({ error: 'Indiquez votre prénom.' })
    .trim()
    .min(1, 'Indiquez votre prénom.')
    .max(80, 'Votre prénom ne peut dépasser 80 caractères.'),
  lastName: z
    .string({ error: 'Indiquez votre nom.' })
    .trim()
    .min(1, 'Indiquez votre nom.')
    .max(80, 'Votre nom ne peut dépasser 80 caractères.'),
  school: z.string({ error: 'École invalide.' }).trim().max(120, 'Le nom de l’école ne peut dépasser 120 caractères.').optional(),
  programme: z.string({ error: 'Formation invalide.' }).trim().max(120, 'L’intitulé de la formation ne peut dépasser 120 caractères.').optional(),
  degreeLevel: z.enum(DEGREE_LEVELS, { error: 'Choisissez le niveau de diplôme dans la liste.' }).optional(),
  graduationYear: z
    .number({ error: 'Indiquez l’année sur quatre chiffres, par exemple 2026.' })
    .int('Indiquez l’année sur quatre chiffres, par exemple 2026.')
    // The upper bound follows the calendar at each parse, not the day the server started.
    .refine((year) => year >= MIN_GRADUATION_YEAR && year <= maxGraduationYear(), {
      error: () => `L’année doit être comprise entre ${MIN_GRADUATION_YEAR} et ${maxGraduationYear()}.`,
    })
    .optional(),
  skills: choices<`${string}:${number}`>(/^[a-z0-9-]{1,60}:[1-4]$/, 'Choisissez les compétences et leur niveau dans les listes.')
    .refine((list) => new Set(list.map((c) => c.split(':')[0])).size === list.length, 'Chaque compétence ne peut avoir qu’un niveau.'),
  targetOccupations: choices<string>(/^[A-N]\d{4}$/, 'Choisissez les métiers visés dans la liste.')
    .refine((list) => list.length <= 3, 'Trois métiers visés au plus.'),
  languages: choices<string>(LANGUAGE_CHOICE, 'Choisissez les langues et leur niveau dans les listes.')
    .refine((list) => new Set(list.map((c) => c.split(':')[0])).size === list.length, 'Chaque langue ne peut avoir qu’un niveau.'),
  communeInsee: z.string({ error: 'Choisissez votre commune dans la liste.' }).regex(/^\d[\dAB]\d{3}$/, 'Choisissez votre commune dans la liste.').optional(),
  communeText: z.string({ error: 'Indiquez une seule commune.' }).max(100, 'Nom de commune trop long (100 caractères au plus).').optional(),
  mobilityKm: z
    .number({ error: 'Indiquez une distance en kilomètres, de 0 à 200.' })
    .int('Indiquez une distance en kilomètres entiers.')
    .min(0, 'La distance ne peut être négative.')
    .max(200, 'Indiquez une distance de 200 km au plus.')
    .default(30),
  remotePreference: z.enum(REMOTE_PREFERENCES, { error: 'Choisissez votre préférence de télétravail.' }).default('any'),
  contractTypes: z
    .array(z.enum(CONTRACT_TYPES, { error: 'Choisissez les contrats dans la liste.' }), { error: 'Choisissez les contrats dans la liste.' })
    .max(CONTRACT_TYPES.length, 'Choisissez les contrats dans la liste.')
    .default([])
    .transform((list) => [...new Set(list)]),
  availableFrom: frenchDate('Indiquez une date valide, par exemple 01/09/2027 ou 1er septembre 2027.').optional(),
  mobileAnywhere: z.literal('on', { error: 'Case « mobile partout en France » invalide.' }).optional(),
  excludedContractTypes: z
    .array(z.enum(CONTRACT_TYPES, { error: 'Choisissez les contrats exclus dans la liste.' }), { error: 'Choisissez les contrats exclus dans la liste.' })
    .max(CONTRACT_TYPES.length, 'Choisissez les contrats exclus dans la liste.')
    .default([])
    .transform((list) => [...new Set(list)]),
  diplomaSpeciality: z.string({ error: 'Spécialité invalide.' }).trim().max(120, 'La spécialité ne peut dépasser 120 caractères.').optional(),
  internshipMonths: z
    .number({ error: 'Indiquez une durée de stage en mois, de 1 à 12.' })
    .int('Indiquez une durée de stage en mois entiers.')
    .min(1, 'Indiquez une durée de stage d’au moins 1 mois.')
    .max(12, 'Indiquez une durée de stage de 12 mois au plus.')
    .optional(),
  experiences: z
    .array(experience, { error: 'Expériences invalides.' })
    .max(EXPERIENCE_ROWS, `Indiquez ${EXPERIENCE_ROWS} expériences au plus.`)
    .default([])
    .transform((rows, ctx) => {
      const filled = rows.filter((r) => r && (r.kind || r.title || r.start || r.end))
      const out: { kind: (typeof EXPERIENCE_KINDS)[number]; title: string; start: string; end: string | null }[] = []
      for (const r of filled) {
        if (!r!.kind || !r!.title || !r!.start) {
          ctx.addIssue({ code: 'custom', message: 'Pour chaque expérience, indiquez le type, l’intitulé et le mois de début.' })
          return z.NEVER
        }
        if (r!.end && r!.end < r!.start) {
          ctx.addIssue({ code: 'custom', message: 'Le mois de fin d’une expérience ne peut précéder son début.' })
          return z.NEVER
        }
        out.push({ kind: r!.kind, title: r!.title, start: r!.start, end: r!.end ?? null })
      }
      return out
    }),
  bio: z.string({ error: 'Présentation invalide.' }).trim().max(2000, 'La présentation ne peut dépasser 2 000 caractères.').optional(),
  // One link per line: five inputs would need JavaScript to add and remove rows.
  links: z
    .string({ error: 'Indiquez un lien par ligne.' })
    .max(2000, 'Vos liens ne peuvent dépasser 2 000 caractères en tout.')
    .transform((text) => text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean))
    .refine((list) => list.length <= MAX_LINKS, `Indiquez ${MAX_LINKS} liens au plus.`)
    .refine((list) => list.every(isWebLink), 'Chaque lien doit être une adresse web complète commençant par https:// ou http://.')
    .refine((list) => list.every((l) => l.length <= 300), 'Chaque lien doit compter 300 caractères au plus.')
    .optional(),
}).refine((v) => !v.excludedContractTypes.some((c) => v.contractTypes.includes(c)), {
  message: 'Un contrat ne peut être à la fois recherché et exclu.',
  path: ['excludedContractTypes'],
})

export type ProfileFormValue = z.input<typeof ProfileSchema>

export const ConsentSchema = z.object({
  consent: z.literal('on', { error: 'Cochez la case pour accepter que votre profil soit visible.' }),
})

export const ApplySchema = z.object({
  message: z
    .string({ error: 'Message invalide.' })
    .trim()
    .max(3000, 'Votre message ne peut dépasser 3 000 caractères.')
    .optional(),
})
