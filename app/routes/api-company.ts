import { findCompanyBySlug } from '#db/queries/companies.ts'
import { offerQuery } from '#search/query-params.ts'
import { apiError, apiJson, overLimit } from '../public-api/respond.server.ts'
import { originOf, toApiCompany } from '../public-api/serialize.server.ts'
import type { Route } from './+types/api-company'

const LISTED_OFFERS = 100

/** GET /api/v1/entreprises/:slug: a company's public page as JSON, with its open offers. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const refused = overLimit(context)
  if (refused) return refused
  const company = /^[a-z0-9-]{1,80}$/.test(params.slug) ? await findCompanyBySlug(context.db, params.slug) : undefined
  if (!company) return apiError(404, 'Cette entreprise n’est pas (ou plus) sur Passerelle.')
  const offers = await context.search.searchOffers(offerQuery({ companies: [company.slug], perPage: LISTED_OFFERS }))
  return apiJson(request, toApiCompany(company, offers.hits, offers.total, originOf(context.publicUrl)))
}
