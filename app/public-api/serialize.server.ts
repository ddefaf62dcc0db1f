import type { PublicOffer } from '#db/queries/public-offers.ts'
import type { findCompanyBySlug } from '#db/queries/companies.ts'
import type { OfferHit } from '#search/types.ts'
import { renderMarkdown } from '../utils/markdown.server.ts'
import type { ApiCompany, ApiOffer, OfferSummary } from './schemas.ts'

/**
 * The one place where offers and companies become the API's JSON (and the
 * feeds' fields): a new offer field (its source, an anonymous employer…) is
 * added here and in schemas.ts, nowhere else. Each function picks fields one
 * by one: a column added to a query never leaks by itself.
 */
export const originOf = (publicUrl: string) => publicUrl.replace(/\/+$/, '')

export const offerUrl = (origin: string, slug: string) => `${origin}/offres/${slug}`
export const companyUrl = (origin: string, slug: string) => `${origin}/entreprises/${slug}`

const companyRef = (origin: string, slug: string, name: string) => ({
  slug,
  name,
  url: companyUrl(origin, slug),
  apiUrl: `${origin}/api/v1/entreprises/${slug}`,
})

export function toOfferSummary(hit: OfferHit, origin: string): OfferSummary {
  return {
    id: hit.id,
    slug: hit.slug,
    title: hit.title,
    url: offerUrl(origin, hit.slug),
    apiUrl: `${origin}/api/v1/offres/${hit.id}`,
    company: companyRef(origin, hit.company.slug, hit.company.name),
    commune: { insee: hit.commune.insee, name: hit.commune.name },
    contract: hit.contractType,
    remote: hit.remotePolicy,
    remoteStated: hit.remoteStated,
    experience: hit.experienceLevel,
    salary: hit.salary ? { min: hit.salary.min, max: hit.salary.max, period: hit.salary.period } : null,
    publishedAt: hit.publishedAt,
    skills: [...hit.skills],
    distanceKm: hit.distanceKm,
    source: hit.source,
    sourceUrl: hit.sourceUrl,
  }
}

export function toApiOffer(offer: PublicOffer, origin: string): ApiOffer {
  return {
    id: offer.id,
    slug: offer.slug,
    title: offer.title,
    url: offerUrl(origin, offer.slug),
    apiUrl: `${origin}/api/v1/offres/${offer.id}`,
    company: companyRef(origin, offer.company_slug, offer.company_name),
    commune: {
      insee: offer.commune_insee,
      name: offer.commune_name,
      postalCodes: JSON.parse(offer.postal_codes) as string[],
      latitude: offer.latitude,
      longitude: offer.longitude,
    },
    territory: offer.territory_slug && offer.territory_name ? { slug: offer.territory_slug, name: offer.territory_name } : null,
    contract: offer.contract_type,
    remote: offer.remote_policy,
    experience: offer.experience_level,
    salary: offer.salary_period ? { min: offer.salary_min, max: offer.salary_max, period: offer.salary_period } : null,
    occupation: offer.occupation_code && offer.occupation_label ? { code: offer.occupation_code, label: offer.occupation_label } : null,
    skills: offer.skills.map((s) => ({ slug: s.slug, name: s.name, required: s.required === 1 })),
    descriptionMarkdown: offer.description_md,
    descriptionHtml: renderMarkdown(offer.description_md),
    startDate: offer.start_date,
    publishedAt: offer.published_at!,
    expiresAt: offer.expires_at,
    // An imported offer of no member company is applied for at its source (decision 012: its /postuler is a 404).
    applyUrl: offer.placeholder_source && offer.source_url ? offer.source_url : `${offerUrl(origin, offer.slug)}/postuler`,
    source: offer.source,
    sourceId: offer.source_id,
    sourceUrl: offer.source_url,
    sourceUpdatedAt: offer.source_updated_at,
    remoteStated: offer.remote_stated === 1,
    employer: offer.placeholder_source
      ? { name: offer.employer_name, sector: offer.employer_sector, size: offer.employer_size }
      : null,
  }
}

type CompanyRow = NonNullable<Awaited<ReturnType<typeof findCompanyBySlug>>>

export function toApiCompany(company: CompanyRow, offers: OfferHit[], total: number, origin: string): ApiCompany {
  return {
    slug: company.slug,
    name: company.name,
    url: companyUrl(origin, company.slug),
    apiUrl: `${origin}/api/v1/entreprises/${company.slug}`,
    description: company.description,
    website: company.website,
    logoUrl: company.logo_mime ? `${companyUrl(origin, company.slug)}/logo` : null,
    sizeBand: company.size_band,
    commune: company.commune_name,
    territory: company.territory_name,
    cluster: company.cluster_name,
    openOfferCount: total,
    offers: offers.map((hit) => toOfferSummary(hit, origin)),
    links: { offers: `${origin}/api/v1/offres?entreprise=${encodeURIComponent(company.slug)}` },
  }
}
