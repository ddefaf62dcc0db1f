import { SEARCH_PHASES, type EmbeddedSearchEngine, type SearchPhase } from '#search/embedded/engine.ts'
import type { MixedQuery } from './query-mix.ts'

export type TimedQuery = MixedQuery & { wallMs: number; cpuMs: number; phases: Record<SearchPhase, number>; total: number }

const noPhases = () => Object.fromEntries(SEARCH_PHASES.map((p) => [p, 0])) as Record<SearchPhase, number>

/**
 * Runs the queries one after another, each timed by the wall clock and by
 * the CPU the process spent on it (process.cpuUsage: user + system), which
 * a loaded machine inflates far less than the wall clock; with the engine's
 * own split by phase.
 */
export async function timeQueries(engine: EmbeddedSearchEngine, mix: MixedQuery[], now: Date): Promise<TimedQuery[]> {
  const timed: TimedQuery[] = []
  for (const item of mix) {
    const phases = noPhases()
    engine.phases = phases
    const cpu = process.cpuUsage()
    const start = performance.now()
    const result = await engine.searchOffers(item.query, now)
    const wallMs = performance.now() - start
    const used = process.cpuUsage(cpu)
    timed.push({ ...item, wallMs, cpuMs: (used.user + used.system) / 1000, phases, total: result.total })
  }
  engine.phases = null
  return timed
}

/** A query as one short line: its words and the filters set. */
export function describe({ query }: MixedQuery): string {
  const parts: string[] = []
  if (query.text) parts.push(`"${query.text}"`)
  if (query.contracts.length) parts.push(`contrat=${query.contracts.join('+')}`)
  if (query.territories.length) parts.push(`terr=${query.territories.join('+')}`)
  if (query.remote.length) parts.push(`remote=${query.remote.join('+')}`)
  if (query.experience.length) parts.push(`exp=${query.experience.join('+')}`)
  if (query.skills.length) parts.push(`skill=${query.skills.join('+')}`)
  if (query.salaryMin) parts.push(`sal≥${query.salaryMin}`)
  if (query.postedWithinDays) parts.push(`${query.postedWithinDays}j`)
  if (query.near) parts.push(`near=${query.near.insee}/${query.near.radiusKm}km`)
  parts.push(`sort=${query.sort}`)
  if (query.page > 1) parts.push(`p${query.page}`)
  return parts.join(' ')
}
