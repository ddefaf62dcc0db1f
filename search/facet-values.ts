import type { FacetValue } from './types.ts'

/** How many values a facet lists, besides the selected ones. */
export const LISTED_FACET_VALUES = 30

/**
 * The values a facet shows: those counted at least once, most frequent
 * first (then by name), the top ones plus any selected value, so a filter
 * in use never disappears from its own list.
 */
export function topFacetValues(counts: Iterable<readonly [value: string, count: number]>, selected: readonly string[] = []): FacetValue[] {
  const listed: FacetValue[] = []
  for (const [value, count] of counts) if (count > 0) listed.push({ value, count })
  listed.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1))
  const top = listed.slice(0, LISTED_FACET_VALUES)
  for (const value of selected) {
    if (!top.some((v) => v.value === value)) top.push({ value, count: listed.find((v) => v.value === value)?.count ?? 0 })
  }
  return top
}

/** Territory facet value of offers placed outside the region's territories (or nowhere): they stay searchable. */
export const OUTSIDE_TERRITORY = 'hors-territoire'
