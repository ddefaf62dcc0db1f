import { z } from 'zod'
import './zod-fr.ts'
import { frenchAmount, frenchDate } from './french-input.ts'
import { CONTRACT_TYPES, EXPERIENCE_LEVELS, REMOTE_POLICIES, SALARY_PERIODS } from '#db/domain.ts'

// "32000", "32 000", "32 000 €" or "32 k€" alike (app/utils/french-input.ts).
const amount = frenchAmount(
  'Indiquez un montant en euros, par exemple 32 000 ou 32 k€.',
  z.number().int('Indiquez un montant en euros entiers.').min(0, 'Le montant ne peut être négatif.').max(1_000_000, 'Ce montant semble trop élevé.'),
)
const skills = z
  .array(z.string({ error: 'Compétence inconnue.' }).regex(/^[a-z0-9-]{1,60}$/, 'Compétence inconnue.'), { error: 'Compétences invalides.' })
  .max(10, 'Dix compétences au plus.')
  .default([])

export const OfferSchema = z
  .object({
    title: z
      .string({ error: 'Indiquez l’intitulé du poste.' })
      .trim()
      .min(5, 'L’intitulé doit compter au moins 5 caractères.')
      .max(120, 'L’intitulé ne peut dépasser 120 caractères.'),
    descriptionMd: z
      .string({ error: 'Décrivez le poste.' })
      .trim()
      .min(50, 'Décrivez le poste en 50 caractères au moins : missions, profil, conditions.')
      .max(10_000, 'La description ne peut dépasser 10 000 caractères.'),
    communeInsee: z.string({ error: 'Choisissez la commune du poste.' }).regex(/^\d[\dAB]\d{3}$/, 'Choisissez la commune du poste.').optional(),
    communeText: z.string({ error: 'Indiquez une seule commune.' }).max(100, 'Nom de commune trop long (100 caractères au plus).').optional(),
    occupation: z
      .string({ error: 'Choisissez le métier dans la liste.' })
      .regex(/^[A-N]\d{4}$/, 'Choisissez le métier dans la liste.')
      .optional(),
    contractType: z.enum(CONTRACT_TYPES, { error: 'Choisissez le type de contrat.' }),
    remotePolicy: z.enum(REMOTE_POLICIES, { error: 'Choisissez la politique de télétravail.' }),
    experienceLevel: z.enum(EXPERIENCE_LEVELS, { error: 'Choisissez le niveau d’expérience.' }),
    salaryMin: amount.optional(),
    salaryMax: amount.optional(),
    salaryPeriod: z.enum(SALARY_PERIODS, { error: 'Choisissez la période du salaire.' }).optional(),
    startDate: frenchDate('Date de début invalide : indiquez par exemple 01/09/2027 ou 1er septembre 2027.').optional(),
    requiredSkills: skills,
    niceToHaveSkills: skills,
  })
  .refine((o) => o.salaryMin === undefined || o.salaryMax === undefined || o.salaryMax >= o.salaryMin, {
    path: ['salaryMax'],
    message: 'Le maximum doit être supérieur ou égal au minimum.',
  })
  .refine((o) => (o.salaryMin === undefined && o.salaryMax === undefined) || o.salaryPeriod !== undefined, {
    path: ['salaryPeriod'],
    message: 'Précisez si le salaire est annuel, mensuel, journalier ou horaire.',
  })

export type OfferFormValue = z.infer<typeof OfferSchema>
