import type { AppLoadContext } from 'react-router'
import { parseOfferQuery } from '#search/query-params.ts'
import { originOf } from '../public-api/serialize.server.ts'
import { FEED_ITEMS, searchFeed } from './search-feed.server.ts'
import { xmlResponse } from './xml-response.server.ts'

/** The loader of /offres.rss and /offres.atom: the search page's filters, read as leniently as the page reads them. */
export async function searchFeedResponse(request: Request, context: AppLoadContext, format: 'rss' | 'atom'): Promise<Response> {
  const { query } = parseOfferQuery(new URL(request.url).searchParams)
  const result = await context.search.searchOffers({ ...query, sort: 'date', page: 1, perPage: FEED_ITEMS })
  const feed = searchFeed(query, result, originOf(context.publicUrl))
  return format === 'rss'
    ? xmlResponse(request, feed.rss2(), 'application/rss+xml; charset=utf-8')
    : xmlResponse(request, feed.atom1(), 'application/atom+xml; charset=utf-8')
}
