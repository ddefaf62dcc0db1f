import { z } from 'zod'
import { frenchDate } from './french-input.ts'
import './zod-fr.ts'

const time = (what: string) =>
  z.string({ error: `Indiquez l’heure ${what} (HH:MM).` }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, `Indiquez l’heure ${what} au format HH:MM, par exemple 09:00.`)
const whole = (label: string, min: number, max: number) =>
  z
    .number({ error: `${label} : indiquez un nombre entier.` })
    .int(`${label} : indiquez un nombre entier.`)
    .min(min, `${label} : au moins ${min}.`)
    .max(max, `${label} : au plus ${max}.`)

/** Minutes since midnight of a HH:MM time. */
export function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number)
  return h! * 60 + m!
}

/** The number of interview slots of a day: only whole slots fit. */
export function slotCount(opensAt: string, closesAt: string, slotMinutes: number): number {
  return Math.max(0, Math.floor((minutesOf(closesAt) - minutesOf(opensAt)) / slotMinutes))
}

export const ForumSchema = z
  .object({
    name: z
      .string({ error: 'Indiquez le nom du forum.' })
      .trim()
      .min(5, 'Le nom doit compter au moins 5 caractères.')
      .max(120, 'Le nom ne peut dépasser 120 caractères.'),
    date: frenchDate('Indiquez la date du forum, par exemple 12/03/2027 ou 12 mars 2027.'),
    communeInsee: z.string({ error: 'Choisissez la commune du forum.' }).regex(/^\d[\dAB]\d{3}$/, 'Choisissez la commune du forum.').optional(),
    communeText: z.string({ error: 'Indiquez une seule commune.' }).max(100, 'Nom de commune trop long (100 caractères au plus).').optional(),
    venue: z
      .string({ error: 'Indiquez le lieu (salle, bâtiment).' })
      .trim()
      .min(3, 'Le lieu doit compter au moins 3 caractères.')
      .max(160, 'Le lieu ne peut dépasser 160 caractères.'),
    opensAt: time('d’ouverture'),
    closesAt: time('de fermeture'),
    slotMinutes: whole('Durée d’un entretien', 5, 120),
    tablesPerCompany: whole('Tables par entreprise', 1, 20),
    maxInterviewsPerCandidate: whole('Entretiens par candidat·e', 1, 50),
  })
  .refine((f) => minutesOf(f.closesAt) > minutesOf(f.opensAt), {
    path: ['closesAt'],
    message: 'La fermeture doit suivre l’ouverture.',
  })
  .refine((f) => minutesOf(f.closesAt) <= minutesOf(f.opensAt) || slotCount(f.opensAt, f.closesAt, f.slotMinutes) >= 1, {
    path: ['slotMinutes'],
    message: 'Aucun entretien ne tient entre l’ouverture et la fermeture : raccourcissez les entretiens.',
  })

export type ForumFormValue = z.infer<typeof ForumSchema>

export const FORUM_STATUSES = ['draft', 'open', 'closed'] as const
export const FORUM_STATUS_LABELS: Record<(typeof FORUM_STATUSES)[number], string> = {
  draft: 'Brouillon',
  open: 'Inscriptions ouvertes',
  closed: 'Clos',
}

export const ForumStatusSchema = z.object({
  status: z.enum(FORUM_STATUSES, { error: 'Choisissez un état : brouillon, ouvert ou clos.' }),
})

export const InviteSchema = z.object({
  companyId: z.number({ error: 'Choisissez une entreprise dans la liste.' }).int('Choisissez une entreprise dans la liste.').positive('Choisissez une entreprise dans la liste.'),
})

export const CONSENT_LABEL = 'J’accepte que mon profil soit transmis aux entreprises participant au forum'

export const RegistrationSchema = z.object({
  consent: z.literal('on', { error: 'Cochez la case pour accepter que votre profil soit transmis aux entreprises du forum.' }),
})

const id = (message: string) => z.number({ error: message }).int(message).positive(message)

export const AnswerSchema = z.object({
  companyId: id('Entreprise inconnue.'),
  decision: z.enum(['accept', 'decline'], { error: 'Choisissez : participer ou décliner.' }),
  offerIds: z.array(id('Offre inconnue.'), { error: 'Offres invalides.' }).max(50, 'Cinquante offres au plus.').default([]),
})

export const CompanyWishSchema = z.object({
  companyId: id('Entreprise inconnue.'),
  candidateId: id('Candidat·e inconnu·e.'),
  wish: z.enum(['1', '0'], { error: 'Choix invalide.' }),
})

export const CandidateWishesSchema = z.object({
  companyIds: z.array(id('Entreprise inconnue.'), { error: 'Entreprises invalides.' }).max(200, 'Deux cents entreprises au plus.').default([]),
})
