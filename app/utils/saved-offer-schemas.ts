import { z } from 'zod'
import './zod-fr.ts'

/** "Sauvegarder" / "Retirer des offres sauvegardées", from an offer card or page. */
export const SaveOfferSchema = z.object({
  intent: z.enum(['save', 'unsave'], { error: 'Action inconnue : rechargez la page et réessayez.' }),
  /** Where the form was (a search page, the offer): validated again by safeRedirect. */
  redirectTo: z.string().max(2000).optional(),
  /** Sent only once the page is hydrated: a fetcher wants data, not a redirect. */
  fetcher: z.literal('1').optional(),
})

/** "Retirer ma candidature" on the candidate's applications. */
export const WithdrawSchema = z.object({
  intent: z.literal('withdraw', { error: 'Action inconnue : rechargez la page et réessayez.' }),
  applicationId: z.coerce.number({ error: 'Candidature introuvable.' }).int().positive().max(Number.MAX_SAFE_INTEGER),
})
