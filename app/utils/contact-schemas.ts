import { z } from 'zod'
import './zod-fr.ts'

/** A hidden id field: a wrong value means a stale or tampered page. */
const hiddenId = (message: string) =>
  z.coerce.number({ error: message }).int(message).positive(message).max(Number.MAX_SAFE_INTEGER, message)

/** A recruiter's contact request, sent from the matching profiles of an offer. */
export const ContactRequestSchema = z.object({
  candidateId: hiddenId('Profil inconnu : rechargez la page et réessayez.'),
  message: z
    .string({ error: 'Écrivez un court message de présentation.' })
    .trim()
    .min(10, 'Écrivez un court message de présentation (10 caractères au moins).')
    .max(1000, 'Le message ne peut dépasser 1 000 caractères.'),
})

/** A candidate's answer to a contact request. */
export const ContactAnswerSchema = z.object({
  requestId: hiddenId('Demande inconnue : rechargez la page et réessayez.'),
  answer: z.enum(['accept', 'decline'], { error: 'Choisissez d’accepter ou de refuser.' }),
})
