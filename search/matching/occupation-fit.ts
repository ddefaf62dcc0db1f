import { OCCUPATIONS } from '#db/reference/occupations.ts'
import type { OccupationFit } from './score-criteria.ts'

/**
 * How an offer's occupation (ROME code) stands to the occupations a candidate
 * aims for: the same, a ROME "mobilité" neighbour (either direction: France
 * Travail lists the moves a person can make with their skills), another, or
 * unknown when either side says nothing.
 */
const neighbours = new Map<string, Set<string>>()
for (const o of OCCUPATIONS) {
  for (const m of o.mobility) {
    ;(neighbours.get(o.code) ?? neighbours.set(o.code, new Set()).get(o.code)!).add(m)
    ;(neighbours.get(m) ?? neighbours.set(m, new Set()).get(m)!).add(o.code)
  }
}

/** The occupation and its ROME mobility neighbours: the occupations whose candidates an offer of it may interest. */
export function withNeighbours(code: string): string[] {
  return [code, ...(neighbours.get(code) ?? [])]
}

export function areNeighbours(a: string, b: string): boolean {
  return neighbours.get(a)?.has(b) ?? false
}

/** The fit and, when one counted, the target occupation that did. */
export function occupationFit(targets: readonly string[], offer: string | null): { fit: OccupationFit; via: string | null } {
  if (!offer || targets.length === 0) return { fit: 'unknown', via: null }
  if (targets.includes(offer)) return { fit: 'same', via: offer }
  const via = targets.find((t) => areNeighbours(t, offer))
  return via ? { fit: 'neighbour', via } : { fit: 'other', via: null }
}
