import { useEffect, useRef } from 'react'
import { Form, Link, useLocation, useNavigation, useSubmit } from 'react-router'
import { companyNamesBySlug, listLocatedCommunes, listTerritories, skillNamesBySlug } from '#db/queries/reference.ts'
import { PARAM, offerQueryToParams, parseOfferQuery } from '#search/query-params.ts'
import { SORTS } from '#search/types.ts'
import { ActiveFilters, activeFilterChips } from '../components/active-filters.tsx'
import { OfferCard } from '../components/offer-card.tsx'
import { Pagination } from '../components/pagination.tsx'
import { SearchFilters } from '../components/search-filters.tsx'
import { formatCount } from '../utils/labels.ts'
import type { Route } from './+types/offers'

export async function loader({ request, context }: Route.LoaderArgs) {
  const { query, notices } = parseOfferQuery(new URL(request.url).searchParams)
  const result = await context.search.searchOffers(query)
  const [territories, communes, skillNames, companyNames] = await Promise.all([
    listTerritories(context.db),
    listLocatedCommunes(context.db),
    skillNamesBySlug(context.db, [...result.facets.skill.map((f) => f.value), ...query.skills]),
    companyNamesBySlug(context.db, [...result.facets.company.map((f) => f.value), ...query.companies]),
  ])
  const chosenSort = SORTS.find((sort) => sort === new URL(request.url).searchParams.get(PARAM.sort)) ?? null
  return {
    query,
    chosenSort,
    result: { ...result, notices: [...notices, ...result.notices] },
    territories,
    communes,
    skillNames: Object.fromEntries(skillNames),
    companyNames: Object.fromEntries(companyNames),
  }
}

export function meta({ data }: Route.MetaArgs) {
  const text = data?.query.text
  return [
    { title: text ? `« ${text} » – offres d’emploi – Passerelle` : 'Offres d’emploi du numérique – Passerelle' },
    { name: 'description', content: 'Offres d’emploi, de stage et d’alternance des entreprises du numérique du territoire.' },
  ]
}

const TYPING_DELAY_MS = 250

export default function Offers({ loaderData }: Route.ComponentProps) {
  const { query, result } = loaderData
  const submit = useSubmit()
  const navigation = useNavigation()
  const location = useLocation()
  const searching = navigation.state === 'loading' && navigation.location.pathname === '/offres'
  const textInput = useRef<HTMLInputElement>(null)
  const typingTimer = useRef<ReturnType<typeof setTimeout>>(undefined)
  const refocusId = useRef<string | null>(null)

  // Back/forward changes the URL under an uncontrolled input: follow it unless the user is typing.
  useEffect(() => {
    if (textInput.current && document.activeElement !== textInput.current) textInput.current.value = query.text
  }, [query.text])
  // The filter panel is re-created when filters change; keep keyboard focus where it was.
  useEffect(() => {
    if (refocusId.current) document.getElementById(refocusId.current)?.focus()
    refocusId.current = null
  }, [location.search])

  const onChange = (event: React.FormEvent<HTMLFormElement>) => {
    const form = event.currentTarget
    const target = event.target as HTMLInputElement
    const typing = target.name === PARAM.text
    refocusId.current = typing ? null : target.id
    clearTimeout(typingTimer.current)
    typingTimer.current = setTimeout(
      () => submit(form, { replace: typing, preventScrollReset: true }),
      typing ? TYPING_DELAY_MS : 0,
    )
  }

  const chips = activeFilterChips(query, loaderData.chosenSort, {
    territories: Object.fromEntries(loaderData.territories.map((t) => [t.slug, t.name])),
    communes: Object.fromEntries(loaderData.communes.map((c) => [c.insee, c.name])),
    skills: loaderData.skillNames,
    companies: loaderData.companyNames,
  })
  const filterParams = new URLSearchParams(location.search)
  filterParams.delete(PARAM.text)
  filterParams.delete(PARAM.page)

  return (
    <Form method="get" action="/offres" onChange={onChange} className="search-page">
      <div className="search-bar" role="search">
        <label htmlFor="recherche" className="visually-hidden">
          Métier, compétence, entreprise
        </label>
        <input
          ref={textInput}
          id="recherche"
          type="search"
          name={PARAM.text}
          defaultValue={query.text}
          placeholder="Métier, compétence, entreprise…"
          maxLength={500}
          autoComplete="off"
        />
        <button type="submit" className="button">
          Rechercher
        </button>
      </div>
      <a className="skip-results" href="#resultats">Aller aux résultats</a>
      <div className="search-layout">
        {/* Results come first on a phone; the filters fold behind "Filtres (n)", a <details> that needs no
            JavaScript (on a wide screen the panel is always shown, beside the results). */}
        <details className="filters-panel" aria-label="Filtres">
          <summary>Filtres{chips.length ? ` (${chips.length})` : ''}</summary>
          <div key={filterParams.toString()}>
            <SearchFilters {...loaderData} facets={result.facets} />
          </div>
        </details>
        <section aria-labelledby="resultats" className={searching ? 'results results--loading' : 'results'}>
          <h1 id="resultats" aria-live="polite" tabIndex={-1}>
            {formatCount(result.total, 'offre', 'offres')}
            {query.text.trim() ? ` pour « ${query.text.trim()} »` : ''}
          </h1>
          <ActiveFilters chips={chips} clearHref={query.text.trim() ? `/offres?${new URLSearchParams({ q: query.text.trim() })}` : '/offres'} />
          {result.notices.length > 0 ? (
            <ul className="notices" role="status">
              {result.notices.map((notice) => (
                <li key={notice}>{notice}</li>
              ))}
            </ul>
          ) : null}
          {result.hits.length === 0 ? (
            <p className="empty">
              Aucune offre ne correspond à ces critères. Essayez moins de filtres, un rayon plus grand ou{' '}
              <Link to="/offres">toutes les offres</Link>.
            </p>
          ) : (
            <ol className="offer-list">
              {result.hits.map((hit) => (
                <li key={hit.id}>
                  <OfferCard offer={hit} />
                </li>
              ))}
            </ol>
          )}
          <Pagination label="Pages de résultats" page={result.page} pageCount={result.pageCount}
            href={(p) => `/offres?${offerQueryToParams({ ...query, sort: loaderData.chosenSort ?? (query.text ? 'relevance' : 'date'), page: p })}`} />
        </section>
      </div>
    </Form>
  )
}
