import { searchFeedResponse } from '../feeds/search-feed-route.server.ts'
import type { Route } from './+types/offers-atom'

/** GET /offres.atom?…: the Atom feed of a search. */
export function loader({ request, context }: Route.LoaderArgs) {
  return searchFeedResponse(request, context, 'atom')
}
