import { findPublicOfferById } from '#db/queries/public-offers.ts'
import { apiError, apiJson, overLimit } from '../public-api/respond.server.ts'
import { originOf, toApiOffer } from '../public-api/serialize.server.ts'
import type { Route } from './+types/api-offer'

/** GET /api/v1/offres/:id: one published offer (closed and expired ones answer 404). */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const refused = overLimit(context)
  if (refused) return refused
  if (!/^[1-9]\d{0,15}$/.test(params.id) || !Number.isSafeInteger(Number(params.id))) {
    return apiError(400, 'Identifiant d’offre invalide.', [`« ${params.id.slice(0, 40)} » n’est pas un identifiant d’offre (un nombre entier positif).`])
  }
  const offer = await findPublicOfferById(context.db, Number(params.id), new Date())
  if (!offer) return apiError(404, 'Cette offre n’existe pas ou n’est plus en ligne.')
  return apiJson(request, toApiOffer(offer, originOf(context.publicUrl)))
}
