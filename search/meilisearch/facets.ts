import type { FacetDistribution } from 'meilisearch'
import { topFacetValues } from '../facet-values.ts'
import {
  POSTED_WITHIN_DAYS,
  RADIUS_STEPS_KM,
  SALARY_THRESHOLDS,
  type FacetName,
  type FacetValue,
  type OfferQuery,
} from '../types.ts'
import { combine, publishedSince, withinKm, type Center, type FilterClause, type OfferFilters } from './filters.ts'

/**
 * Facet counts with the embedded engine's meaning: each count honours every
 * other active filter. Meilisearch counts under the filters of the query it
 * answers, so a facet whose filter is on gets a query of its own without
 * that filter (disjunctive faceting), and the cumulative buckets (posted
 * within, radius) one count-only query per bucket. All of them travel in
 * the same multi-search request as the page of hits.
 */

/** The attribute counted for each facet Meilisearch can distribute. */
export const FACET_ATTRIBUTE = {
  contract: 'contractType',
  remote: 'remotePolicy',
  experience: 'experienceLevel',
  territory: 'territory',
  company: 'company',
  skill: 'skills',
  salaryMin: 'salarySteps',
  occupation: 'occupation',
} as const satisfies Partial<Record<FacetName, string>>
type DistributedFacet = keyof typeof FACET_ATTRIBUTE

/** Facets whose filter accepts any of its values: counting them under their own filter would hide the others. */
const DISJUNCTIVE = ['contract', 'remote', 'experience', 'territory', 'company', 'salaryMin', 'occupation'] as const

/** What one extra query of the multi-search is for. */
export type FacetProbe =
  | { facet: DistributedFacet; filter: FilterClause[]; attribute: string }
  | { facet: 'postedWithin' | 'radius'; filter: FilterClause[]; threshold: number }

/** The page's own query counts every distributed facet under all filters. */
export const MAIN_QUERY_FACETS: string[] = Object.values(FACET_ATTRIBUTE)

export function facetProbes(filters: OfferFilters, now: Date, center: Center | null): FacetProbe[] {
  const probes: FacetProbe[] = []
  for (const facet of DISJUNCTIVE) {
    if (filters.byFacet[facet]) probes.push({ facet, filter: combine(filters, facet), attribute: FACET_ATTRIBUTE[facet] })
  }
  for (const days of POSTED_WITHIN_DAYS) {
    probes.push({ facet: 'postedWithin', threshold: days, filter: [...combine(filters, 'postedWithin'), publishedSince(now, days)] })
  }
  if (center) {
    for (const km of RADIUS_STEPS_KM) {
      probes.push({ facet: 'radius', threshold: km, filter: [...combine(filters, 'radius'), withinKm(center, km)] })
    }
  }
  return probes
}

export type FacetAnswer = { facetDistribution?: FacetDistribution; totalHits?: number }

export function facetsFromAnswers(
  query: OfferQuery,
  main: FacetAnswer,
  probes: readonly FacetProbe[],
  answers: readonly FacetAnswer[],
): Record<FacetName, FacetValue[]> {
  const distribution = (facet: DistributedFacet, selected: readonly string[] = []): Record<string, number> => {
    const attribute = FACET_ATTRIBUTE[facet]
    const at = probes.findIndex((p) => p.facet === facet)
    const counts = { ...((at >= 0 ? answers[at] : main)?.facetDistribution?.[attribute] ?? {}) }
    // The page's query counts the selected values exactly (its filter keeps only them), even when
    // the facet's own query was cut at maxValuesPerFacet.
    for (const value of selected) {
      const exact = main.facetDistribution?.[attribute]?.[value]
      if (exact !== undefined) counts[value] = exact
    }
    return counts
  }
  const listed = (facet: DistributedFacet, selected: readonly string[] = []) =>
    topFacetValues(Object.entries(distribution(facet, selected)), selected)
  const buckets = (facet: 'postedWithin' | 'radius'): FacetValue[] =>
    probes.flatMap((probe, k) => {
      const count = answers[k]?.totalHits ?? 0
      return probe.facet === facet && 'threshold' in probe && count > 0 ? [{ value: String(probe.threshold), count }] : []
    })
  const salary = distribution('salaryMin')
  return {
    contract: listed('contract'),
    remote: listed('remote'),
    experience: listed('experience'),
    territory: listed('territory'),
    company: listed('company', query.companies),
    skill: listed('skill', query.skills),
    postedWithin: buckets('postedWithin'),
    salaryMin: SALARY_THRESHOLDS.flatMap((t) => ((salary[String(t)] ?? 0) > 0 ? [{ value: String(t), count: salary[String(t)]! }] : [])),
    radius: buckets('radius'),
    occupation: listed('occupation', query.occupations),
  }
}
