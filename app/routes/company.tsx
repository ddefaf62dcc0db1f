import { Link } from 'react-router'
import { findCompanyBySlug } from '#db/queries/companies.ts'
import { offerQuery } from '#search/query-params.ts'
import { OfferCard } from '../components/offer-card.tsx'
import { invariantResponse } from '../utils/invariant.ts'
import { formatCount } from '../utils/labels.ts'
import type { Route } from './+types/company'

const MAX_LISTED_OFFERS = 100

export async function loader({ params, context }: Route.LoaderArgs) {
  const company = await findCompanyBySlug(context.db, params.slug)
  invariantResponse(company, 'Cette entreprise n’est pas (ou plus) sur Passerelle.')
  // Open offers come from the search engine, so "open" means the same everywhere.
  const offers = await context.search.searchOffers(
    offerQuery({ companies: [company.slug], perPage: MAX_LISTED_OFFERS }),
  )
  return { company, offers: offers.hits, total: offers.total }
}

export function meta({ data }: Route.MetaArgs) {
  if (!data) return [{ title: 'Entreprise introuvable – Passerelle' }]
  return [{ title: `${data.company.name} recrute – Passerelle` }, { name: 'description', content: data.company.description.slice(0, 160) }]
}

export default function CompanyPage({ loaderData }: Route.ComponentProps) {
  const { company, offers, total } = loaderData
  return (
    <article className="company-page">
      {company.logo_mime ? (
        <img className="company-page__logo" src={`/entreprises/${company.slug}/logo`} alt={`Logo de ${company.name}`} height={80} />
      ) : null}
      <h1>{company.name}</h1>
      {company.placeholder_source ? null : (
        <p className="company-page__meta">
          {company.commune_name}
          {company.territory_name ? ` (${company.territory_name})` : ''} · {company.size_band} salarié·es
          {company.cluster_name ? ` · membre de ${company.cluster_name}` : ''}
        </p>
      )}
      <p>{company.description}</p>
      {company.website ? (
        <p>
          <a href={company.website} rel="noopener noreferrer nofollow">Site de l’entreprise</a>
        </p>
      ) : null}
      <h2>{formatCount(total, 'offre ouverte', 'offres ouvertes')}</h2>
      {offers.length === 0 ? (
        <p>Aucune offre en ce moment. <Link to="/offres">Voir les autres offres</Link></p>
      ) : (
        <ol className="offer-list">
          {offers.map((offer) => <li key={offer.id}><OfferCard offer={offer} headingLevel={3} /></li>)}
        </ol>
      )}
    </article>
  )
}
