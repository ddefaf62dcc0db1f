import { z } from 'zod'
import { CONTRACT_TYPES, EXPERIENCE_LEVELS, REMOTE_POLICIES } from '#db/domain.ts'
import { SORTS, type OfferQuery } from './types.ts'

/**
 * The search page's query string, parsed leniently: a search never fails.
 * Values that make no sense are dropped or clamped, and each adjustment
 * becomes a French notice shown above the results.
 */
export const PARAM = {
  text: 'q',
  contract: 'contrat',
  remote: 'teletravail',
  territory: 'territoire',
  commune: 'commune',
  radius: 'rayon',
  experience: 'niveau',
  skill: 'competence',
  salaryMin: 'salaire',
  postedWithin: 'depuis',
  company: 'entreprise',
  occupation: 'metier',
  sort: 'tri',
  page: 'page',
} as const

export const MAX_TEXT_LENGTH = 200
export const MAX_RADIUS_KM = 200
export const DEFAULT_RADIUS_KM = 20
export const PER_PAGE = 20
const MAX_PAGE = 500
const MAX_VALUES = 20

const slug = z.string().regex(/^[a-z0-9-]{1,80}$/)
const insee = z.string().regex(/^(\d{5}|2[AB]\d{3})$/)
const wholeNumber = z.coerce.number().int()
// Built once: a search page parses its address at every request, and building a zod schema costs more than using it.
const radiusKm = z.coerce.number().finite()
const salaryAmount = wholeNumber.min(0).max(1_000_000)
const postedDays = wholeNumber.min(1).max(365)
const sortName = z.enum(SORTS)
const pageNumber = wholeNumber.min(1).max(MAX_PAGE)
const contractType = z.enum(CONTRACT_TYPES)
const remotePolicy = z.enum(REMOTE_POLICIES)
const experienceLevel = z.enum(EXPERIENCE_LEVELS)
const occupationCode = z.string().regex(/^[A-N]\d{4}$/)

export function parseOfferQuery(params: URLSearchParams): { query: OfferQuery; notices: string[] } {
  const notices: string[] = []
  const many = <T extends string>(name: string, schema: z.ZodType<T>, label: string): T[] => {
    const values = params.getAll(name).filter((v) => v !== '')
    const kept = [...new Set(values.flatMap((v) => (schema.safeParse(v).success ? [v as T] : [])))]
    if (kept.length < new Set(values).size) notices.push(`Filtre « ${label} » : valeur inconnue ignorée.`)
    if (kept.length > MAX_VALUES) notices.push(`Filtre « ${label} » : seules les ${MAX_VALUES} premières valeurs sont prises en compte.`)
    return kept.slice(0, MAX_VALUES)
  }
  const one = (name: string) => {
    const value = params.get(name)
    return value === null || value.trim() === '' ? null : value.trim()
  }

  const raw = (params.get(PARAM.text) ?? '').toWellFormed().replace(/\p{Cc}/gu, ' ').trimStart()
  let text = raw.trimEnd()
  if (text.length > MAX_TEXT_LENGTH) {
    text = text.slice(0, MAX_TEXT_LENGTH).trimEnd()
    notices.push(`Votre recherche a été raccourcie à ${MAX_TEXT_LENGTH} caractères.`)
  }
  // A trailing space says the last word is finished: it is then not matched as a prefix.
  if (text && raw.length > text.length && text.length < MAX_TEXT_LENGTH && /\s$/.test(raw)) text += ' '

  let near: OfferQuery['near'] = null
  const commune = one(PARAM.commune)
  if (commune !== null) {
    if (insee.safeParse(commune).success) {
      near = { insee: commune, radiusKm: DEFAULT_RADIUS_KM }
    } else {
      notices.push('Commune inconnue : la recherche autour d’une commune est ignorée.')
    }
  }
  const radius = one(PARAM.radius)
  if (radius !== null && near) {
    const parsed = radiusKm.safeParse(radius)
    if (!parsed.success) {
      notices.push(`Rayon invalide : le rayon retenu est de ${DEFAULT_RADIUS_KM} km.`)
    } else if (parsed.data < 1 || parsed.data > MAX_RADIUS_KM) {
      near.radiusKm = Math.min(MAX_RADIUS_KM, Math.max(1, Math.round(parsed.data)))
      notices.push(`Le rayon doit être compris entre 1 et ${MAX_RADIUS_KM} km : le rayon retenu est de ${near.radiusKm} km.`)
    } else {
      near.radiusKm = Math.round(parsed.data)
    }
  }

  const salary = one(PARAM.salaryMin)
  let salaryMin: number | null = null
  if (salary !== null) {
    const parsed = salaryAmount.safeParse(salary)
    if (parsed.success) salaryMin = parsed.data
    else notices.push('Salaire minimum invalide : filtre ignoré (indiquez un montant annuel brut, ex. 30000).')
  }

  const posted = one(PARAM.postedWithin)
  let postedWithinDays: number | null = null
  if (posted !== null) {
    const parsed = postedDays.safeParse(posted)
    if (parsed.success) postedWithinDays = parsed.data
    else notices.push('Date de publication invalide : filtre ignoré (de 1 à 365 jours).')
  }

  const sortParam = one(PARAM.sort)
  const defaultSort = text.trim() ? 'relevance' : 'date'
  const sortParsed = sortName.safeParse(sortParam ?? defaultSort)
  if (!sortParsed.success) notices.push(`Tri inconnu : résultats triés par ${text.trim() ? 'pertinence' : 'date'}.`)
  const sort = sortParsed.success ? sortParsed.data : defaultSort

  const pageParsed = pageNumber.safeParse(one(PARAM.page) ?? '1')
  if (!pageParsed.success) notices.push('Numéro de page invalide : première page affichée.')

  const query: OfferQuery = {
    text,
    contracts: many(PARAM.contract, contractType, 'contrat'),
    remote: many(PARAM.remote, remotePolicy, 'télétravail'),
    territories: many(PARAM.territory, slug, 'territoire'),
    near,
    experience: many(PARAM.experience, experienceLevel, 'niveau'),
    skills: many(PARAM.skill, slug, 'compétence'),
    salaryMin,
    postedWithinDays,
    companies: many(PARAM.company, slug, 'entreprise'),
    occupations: many(PARAM.occupation, occupationCode, 'métier'),
    sort,
    page: pageParsed.success ? pageParsed.data : 1,
    perPage: PER_PAGE,
  }
  return { query, notices }
}

/** The query string of a search, the inverse of parseOfferQuery (defaults omitted). */
export function offerQueryToParams(query: Partial<OfferQuery>): URLSearchParams {
  const params = new URLSearchParams()
  if (query.text) params.set(PARAM.text, query.text)
  for (const v of query.contracts ?? []) params.append(PARAM.contract, v)
  for (const v of query.remote ?? []) params.append(PARAM.remote, v)
  for (const v of query.territories ?? []) params.append(PARAM.territory, v)
  if (query.near) {
    params.set(PARAM.commune, query.near.insee)
    params.set(PARAM.radius, String(query.near.radiusKm))
  }
  for (const v of query.experience ?? []) params.append(PARAM.experience, v)
  for (const v of query.skills ?? []) params.append(PARAM.skill, v)
  if (query.salaryMin != null) params.set(PARAM.salaryMin, String(query.salaryMin))
  if (query.postedWithinDays != null) params.set(PARAM.postedWithin, String(query.postedWithinDays))
  for (const v of query.companies ?? []) params.append(PARAM.company, v)
  for (const v of query.occupations ?? []) params.append(PARAM.occupation, v)
  if (query.sort && query.sort !== (query.text ? 'relevance' : 'date')) params.set(PARAM.sort, query.sort)
  if (query.page && query.page > 1) params.set(PARAM.page, String(query.page))
  return params
}

/** A query with every filter off; for listings that reuse the engine (home, company page). */
export function offerQuery(overrides: Partial<OfferQuery> = {}): OfferQuery {
  return {
    text: '', contracts: [], remote: [], territories: [], near: null, experience: [], skills: [],
    salaryMin: null, postedWithinDays: null, companies: [], occupations: [], sort: 'date', page: 1, perPage: PER_PAGE,
    ...overrides,
  }
}
