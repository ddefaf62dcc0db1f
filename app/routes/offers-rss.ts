import { searchFeedResponse } from '../feeds/search-feed-route.server.ts'
import type { Route } from './+types/offers-rss'

/** GET /offres.rss?…: the RSS 2.0 feed of a search. */
export function loader({ request, context }: Route.LoaderArgs) {
  return searchFeedResponse(request, context, 'rss')
}
