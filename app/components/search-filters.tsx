import { CONTRACT_TYPES, EXPERIENCE_LEVELS, REMOTE_POLICIES } from '#db/domain.ts'
import { OUTSIDE_TERRITORY } from '#search/facet-values.ts'
import { PARAM } from '#search/query-params.ts'
import {
  POSTED_WITHIN_DAYS,
  RADIUS_STEPS_KM,
  SALARY_THRESHOLDS,
  SORTS,
  type FacetName,
  type FacetValue,
  type OfferQuery,
} from '#search/types.ts'
import { CommuneInput } from './commune-input.tsx'
import { CONTRACT_LABELS, EXPERIENCE_LABELS, REMOTE_LABELS, SORT_LABELS, formatEuros } from '../utils/labels.ts'

type Option = { value: string; label: string }
export type FilterData = {
  query: OfferQuery
  /** The sort the user picked, if any; otherwise it follows whether there are words. */
  chosenSort: OfferQuery['sort'] | null
  facets: Record<FacetName, FacetValue[]>
  territories: { slug: string; name: string }[]
  /** What the commune field shows: the chosen commune's label, or the text typed. */
  communeText: string
  skillNames: Record<string, string>
  companyNames: Record<string, string>
  /** ROME labels of the occupations the facet lists. */
  occupationNames: Record<string, string>
}

const countOf = (facet: FacetValue[], value: string) => facet.find((f) => f.value === value)?.count ?? 0
const withCount = (label: string, count: number) => `${label} (${count.toLocaleString('fr-FR')})`

function CheckboxFacet(props: { legend: string; name: string; options: Option[]; facet: FacetValue[]; selected: string[] }) {
  return (
    <fieldset className="facet">
      <legend>{props.legend}</legend>
      {props.options.map((option) => {
        const id = `${props.name}-${option.value}`
        return (
          <div className="facet__option" key={option.value}>
            <input
              type="checkbox"
              id={id}
              name={props.name}
              value={option.value}
              defaultChecked={props.selected.includes(option.value)}
            />
            <label htmlFor={id}>{withCount(option.label, countOf(props.facet, option.value))}</label>
          </div>
        )
      })}
    </fieldset>
  )
}

function SelectFilter(props: { label: string; name: string; value: string; options: Option[]; empty?: string }) {
  return (
    <div className="field">
      <label htmlFor={`filtre-${props.name}`}>{props.label}</label>
      <select id={`filtre-${props.name}`} name={props.name} defaultValue={props.value}>
        {props.empty !== undefined ? <option value="">{props.empty}</option> : null}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  )
}

/** Every filter of the search page; all of them are plain form fields, so they work without JavaScript. */
export function SearchFilters({ query, chosenSort, facets, territories, communeText, skillNames, companyNames, occupationNames }: FilterData) {
  const located = query.near !== null
  return (
    <div className="filters">
      <SelectFilter
        label="Trier par"
        name={PARAM.sort}
        value={chosenSort ?? ''}
        empty="Par défaut (pertinence, ou date sans mots-clés)"
        options={SORTS.map((s) => ({ value: s, label: SORT_LABELS[s] }))}
      />
      <div className="field">
        <label htmlFor="filtre-commune">Autour de</label>
        <p id="filtre-commune-aide" className="field__hint">Une commune de France, par son nom ou son code postal ; vide : partout.</p>
        {query.near ? <input type="hidden" name={PARAM.commune} value={query.near.insee} /> : null}
        <CommuneInput
          id="filtre-commune"
          name="lieu"
          defaultValue={communeText}
          describedBy="filtre-commune-aide"
          onPick={(input) => input.form?.requestSubmit()}
        />
      </div>
      <SelectFilter
        label="Dans un rayon de"
        name={PARAM.radius}
        value={String(query.near?.radiusKm ?? 20)}
        options={[...new Set([...RADIUS_STEPS_KM, query.near?.radiusKm ?? 20])].sort((a, b) => a - b).map((km) => ({
          value: String(km),
          label: located && (RADIUS_STEPS_KM as readonly number[]).includes(km)
            ? withCount(`${km} km`, countOf(facets.radius, String(km)))
            : `${km} km`,
        }))}
      />
      <CheckboxFacet
        legend="Contrat"
        name={PARAM.contract}
        options={CONTRACT_TYPES.map((c) => ({ value: c, label: CONTRACT_LABELS[c] }))}
        facet={facets.contract}
        selected={query.contracts}
      />
      <CheckboxFacet
        legend="Télétravail"
        name={PARAM.remote}
        options={REMOTE_POLICIES.map((r) => ({ value: r, label: REMOTE_LABELS[r] }))}
        facet={facets.remote}
        selected={query.remote}
      />
      <CheckboxFacet
        legend="Territoire"
        name={PARAM.territory}
        options={[...territories.map((t) => ({ value: t.slug, label: t.name })), { value: OUTSIDE_TERRITORY, label: 'Hors territoire' }]}
        facet={facets.territory}
        selected={query.territories}
      />
      <CheckboxFacet
        legend="Métier"
        name={PARAM.occupation}
        options={facets.occupation.filter((f, i) => i < 12 || query.occupations.includes(f.value)).map((f) => ({ value: f.value, label: occupationNames[f.value] ?? f.value }))}
        facet={facets.occupation}
        selected={query.occupations}
      />
      <CheckboxFacet
        legend="Expérience"
        name={PARAM.experience}
        options={EXPERIENCE_LEVELS.map((e) => ({ value: e, label: EXPERIENCE_LABELS[e] }))}
        facet={facets.experience}
        selected={query.experience}
      />
      <SelectFilter
        label="Salaire annuel brut"
        name={PARAM.salaryMin}
        value={query.salaryMin === null ? '' : String(query.salaryMin)}
        empty="Indifférent"
        options={[...new Set([...SALARY_THRESHOLDS, ...(query.salaryMin ? [query.salaryMin] : [])])].map((amount) => ({
          value: String(amount),
          // Counts exist for the usual steps only; a value typed in the URL shows without one.
          label: (SALARY_THRESHOLDS as readonly number[]).includes(amount)
            ? withCount(`${formatEuros(amount)} et plus`, countOf(facets.salaryMin, String(amount)))
            : `${formatEuros(amount)} et plus`,
        }))}
      />
      <SelectFilter
        label="Publiée depuis"
        name={PARAM.postedWithin}
        value={query.postedWithinDays === null ? '' : String(query.postedWithinDays)}
        empty="Toutes les dates"
        options={[...new Set([...POSTED_WITHIN_DAYS, ...(query.postedWithinDays ? [query.postedWithinDays] : [])])].map(
          (days) => {
            const label = days === 1 ? 'moins de 24 h' : `moins de ${days} jours`
            const step = (POSTED_WITHIN_DAYS as readonly number[]).includes(days)
            return { value: String(days), label: step ? withCount(label, countOf(facets.postedWithin, String(days))) : label }
          },
        )}
      />
      <CheckboxFacet
        legend="Compétences"
        name={PARAM.skill}
        options={facets.skill.slice(0, 15).map((f) => ({ value: f.value, label: skillNames[f.value] ?? f.value }))}
        facet={facets.skill}
        selected={query.skills}
      />
      <details className="facet-more" open={query.companies.length > 0}>
        <summary>Entreprises</summary>
        <CheckboxFacet
          legend="Entreprise"
          name={PARAM.company}
          options={facets.company.map((f) => ({ value: f.value, label: companyNames[f.value] ?? f.value }))}
          facet={facets.company}
          selected={query.companies}
        />
      </details>
      <button type="submit" className="button button--secondary">
        Appliquer les filtres
      </button>
    </div>
  )
}
