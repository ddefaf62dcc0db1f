import { useEffect, useRef } from 'react'
import { Form, Link, redirect, useLocation, useNavigation, useRouteLoaderData, useSubmit } from 'react-router'
import type { loader as rootLoader } from '../root.tsx'
import { AlertButton, ALERT_FORM_ID, EDITED_ALERT_PARAM, UPDATE_ALERT_FORM_ID } from '../components/alert-button.tsx'
import { alertId } from '../utils/alert-schemas.ts'
import { communeLabel, communeLabels, resolveCommuneInput, type CommuneChoice } from '#db/queries/communes.ts'
import { companyNamesBySlug, listTerritories, skillNamesBySlug } from '#db/queries/reference.ts'
import { offerMarks } from '#db/queries/saved-offers.ts'
import { occupationLabel } from '#db/reference/occupations.ts'
import { PARAM, offerQueryToParams, parseOfferQuery } from '#search/query-params.ts'
import { SORTS } from '#search/types.ts'
import { ActiveFilters, activeFilterChips } from '../components/active-filters.tsx'
import { OfferCard } from '../components/offer-card.tsx'
import { SaveOfferForm } from '../components/save-offer-button.tsx'
import { Pagination } from '../components/pagination.tsx'
import { SearchFilters } from '../components/search-filters.tsx'
import { formatCount } from '../utils/labels.ts'
import { getOptionalUser } from '../utils/session.server.ts'
import type { Route } from './+types/offers'

/** The text of the commune field; `commune` (an INSEE code) is what links and the search contract use. */
const PLACE_PARAM = 'lieu'

export async function loader({ request, context }: Route.LoaderArgs) {
  const notices: string[] = []
  const params = new URL(request.url).searchParams
  // The form sends the commune shown (hidden `commune`, an INSEE code) and the text of the field (`lieu`):
  // a name or a postcode the user typed is resolved here, or the communes it could be are listed.
  const typed = params.get(PLACE_PARAM)
  let typedCommune = ''
  let communeChoices: (CommuneChoice & { label: string; href: string })[] = []
  if (typed !== null) {
    params.delete(PLACE_PARAM)
    typedCommune = typed.trim().slice(0, 100)
    const resolved = await resolveCommuneInput(context.db, { insee: params.get(PARAM.commune), text: typed })
    const before = params.get(PARAM.commune)
    if (resolved.status === 'found') params.set(PARAM.commune, resolved.commune.insee)
    else params.delete(PARAM.commune)
    // One address per search: the URL keeps the commune's code only.
    if (resolved.status === 'found' && resolved.commune.insee !== before) throw redirect(`/offres?${params}`)
    if (resolved.status === 'ambiguous') {
      communeChoices = resolved.choices.map((c) => {
        const chosen = new URLSearchParams(params)
        chosen.set(PARAM.commune, c.insee)
        chosen.delete(PARAM.page)
        return { ...c, label: communeLabel(c), href: `/offres?${chosen}` }
      })
    }
    if (resolved.status === 'unknown') {
      notices.push(`Commune « ${typedCommune} » introuvable : indiquez son nom ou son code postal.`)
    }
  }
  const parsed = parseOfferQuery(params)
  const query = parsed.query
  notices.push(...parsed.notices)
  const result = await context.search.searchOffers(query)
  // Only a request with a session pays for the candidate's marks (one statement for the page); anonymous
  // pages, the ones the page cache keeps, never carry them.
  const user = request.headers.has('Cookie') ? await getOptionalUser(request, context.db) : null
  const [marks, territories, nearLabels, skillNames, companyNames] = await Promise.all([
    user?.role === 'candidate' ? offerMarks(context.db, user.id, result.hits.map((h) => h.id)) : null,
    listTerritories(context.db),
    communeLabels(context.db, [query.near?.insee]),
    skillNamesBySlug(context.db, [...result.facets.skill.map((f) => f.value), ...query.skills]),
    companyNamesBySlug(context.db, [...result.facets.company.map((f) => f.value), ...query.companies]),
  ])
  const chosenSort = SORTS.find((sort) => sort === new URL(request.url).searchParams.get(PARAM.sort)) ?? null
  return {
    query,
    chosenSort,
    marks: marks ? Object.fromEntries(marks) : null,
    result: { ...result, notices: [...notices, ...result.notices] },
    territories,
    communeText: query.near ? (nearLabels[query.near.insee] ?? query.near.insee) : typedCommune,
    communeChoices,
    communeNames: nearLabels,
    skillNames: Object.fromEntries(skillNames),
    companyNames: Object.fromEntries(companyNames),
    occupationNames: Object.fromEntries(
      [...result.facets.occupation.map((f) => f.value), ...query.occupations].map((code) => [code, occupationLabel(code)]),
    ),
  }
}

export function meta({ data, location }: Route.MetaArgs) {
  const text = data?.query.text
  return [
    { title: text ? `« ${text} » – offres d’emploi – Passerelle` : 'Offres d’emploi du numérique – Passerelle' },
    { name: 'description', content: 'Offres d’emploi, de stage et d’alternance des entreprises du numérique du territoire.' },
    // Feed readers find this search's feeds (app/feeds/search-feed.server.ts).
    { tagName: 'link', rel: 'alternate', type: 'application/rss+xml', title: 'Flux RSS de cette recherche', href: `/offres.rss${location.search}` },
    { tagName: 'link', rel: 'alternate', type: 'application/atom+xml', title: 'Flux Atom de cette recherche', href: `/offres.atom${location.search}` },
  ]
}

const TYPING_DELAY_MS = 250
const NO_MARK = { saved: false, appliedAt: null, withdrawnAt: null }

export default function Offers({ loaderData }: Route.ComponentProps) {
  const { query, result } = loaderData
  const submit = useSubmit()
  const navigation = useNavigation()
  const location = useLocation()
  const searching = navigation.state === 'loading' && navigation.location.pathname === '/offres'
  const textInput = useRef<HTMLInputElement>(null)
  const typingTimer = useRef<ReturnType<typeof setTimeout>>(undefined)
  const refocusId = useRef<string | null>(null)
  // A commune typed while an earlier filter change is still loading: the filters are remounted when that
  // answer arrives (their key is the URL), and must keep what was typed rather than the URL's commune.
  const typedPlace = useRef<string | null>(null)

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
    // A commune is being typed: wait for a suggestion to be picked (CommuneInput.onPick) or the form to be sent.
    if (target.name === PLACE_PARAM) {
      typedPlace.current = target.value
      return
    }
    const typing = target.name === PARAM.text
    refocusId.current = typing ? null : target.id
    clearTimeout(typingTimer.current)
    typingTimer.current = setTimeout(
      () => {
        // This submission carries the typed commune: from now on the URL's is the one to show.
        typedPlace.current = null
        void submit(form, { replace: typing, preventScrollReset: true })
      },
      typing ? TYPING_DELAY_MS : 0,
    )
  }

  const chips = activeFilterChips(query, loaderData.chosenSort, {
    territories: Object.fromEntries(loaderData.territories.map((t) => [t.slug, t.name])),
    communes: loaderData.communeNames,
    skills: loaderData.skillNames,
    companies: loaderData.companyNames,
    occupations: loaderData.occupationNames,
  })
  const filterParams = new URLSearchParams(location.search)
  filterParams.delete(PARAM.text)
  filterParams.delete(PARAM.page)

  const signedIn = Boolean(useRouteLoaderData<typeof rootLoader>('root')?.user)
  const alertSearch = offerQueryToParams({ ...query, page: 1, sort: query.text ? 'relevance' : 'date' }).toString()
  // Opened by "Modifier la recherche" of "Mes alertes": the search form keeps the alert's id, and "Mettre à jour l'alerte" saves
  // the search shown (the action checks that the alert is the account's).
  const edited = alertId.safeParse(new URLSearchParams(location.search).get(EDITED_ALERT_PARAM) ?? undefined)
  const editing = signedIn && edited.success ? edited.data : null

  return (
    <>
    <Form method="get" action="/offres" onChange={onChange} onSubmit={() => (typedPlace.current = null)} className="search-page">
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
      {editing ? <input type="hidden" name={EDITED_ALERT_PARAM} value={editing} /> : null}
      <a className="skip-results" href="#resultats">Aller aux résultats</a>
      <div className="search-layout">
        {/* Results come first on a phone; the filters fold behind "Filtres (n)", a <details> that needs no
            JavaScript (on a wide screen the panel is always shown, beside the results). */}
        <details className="filters-panel" aria-label="Filtres">
          <summary>Filtres{chips.length ? ` (${chips.length})` : ''}</summary>
          <div key={filterParams.toString()}>
            <SearchFilters {...loaderData} communeText={typedPlace.current ?? loaderData.communeText} facets={result.facets} />
          </div>
        </details>
        <section aria-labelledby="resultats" className={searching ? 'results results--loading' : 'results'}>
          <h1 id="resultats" aria-live="polite" tabIndex={-1}>
            {formatCount(result.total, 'offre', 'offres')}
            {query.text.trim() ? ` pour « ${query.text.trim()} »` : ''}
          </h1>
          <AlertButton signedIn={signedIn} search={alertSearch} editing={editing} />
          {loaderData.communeChoices.length > 0 ? (
            <nav aria-labelledby="choix-commune" className="notices">
              <h2 id="choix-commune">Plusieurs communes correspondent à « {loaderData.communeText} » : choisissez-en une</h2>
              <ul>
                {loaderData.communeChoices.map((c) => (
                  <li key={c.insee}>
                    <Link to={c.href}>{c.label}</Link> <span>{c.postcodes.slice(0, 3).join(', ')}</span>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
          <ActiveFilters chips={chips} clearHref={query.text.trim() ? `/offres?${new URLSearchParams({ q: query.text.trim() })}` : '/offres'} />
          {result.notices.length > 0 ? (
            <ul className="notices" role="status">
              {result.notices.map((notice) => (
                <li key={notice}>{notice}</li>
              ))}
            </ul>
          ) : null}
          {result.correction ? (
            <p className="did-you-mean">
              Vouliez-vous dire{' '}
              <Link to={`/offres?${offerQueryToParams({ ...query, text: result.correction, page: 1, sort: loaderData.chosenSort ?? 'relevance' })}`}>
                {result.correction}
              </Link>
              {'\u00a0'}?
            </p>
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
                  <OfferCard offer={hit} mark={loaderData.marks ? (loaderData.marks[hit.id] ?? NO_MARK) : undefined} saveFormId={`sauvegarder-${hit.id}`} />
                </li>
              ))}
            </ol>
          )}
          <Pagination label="Pages de résultats" page={result.page} pageCount={result.pageCount}
            href={(p) => `/offres?${offerQueryToParams({ ...query, sort: loaderData.chosenSort ?? (query.text ? 'relevance' : 'date'), page: p })}`} />
          <p className="feed-links">
            Suivre cette recherche : <a href={`/offres.rss${location.search}`}>flux RSS</a> · <a href={`/offres.atom${location.search}`}>flux Atom</a>
          </p>
        </section>
      </div>
    </Form>
    {/* The cards' "Sauvegarder" buttons submit these (forms cannot nest in the search form). */}
    {loaderData.marks ? result.hits.map((hit) => <SaveOfferForm key={hit.id} slug={hit.slug} formId={`sauvegarder-${hit.id}`} />) : null}
    {/* Outside the search form (forms cannot nest): the one-click "Créer une alerte" of a signed-in user posts it. */}
    {signedIn ? (
      <Form method="post" action="/alertes/nouvelle" id={ALERT_FORM_ID} hidden>
        <input type="hidden" name="recherche" value={alertSearch} />
        <input type="hidden" name="frequence" value="daily" />
      </Form>
    ) : null}
    {editing ? (
      <Form method="post" action="/compte/alertes" id={UPDATE_ALERT_FORM_ID} hidden>
        <input type="hidden" name="intent" value="search" />
        <input type="hidden" name="alerte" value={editing} />
        <input type="hidden" name="recherche" value={alertSearch} />
      </Form>
    ) : null}
    </>
  )
}
