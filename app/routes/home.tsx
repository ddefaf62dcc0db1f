import { Form, Link } from 'react-router'
import { companiesBySlug } from '#db/queries/companies.ts'
import { findActiveRegion, listClusters, listTerritories } from '#db/queries/reference.ts'
import { regions } from '#db/reference/regions.ts'
import { PARAM, offerQuery } from '#search/query-params.ts'
import { OfferCard } from '../components/offer-card.tsx'
import { formatCount } from '../utils/labels.ts'
import type { Route } from './+types/home'

const HIRING_COMPANIES = 8

// Counts come from the search engine's facets (its in-memory store), never
// from a join of every offer: at 100,000 offers that join took 40 s.
export async function loader({ context }: Route.LoaderArgs) {
  const [region, clusters, regionTerritories, latest] = await Promise.all([
    findActiveRegion(context.db),
    listClusters(context.db),
    listTerritories(context.db),
    context.search.searchOffers(offerQuery({ perPage: 6 })),
  ])
  let territoryCounts = latest.facets.territory
  // A facet lists its top values only: a territory left out is asked for by name (a selected value is always counted).
  if (regionTerritories.some((t) => !territoryCounts.some((v) => v.value === t.slug))) {
    const slugs = regionTerritories.map((t) => t.slug)
    territoryCounts = (await context.search.searchOffers(offerQuery({ perPage: 1, territories: slugs }))).facets.territory
  }
  const count = new Map(territoryCounts.map((v) => [v.value, v.count]))
  const territories = regionTerritories.map((t) => ({ ...t, open_offers: count.get(t.slug) ?? 0 }))

  const hiring = latest.facets.company
  const bySlug = await companiesBySlug(context.db, hiring.map((v) => v.value))
  const companies = hiring
    .flatMap((v) => {
      const company = bySlug.get(v.value)
      return company ? [{ ...company, open_offers: v.count }] : []
    })
    .sort((a, b) => b.open_offers - a.open_offers || a.name.localeCompare(b.name, 'fr'))
    .slice(0, HIRING_COMPANIES)
  const searchExample = regions.find((r) => r.slug === region?.slug)?.demo.searchExample ?? 'Développeur, React…'
  return { regionName: region?.name ?? 'votre région', clusters, searchExample, latest: latest.hits, total: latest.total, companies, territories }
}

export function meta({ data }: Route.MetaArgs) {
  return [
    { title: 'Passerelle – l’emploi numérique en région' },
    { name: 'description', content: `Offres d’emploi, de stage et d’alternance du numérique – ${data?.regionName ?? ''}.` },
  ]
}

export default function Home({ loaderData }: Route.ComponentProps) {
  const { regionName, clusters, searchExample, latest, total, companies, territories } = loaderData
  return (
    <>
      <section className="hero" aria-labelledby="hero-title">
        <h1 id="hero-title">Trouvez votre premier poste dans le numérique – {regionName}</h1>
        <p>
          {formatCount(total, 'offre ouverte', 'offres ouvertes')} dans les entreprises du territoire : CDI, alternance, stages…
          {clusters.length ? ` Avec ${clusters.map((c) => c.name).join(', ')}.` : null}
        </p>
        <Form method="get" action="/offres" role="search" className="search-bar">
          <label htmlFor="recherche-accueil" className="visually-hidden">Métier, compétence, entreprise</label>
          <input id="recherche-accueil" type="search" name={PARAM.text} placeholder={searchExample} />
          <button type="submit" className="button">Rechercher</button>
        </Form>
      </section>
      <section aria-labelledby="territoires">
        <h2 id="territoires">Par territoire</h2>
        <ul className="territory-list">
          {territories.map((t) => (
            <li key={t.slug}>
              <Link to={`/offres?${PARAM.territory}=${t.slug}`}>
                <strong>{t.name}</strong> <span>{formatCount(t.open_offers, 'offre', 'offres')}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="dernieres">
        <h2 id="dernieres">Dernières offres</h2>
        <ol className="offer-list offer-list--grid">
          {latest.map((offer) => <li key={offer.id}><OfferCard offer={offer} headingLevel={3} /></li>)}
        </ol>
        <p><Link to="/offres">Voir toutes les offres →</Link></p>
      </section>
      <section aria-labelledby="entreprises">
        <h2 id="entreprises">Elles recrutent</h2>
        <ul className="company-list">
          {companies.map((c) => (
            <li key={c.slug}>
              <Link to={`/entreprises/${c.slug}`}>{c.name}</Link>
              <span>{c.commune_name} · {formatCount(c.open_offers, 'offre', 'offres')}</span>
            </li>
          ))}
        </ul>
      </section>
    </>
  )
}
