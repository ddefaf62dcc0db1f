import { PARAM, PER_PAGE, parseOfferQuery } from '#search/query-params.ts'
import type { OfferQuery } from '#search/types.ts'
import { MAX_PER_PAGE } from './limits.ts'

export const PER_PAGE_PARAM = 'par_page'
const KNOWN = new Set<string>([...Object.values(PARAM), PER_PAGE_PARAM])
const SINGLE = new Set<string>([PARAM.text, PARAM.commune, PARAM.radius, PARAM.salaryMin, PARAM.postedWithin, PARAM.sort, PARAM.page, PER_PAGE_PARAM])

/**
 * The search page's filters (search/query-params.ts), read strictly: where the
 * page adjusts a value and says so, the API refuses the request and says why,
 * so that a program never silently gets other results than it asked for.
 */
export function parseApiOfferQuery(params: URLSearchParams): { ok: true; query: OfferQuery } | { ok: false; details: string[] } {
  const details: string[] = []
  for (const name of new Set(params.keys())) {
    if (!KNOWN.has(name)) details.push(`Paramètre inconnu : « ${name.slice(0, 40)} ». Paramètres acceptés : ${[...KNOWN].join(', ')}.`)
    else if (SINGLE.has(name) && params.getAll(name).length > 1) details.push(`Le paramètre « ${name} » ne peut être donné qu’une fois.`)
  }
  if (params.has(PARAM.radius) && !params.has(PARAM.commune)) details.push(`Le paramètre « ${PARAM.radius} » demande une commune (« ${PARAM.commune} », code INSEE).`)
  const { query, notices } = parseOfferQuery(params)
  details.push(...notices)
  let perPage = PER_PAGE
  const raw = params.get(PER_PAGE_PARAM)
  if (raw !== null) {
    perPage = Number(raw)
    if (!/^\d{1,3}$/.test(raw) || perPage < 1 || perPage > MAX_PER_PAGE) {
      details.push(`Nombre d’offres par page invalide (« ${PER_PAGE_PARAM} ») : de 1 à ${MAX_PER_PAGE}.`)
    }
  }
  if (details.length > 0) return { ok: false, details }
  return { ok: true, query: { ...query, perPage } }
}
