import { z } from 'zod'
import '#app/utils/zod-fr.ts'
import { REPORT_REASONS } from '#db/domain.ts'

export const ReportSchema = z
  .object({
    reason: z.enum(REPORT_REASONS, { error: 'Choisissez la raison du signalement.' }),
    message: z
      .string({ error: 'Écrivez vos précisions dans un seul champ de texte.' })
      .trim()
      .max(2000, 'Votre message ne peut dépasser 2 000 caractères.')
      .optional()
      .transform((m) => m ?? ''),
  })
  .refine((r) => r.reason !== 'other' || r.message.length >= 10, {
    path: ['message'],
    error: 'Expliquez en quelques mots ce qui ne va pas (10 caractères au moins).',
  })

export const RejectSchema = z.object({
  reason: z
    .string({ error: 'Indiquez la raison du refus : le recruteur la lira.' })
    .trim()
    .min(10, 'La raison du refus doit compter au moins 10 caractères : le recruteur doit comprendre quoi corriger.')
    .max(1000, 'La raison du refus ne peut dépasser 1 000 caractères.'),
})
