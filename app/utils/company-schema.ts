import { z } from 'zod'
import './zod-fr.ts'
import { COMPANY_SIZES } from '#db/domain.ts'
import { isValidSirenOrSiret } from '#db/identifiers.ts'
import { NAF_CODES } from '#db/reference/naf.ts'

// Conform turns empty fields into undefined: optional fields are plain .optional().
export const CompanySchema = z.object({
  name: z
    .string({ error: 'Indiquez le nom de l’entreprise.' })
    .trim()
    .min(2, 'Le nom doit compter au moins 2 caractères.')
    .max(120, 'Le nom ne peut dépasser 120 caractères.'),
  siren: z
    .string({ error: 'Numéro SIREN ou SIRET invalide.' })
    .transform((v) => v.replace(/[\s.]/g, ''))
    .refine((v) => /^(\d{9}|\d{14})$/.test(v), 'Un SIREN compte 9 chiffres, un SIRET 14.')
    .refine(isValidSirenOrSiret, 'Ce numéro ne passe pas le contrôle de l’INSEE (clé de Luhn) : vérifiez-le.')
    .optional(),
  nafCode: z.enum(
    NAF_CODES.map((n) => n.code) as [string, ...string[]],
    { error: 'Choisissez l’activité (code NAF) dans la liste.' },
  ),
  sizeBand: z.enum(COMPANY_SIZES, { error: 'Choisissez la taille de l’entreprise.' }),
  clusterSlug: z.string({ error: 'Pôle inconnu.' }).max(80, 'Pôle inconnu.').optional(),
  communeInsee: z.string({ error: 'Choisissez la commune de l’entreprise.' }).regex(/^\d[\dAB]\d{3}$/, 'Choisissez la commune de l’entreprise.').optional(),
  communeText: z.string({ error: 'Indiquez une seule commune.' }).max(100, 'Nom de commune trop long (100 caractères au plus).').optional(),
  website: z
    .url({ protocol: /^https?$/, error: 'Indiquez une adresse web complète (https://…).' })
    .max(300, 'Adresse web trop longue.')
    .optional(),
  description: z
    .string({ error: 'Présentez l’entreprise en quelques phrases.' })
    .trim()
    .min(20, 'Présentez l’entreprise en quelques phrases (20 caractères au moins).')
    .max(3000, 'La présentation ne peut dépasser 3 000 caractères.'),
})
