import type { FacetName, OfferQuery } from '../types.ts'
import type { OfferDocument } from './documents.ts'

/**
 * Our filters as Meilisearch filter expressions. Every value from a query
 * goes through `quoted`, so no value can close its quotes and add a clause
 * of its own, whatever it holds.
 */

/** One clause, or several of which one must hold (Meilisearch's array form: outer AND, inner OR). */
export type FilterClause = string | string[]
export type Center = { latitude: number; longitude: number }

const DAY_MS = 86_400_000

/**
 * A string value in double quotes. Meilisearch reads `\"` as a quote and
 * `\\` as a backslash inside quotes (filter-parser's value.rs); escaping the
 * backslashes first means no escape sequence of the input survives.
 * Lone surrogates become U+FFFD: JSON parsers refuse them, and such a value
 * could match no stored value anyway.
 */
export function quoted(value: string): string {
  return `"${value.toWellFormed().replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`
}

/** A number as a filter literal: finite, and never in exponent notation (1e+21 is not a valid value). */
export function literal(value: number, decimals = 0): string {
  if (!Number.isFinite(value) || Math.abs(value) >= 1e21) throw new RangeError(`Not a filterable number: ${value}`)
  return decimals === 0 ? String(Math.round(value)) : value.toFixed(decimals)
}

export function anyOf(attribute: keyof OfferDocument | string, values: readonly string[]): string {
  return `${attribute} IN [${values.map(quoted).join(', ')}]`
}

export function equals(attribute: string, value: string): string {
  return `${attribute} = ${quoted(value)}`
}

/** Within `km` of the centre (Meilisearch measures in metres). */
export function withinKm(center: Center, km: number): string {
  return `_geoRadius(${literal(center.latitude, 6)}, ${literal(center.longitude, 6)}, ${literal(km * 1000)})`
}

/** Published offers whose publication date has come and whose expiry has not: checked at query time. */
export function visibleAt(now: Date): FilterClause[] {
  const ms = literal(now.getTime())
  return [`publishedAtMs <= ${ms}`, [`expiresAtMs > ${ms}`, 'expiresAtMs NOT EXISTS']]
}

export function publishedSince(now: Date, days: number): string {
  return `publishedAtMs >= ${literal(now.getTime() - days * DAY_MS)}`
}

/** The query's filters, grouped by the facet each one narrows (facet counts leave their own out). */
export type OfferFilters = { visible: FilterClause[]; byFacet: Partial<Record<FacetName, FilterClause[]>> }

export function offerFilters(query: OfferQuery, now: Date, center: Center | null): OfferFilters {
  const byFacet: OfferFilters['byFacet'] = {}
  if (query.contracts.length) byFacet.contract = [anyOf('contractType', query.contracts)]
  if (query.remote.length) byFacet.remote = [anyOf('remotePolicy', query.remote)]
  if (query.experience.length) byFacet.experience = [anyOf('experienceLevel', query.experience)]
  if (query.territories.length) byFacet.territory = [anyOf('territory', query.territories)]
  if (query.companies.length) byFacet.company = [anyOf('company', query.companies)]
  if (query.occupations.length) byFacet.occupation = [anyOf('occupation', query.occupations)]
  // An offer must list every skill asked for.
  if (query.skills.length) byFacet.skill = query.skills.map((slug) => equals('skills', slug))
  if (query.salaryMin !== null) byFacet.salaryMin = [`yearlySalary >= ${literal(query.salaryMin)}`]
  if (query.postedWithinDays !== null) byFacet.postedWithin = [publishedSince(now, query.postedWithinDays)]
  if (center && query.near) byFacet.radius = [withinKm(center, query.near.radiusKm)]
  return { visible: visibleAt(now), byFacet }
}

/** Every clause, or every clause but those of one facet. */
export function combine(filters: OfferFilters, without?: FacetName): FilterClause[] {
  const clauses = [...filters.visible]
  for (const [facet, list] of Object.entries(filters.byFacet)) if (facet !== without) clauses.push(...list)
  return clauses
}
