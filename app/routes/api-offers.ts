import { PARAM, offerQueryToParams } from '#search/query-params.ts'
import { parseApiOfferQuery, PER_PAGE_PARAM } from '../public-api/query.ts'
import { apiError, apiJson, overLimit } from '../public-api/respond.server.ts'
import { originOf, toOfferSummary } from '../public-api/serialize.server.ts'
import type { OfferList } from '../public-api/schemas.ts'
import type { Route } from './+types/api-offers'

/** GET /api/v1/offres: the search page's filters, as JSON (app/public-api/openapi.ts). */
export async function loader({ request, context }: Route.LoaderArgs) {
  const refused = overLimit(context)
  if (refused) return refused
  const params = new URL(request.url).searchParams
  const parsed = parseApiOfferQuery(params)
  if (!parsed.ok) return apiError(400, 'Paramètres de recherche invalides.', parsed.details)
  const { query } = parsed
  const result = await context.search.searchOffers(query)
  const origin = originOf(context.publicUrl)
  const filters = offerQueryToParams({ ...query, page: 1 })
  if (query.sort !== (query.text ? 'relevance' : 'date')) filters.set(PARAM.sort, query.sort)
  const pageLink = (page: number) => {
    const p = new URLSearchParams(filters)
    if (page > 1) p.set(PARAM.page, String(page))
    if (params.has(PER_PAGE_PARAM)) p.set(PER_PAGE_PARAM, String(query.perPage))
    return `${origin}/api/v1/offres${p.size ? `?${p}` : ''}`
  }
  const qs = filters.size ? `?${filters}` : ''
  const body: OfferList = {
    total: result.total,
    page: result.page,
    pageCount: result.pageCount,
    perPage: query.perPage,
    sort: result.sort,
    offers: result.hits.map((hit) => toOfferSummary(hit, origin)),
    facets: result.facets,
    notices: result.notices,
    links: {
      self: pageLink(result.page),
      next: result.page < result.pageCount ? pageLink(result.page + 1) : null,
      previous: result.page > 1 ? pageLink(Math.min(result.page - 1, Math.max(1, result.pageCount))) : null,
      html: `${origin}/offres${qs}`,
      rss: `${origin}/offres.rss${qs}`,
      atom: `${origin}/offres.atom${qs}`,
    },
  }
  return apiJson(request, body)
}
