import { z } from 'zod'
import '#app/utils/zod-fr.ts'
import { SELF_SERVICE_ROLES } from '#db/domain.ts'

export const MIN_PASSWORD_LENGTH = 10

export const email = z
  .string({ error: 'Indiquez votre adresse e-mail.' })
  .trim()
  .max(254, 'Cette adresse e-mail est trop longue.')
  .pipe(z.email({ error: 'Cette adresse e-mail n’est pas valide (exemple : prenom.nom@exemple.fr).' }))

// The upper bound keeps argon2 from hashing megabytes on purpose.
export const newPassword = z
  .string({ error: 'Choisissez un mot de passe.' })
  .min(MIN_PASSWORD_LENGTH, `Le mot de passe doit compter au moins ${MIN_PASSWORD_LENGTH} caractères.`)
  .max(200, 'Le mot de passe ne peut dépasser 200 caractères.')
  .refine((p) => p.trim().length > 0, 'Le mot de passe ne peut pas être fait que d’espaces.')

export const SignupSchema = z.object({
  displayName: z
    .string({ error: 'Indiquez votre nom.' })
    .trim()
    .min(2, 'Votre nom doit compter au moins 2 caractères.')
    .max(80, 'Votre nom ne peut dépasser 80 caractères.'),
  email,
  password: newPassword,
  role: z.enum(SELF_SERVICE_ROLES, { error: 'Choisissez : candidat·e ou recruteur·se.' }),
  redirectTo: z.string({ error: 'Adresse de retour invalide.' }).max(500, 'Adresse de retour trop longue.').optional(),
})

export const LoginSchema = z.object({
  email,
  password: z.string({ error: 'Indiquez votre mot de passe.' }).max(200, 'Adresse e-mail ou mot de passe incorrect.'),
  redirectTo: z.string({ error: 'Adresse de retour invalide.' }).max(500, 'Adresse de retour trop longue.').optional(),
})

export const ForgotSchema = z.object({ email })

export const ResetSchema = z
  .object({
    token: z
      .string({ error: 'Ce lien n’est pas valable.' })
      .min(10, 'Ce lien n’est pas valable.')
      .max(200, 'Ce lien n’est pas valable.'),
    password: newPassword,
    confirmation: z.string({ error: 'Confirmez le mot de passe.' }),
  })
  .refine((v) => v.password === v.confirmation, {
    path: ['confirmation'],
    message: 'Les deux mots de passe ne sont pas identiques.',
  })

// Deleting an account asks for the current password: a forgotten open session is not enough.
export const DeleteAccountSchema = z.object({
  password: z
    .string({ error: 'Indiquez votre mot de passe pour confirmer la suppression.' })
    .max(200, 'Mot de passe incorrect : votre compte n’a pas été supprimé.'),
})

export const ChangePasswordSchema = z
  .object({
    currentPassword: z
      .string({ error: 'Indiquez votre mot de passe actuel.' })
      .max(200, 'Mot de passe actuel incorrect.'),
    password: newPassword,
    confirmation: z.string({ error: 'Confirmez le nouveau mot de passe.' }),
  })
  .refine((v) => v.password === v.confirmation, {
    path: ['confirmation'],
    message: 'Les deux mots de passe ne sont pas identiques.',
  })
