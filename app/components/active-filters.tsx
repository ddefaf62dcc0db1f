import { Link } from 'react-router'
import { offerQueryToParams } from '#search/query-params.ts'
import type { OfferQuery } from '#search/types.ts'
import { CONTRACT_LABELS, EXPERIENCE_LABELS, REMOTE_LABELS, formatEuros } from '../utils/labels.ts'

export type Chip = { label: string; href: string }

/**
 * Each active filter of a search as a link that removes it (the page and an
 * explicit sort are kept, the page goes back to 1): plain links, no JavaScript.
 */
export function activeFilterChips(
  query: OfferQuery,
  sort: OfferQuery['sort'] | null,
  names: {
    territories: Record<string, string>
    communes: Record<string, string>
    skills: Record<string, string>
    companies: Record<string, string>
    occupations: Record<string, string>
  },
): Chip[] {
  const href = (changes: Partial<OfferQuery>) =>
    `/offres?${offerQueryToParams({ ...query, ...changes, sort: sort ?? (query.text ? 'relevance' : 'date'), page: 1 })}`
  const without = <K extends 'contracts' | 'remote' | 'territories' | 'experience' | 'skills' | 'companies' | 'occupations'>(key: K, value: string) =>
    href({ [key]: (query[key] as string[]).filter((v) => v !== value) } as Partial<OfferQuery>)
  return [
    ...query.contracts.map((c) => ({ label: CONTRACT_LABELS[c], href: without('contracts', c) })),
    ...(query.near ? [{ label: `${names.communes[query.near.insee] ?? query.near.insee}, ${query.near.radiusKm} km`, href: href({ near: null }) }] : []),
    ...query.remote.map((r) => ({ label: `Télétravail : ${REMOTE_LABELS[r]}`, href: without('remote', r) })),
    ...query.territories.map((t) => ({ label: names.territories[t] ?? t, href: without('territories', t) })),
    ...query.experience.map((e) => ({ label: EXPERIENCE_LABELS[e], href: without('experience', e) })),
    ...(query.salaryMin !== null ? [{ label: `${formatEuros(query.salaryMin)} et plus`, href: href({ salaryMin: null }) }] : []),
    ...(query.postedWithinDays !== null
      ? [{ label: query.postedWithinDays === 1 ? 'Moins de 24 h' : `Moins de ${query.postedWithinDays} jours`, href: href({ postedWithinDays: null }) }]
      : []),
    ...query.skills.map((s) => ({ label: names.skills[s] ?? s, href: without('skills', s) })),
    ...query.companies.map((c) => ({ label: names.companies[c] ?? c, href: without('companies', c) })),
    ...query.occupations.map((o) => ({ label: names.occupations[o] ?? o, href: without('occupations', o) })),
  ]
}

export function ActiveFilters({ chips, clearHref }: { chips: Chip[]; clearHref: string }) {
  if (chips.length === 0) return null
  return (
    <div className="chips">
      <h2 className="visually-hidden">Filtres actifs</h2>
      <ul>
        {chips.map((chip) => (
          <li key={chip.href + chip.label}>
            <Link to={chip.href} className="chip" preventScrollReset>
              {chip.label}
              <span aria-hidden="true"> ✕</span>
              <span className="visually-hidden"> (retirer ce filtre)</span>
            </Link>
          </li>
        ))}
      </ul>
      <Link to={clearHref} className="chip chip--clear">Effacer les filtres</Link>
    </div>
  )
}
