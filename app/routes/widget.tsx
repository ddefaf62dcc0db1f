import { PARAM, offerQueryToParams, parseOfferQuery } from '#search/query-params.ts'
import { originOf } from '../public-api/serialize.server.ts'
import { CONTRACT_LABELS, formatCount, formatDate, remoteLabelOf } from '../utils/labels.ts'
import type { Route } from './+types/widget'

/** How many offers the widget lists (`nombre`, 1 to 30). */
const DEFAULT_COUNT = 10
const MAX_COUNT = 30

/**
 * /integrer/offres?…: the offers of a company (`entreprise=`) or of any search, for member sites to show in an
 * <iframe>. The search page's filters; no header, no footer, no script (root.tsx's bare layout); links open the
 * board in a new tab. Only the sites of WIDGET_FRAME_ANCESTORS may frame it (server/http-app.ts).
 */
export const handle = { bare: true }

export async function loader({ request, context }: Route.LoaderArgs) {
  const params = new URL(request.url).searchParams
  const requested = Number(params.get('nombre'))
  params.delete('nombre')
  const { query } = parseOfferQuery(params)
  const perPage = Number.isInteger(requested) && requested >= 1 && requested <= MAX_COUNT ? requested : DEFAULT_COUNT
  const result = await context.search.searchOffers({ ...query, sort: query.text ? query.sort : 'date', page: 1, perPage })
  const origin = originOf(context.publicUrl)
  const search = offerQueryToParams({ ...query, page: 1 })
  const company = query.companies.length === 1 ? result.hits.find((h) => h.company.slug === query.companies[0] && !h.company.unlisted)?.company.name ?? null : null
  return { origin, company, total: result.total, hits: result.hits, allHref: `${origin}/offres${search.size ? `?${search}` : ''}`, hasText: Boolean(params.get(PARAM.text)) }
}

export function meta({ data }: Route.MetaArgs) {
  return [{ title: data?.company ? `Offres de ${data.company} – Passerelle` : 'Offres d’emploi – Passerelle' }]
}

export default function Widget({ loaderData }: Route.ComponentProps) {
  const { origin, company, total, hits, allHref } = loaderData
  return (
    <section className="widget" aria-labelledby="widget-titre">
      <h1 id="widget-titre">
        {company ? `${company} recrute : ` : ''}{formatCount(total, 'offre', 'offres')}
      </h1>
      {hits.length === 0 ? <p>Aucune offre en ce moment.</p> : (
        <ul className="widget__list">
          {hits.map((hit) => (
            <li key={hit.id}>
              <a href={`${origin}/offres/${hit.slug}`} target="_blank" rel="noopener">{hit.title}</a>
              <span className="widget__meta">
                {company ? '' : `${hit.company.name} · `}{hit.commune.name} · {CONTRACT_LABELS[hit.contractType]} · {remoteLabelOf(hit)} · {formatDate(hit.publishedAt)}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p className="widget__more">
        <a href={allHref} target="_blank" rel="noopener">Toutes les offres sur Passerelle</a>
      </p>
    </section>
  )
}
