import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect } from 'react-router'
import { findVisibleOfferBySlug } from '#db/queries/offers.ts'
import { saveOffer, unsaveOffer } from '#db/queries/saved-offers.ts'
import { withFlash } from '../utils/flash.ts'
import { invariantResponse } from '../utils/invariant.ts'
import { SaveOfferSchema } from '../utils/saved-offer-schemas.ts'
import { requireCandidate, safeRedirect } from '../utils/session.server.ts'
import type { Route } from './+types/offer-save'

const OFFER_GONE = 'Cette offre n’existe pas ou n’est plus en ligne.'

/** Coming back from the login page (the form's POST asked to sign in first): the offer is where to save it. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  await requireCandidate(request, context.db)
  return redirect(`/offres/${encodeURIComponent(params.slug)}`)
}

/**
 * Saves or unsaves an offer for the signed-in candidate. Without JavaScript the form posts here and comes
 * back where it was (a search page, the offer) with a flash; a fetcher gets `{ saved }` and stays put.
 */
export async function action({ request, params, context }: Route.ActionArgs) {
  const user = await requireCandidate(request, context.db)
  const submission = parseWithZod(await request.formData(), { schema: SaveOfferSchema })
  if (submission.status !== 'success') return data({ saved: null, error: 'Action inconnue : rechargez la page et réessayez.' }, { status: 400 })
  const { intent, redirectTo, fetcher } = submission.value
  const now = new Date()
  const offer = await findVisibleOfferBySlug(context.db, params.slug, now)
  if (intent === 'save') {
    invariantResponse(offer && (await saveOffer(context.db, user.id, offer.id, now)), OFFER_GONE)
  } else if (offer) {
    await unsaveOffer(context.db, user.id, offer.id)
  } else {
    // An offer gone from the board can still be removed from the list, by its slug.
    const gone = await context.db.selectFrom('offers').select('id').where('slug', '=', params.slug).executeTakeFirst()
    invariantResponse(gone, OFFER_GONE)
    await unsaveOffer(context.db, user.id, gone.id)
  }
  const saved = intent === 'save'
  if (fetcher) return { saved, error: null }
  return redirect(withFlash(safeRedirect(redirectTo, `/offres/${params.slug}`), saved ? 'sauvegardee' : 'plus-sauvegardee'))
}
