import { z } from 'zod'

/**
 * France Travail's "Offres d'emploi v2" API (francetravail.io): an OAuth2 client-credentials
 * token, then GET /offres/search per department and group of ROME codes, 150 offers a page
 * through `range=start-end`, the total read from `Content-Range: offres 0-149/3553` (206 while
 * pages remain, 200 for the last or only one, 204 when nothing matches). 429 answers are
 * retried after their `Retry-After`. The API serves at most the first 3,150 offers of a search:
 * past that, the run is incomplete and the importer closes nothing.
 */
export type FranceTravailApiConfig = {
  clientId: string
  clientSecret: string
  apiUrl: string
  tokenUrl: string
  departments: string[]
  romeCodes: string[]
  /** Waits between retries; a test passes a short one. */
  sleep?: (ms: number) => Promise<void>
  log?: (line: string) => void
}

export const PAGE_SIZE = 150
/** The last index the search serves (range end ≤ 3149). */
const LAST_INDEX = 3149
const ROME_CODES_PER_SEARCH = 50
const MAX_RETRIES = 5
const SCOPE = 'api_offresdemploiv2 o2dsoffre'

const TokenSchema = z.object({ access_token: z.string().min(1), expires_in: z.number().optional() })
const PageSchema = z.object({ resultats: z.array(z.unknown()).default([]) })

export class FranceTravailApiError extends Error {}

export async function fetchFranceTravailOffers(config: FranceTravailApiConfig): Promise<{ records: unknown[]; complete: boolean }> {
  const sleep = config.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)))
  let token = await requestToken(config)
  const records: unknown[] = []
  let complete = true

  async function get(url: URL): Promise<Response> {
    for (let attempt = 0; ; attempt++) {
      const response = await fetch(url, {
        headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
        signal: AbortSignal.timeout(30_000),
      })
      if (response.status === 401 && attempt === 0) {
        token = await requestToken(config)
        continue
      }
      if ((response.status === 429 || response.status >= 500) && attempt < MAX_RETRIES) {
        const seconds = Number(response.headers.get('retry-after'))
        await response.body?.cancel()
        await sleep(Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 60) * 1000 : 1000 * 2 ** attempt)
        continue
      }
      return response
    }
  }

  for (const department of config.departments) {
    for (let i = 0; i < config.romeCodes.length; i += ROME_CODES_PER_SEARCH) {
      const codes = config.romeCodes.slice(i, i + ROME_CODES_PER_SEARCH)
      for (let start = 0; start <= LAST_INDEX; start += PAGE_SIZE) {
        const url = new URL(`${config.apiUrl.replace(/\/$/, '')}/offres/search`)
        url.searchParams.set('departement', department)
        url.searchParams.set('codeROME', codes.join(','))
        url.searchParams.set('range', `${start}-${Math.min(start + PAGE_SIZE - 1, LAST_INDEX)}`)
        const response = await get(url)
        if (response.status === 204) break
        if (response.status !== 200 && response.status !== 206) {
          throw new FranceTravailApiError(`L’API France Travail a répondu ${response.status} à la recherche (département ${department}).`)
        }
        const page = PageSchema.safeParse(await response.json().catch(() => null))
        if (!page.success) throw new FranceTravailApiError('L’API France Travail a renvoyé une réponse illisible.')
        records.push(...page.data.resultats)
        const total = Number(/\/(\d+)\s*$/.exec(response.headers.get('content-range') ?? '')?.[1] ?? NaN)
        const end = start + page.data.resultats.length
        config.log?.(`France Travail ${department} : ${end}/${Number.isFinite(total) ? total : '?'} offres lues`)
        if (!Number.isFinite(total) || end >= total || page.data.resultats.length === 0) break
        if (start + PAGE_SIZE > LAST_INDEX) complete = false
      }
    }
  }
  return { records, complete }
}

async function requestToken(config: FranceTravailApiConfig): Promise<string> {
  const response = await fetch(config.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: config.clientId, client_secret: config.clientSecret, scope: SCOPE }),
    signal: AbortSignal.timeout(30_000),
  })
  const parsed = TokenSchema.safeParse(await response.json().catch(() => null))
  if (!response.ok || !parsed.success) {
    throw new FranceTravailApiError(`France Travail a refusé l’identification (${response.status}) : vérifiez FRANCE_TRAVAIL_CLIENT_ID et FRANCE_TRAVAIL_CLIENT_SECRET.`)
  }
  return parsed.data.access_token
}
