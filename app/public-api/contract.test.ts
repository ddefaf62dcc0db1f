import { Ajv2020 } from 'ajv/dist/2020.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import routes from '#app/routes.ts'
import * as apiCompany from '#app/routes/api-company.ts'
import * as apiOffer from '#app/routes/api-offer.ts'
import * as apiOffers from '#app/routes/api-offers.ts'
import * as apiOpenApi from '#app/routes/api-openapi.ts'
import { API_REQUESTS_PER_MINUTE } from './limits.ts'
import { openApiDocument } from './openapi.ts'
import { demoBoard, load } from './test-support.ts'

/**
 * The contract: every answer of the public API — successes, 304, errors,
 * 429 — is checked against the OpenAPI document the API serves, with a JSON
 * Schema 2020-12 validator. Objects allow no field the document does not
 * name, so a column added to a query cannot leak into the API unseen.
 */
let board: Awaited<ReturnType<typeof demoBoard>>
const doc = (await load(apiOpenApi as never, '/api/v1/openapi.json', { context: {} })).json() as Promise<any>
let openapi: any
const ajv = new Ajv2020({ strict: false, allErrors: true })
const BASE = 'https://passerelle.example/openapi.json'

beforeAll(async () => {
  board = await demoBoard()
  openapi = await doc
  ajv.addSchema({ $id: BASE, components: openapi.components })
}, 60_000)
afterAll(() => board.test.destroy())

let checked = 0
/** Checks one answer against the document: its status is documented for the path, its body matches. */
async function conforms(template: string, response: Response) {
  const operation = openapi.paths[template]?.get
  expect(operation, `${template} is documented`).toBeDefined()
  const documented = operation.responses[String(response.status)]
  expect(documented, `${template} documents ${response.status}`).toBeDefined()
  expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*')
  if (response.status === 304) {
    expect(await response.text()).toBe('')
    return null
  }
  expect(response.headers.get('Content-Type')).toMatch(/^application\/json/)
  const body = await response.json()
  const schema = documented.content['application/json'].schema
  const validate = ajv.compile(schema.$ref ? { $ref: `${BASE}${schema.$ref}` } : schema)
  expect(validate(body) ? [] : validate.errors, `${template} ${response.status}`).toEqual([])
  for (const header of Object.keys(documented.headers ?? {})) expect(response.headers.has(header), `${template} ${response.status} ${header}`).toBe(true)
  checked += 1
  return body
}

const FORBIDDEN_KEYS = /email|phone|telephone|password|contact|candidate|recruiter|user|member|note|cv/i
function personalKeys(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => personalKeys(v, `${path}[${i}]`))
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => [...(FORBIDDEN_KEYS.test(k) ? [`${path}.${k}`] : []), ...personalKeys(v, `${path}.${k}`)])
  }
  return []
}

describe('public API contract', () => {
  it('documents every /api/v1 route of app/routes.ts', () => {
    const apiPaths = routes.flatMap((r) => (r.path?.startsWith('api/v1') ? [`/${r.path.replace(/:(\w+)/g, '{$1}')}`] : []))
    expect(apiPaths.length).toBe(4)
    expect(Object.keys(openapi.paths).sort()).toEqual(apiPaths.sort())
    expect(openapi.openapi).toBe('3.1.0')
  })

  it('answers searches with the search page’s filters, pages and facets', async () => {
    const context = board.context('192.0.2.10')
    const urls = ['/api/v1/offres', '/api/v1/offres?contrat=cdi&contrat=stage&teletravail=hybrid', '/api/v1/offres?q=developpeur',
      '/api/v1/offres?commune=62193&rayon=50&tri=distance', '/api/v1/offres?page=2&par_page=7', '/api/v1/offres?niveau=junior&salaire=30000&depuis=30',
      '/api/v1/offres?q=zzzzzzzzzz', '/api/v1/offres?page=400']
    for (const url of urls) {
      const body = await conforms('/api/v1/offres', await load(apiOffers as never, url, { context }))
      expect(personalKeys(body)).toEqual([])
    }
    const all = await (await load(apiOffers as never, '/api/v1/offres', { context })).json()
    expect(all.total).toBeGreaterThan(200)
    expect(all.offers).toHaveLength(20)
    expect(all.facets.contract.length).toBeGreaterThan(1)
    const paged = await (await load(apiOffers as never, '/api/v1/offres?page=2&par_page=7', { context })).json()
    expect(paged.offers).toHaveLength(7)
    expect(paged.links.next).toBe('https://passerelle.example/api/v1/offres?page=3&par_page=7')
    const cdi = await (await load(apiOffers as never, '/api/v1/offres?contrat=cdi&par_page=100', { context })).json()
    expect(cdi.offers.every((o: { contract: string }) => o.contract === 'cdi')).toBe(true)
    // The same numbers as the search page (the same engine, the same parser).
    const page = await (await import('#app/routes/offers.tsx')).loader({ request: new Request('https://passerelle.example/offres?contrat=cdi'), params: {}, context } as never)
    expect(cdi.total).toBe((page as { result: { total: number } }).result.total)
  })

  it('refuses bad query strings with 400 and French reasons', async () => {
    const context = board.context('192.0.2.11')
    const cases: [string, RegExp][] = [
      ['/api/v1/offres?ville=Calais', /Paramètre inconnu : « ville »/],
      ['/api/v1/offres?contrat=fulltime', /Filtre « contrat » : valeur inconnue/],
      ['/api/v1/offres?page=deux', /Numéro de page invalide/],
      ['/api/v1/offres?par_page=1000', /de 1 à 100/],
      ['/api/v1/offres?rayon=30', /demande une commune/],
      ['/api/v1/offres?commune=Calais', /Commune inconnue/],
      [`/api/v1/offres?q=${'a'.repeat(300)}`, /raccourcie à 200 caractères/],
      ['/api/v1/offres?page=1&page=2', /qu’une fois/],
      ['/api/v1/offres?tri=prix', /Tri inconnu/],
    ]
    for (const [url, reason] of cases) {
      const response = await load(apiOffers as never, url, { context })
      expect(response.status, url).toBe(400)
      const body = await conforms('/api/v1/offres', response)
      expect(body.details.join(' '), url).toMatch(reason)
    }
  })

  it('shows published offers one by one, and nothing of the others', async () => {
    const context = board.context('192.0.2.12')
    const list = await (await load(apiOffers as never, '/api/v1/offres?par_page=30', { context })).json()
    for (const summary of list.offers) {
      const body = await conforms('/api/v1/offres/{id}', await load(apiOffer as never, `/api/v1/offres/${summary.id}`, { params: { id: String(summary.id) }, context }))
      expect(body.id).toBe(summary.id)
      expect(body.title).toBe(summary.title)
      expect(personalKeys(body)).toEqual([])
    }
    const hidden = await board.test.db.selectFrom('offers').select('id').where('status', '!=', 'published').limit(5).execute()
    expect(hidden.length).toBeGreaterThan(0)
    for (const { id } of [...hidden, { id: 999_999 }]) {
      const response = await load(apiOffer as never, `/api/v1/offres/${id}`, { params: { id: String(id) }, context })
      expect(response.status).toBe(404)
      await conforms('/api/v1/offres/{id}', response)
    }
    for (const id of ['abc', '0', '-1', '1e3', '99999999999999999999']) {
      const response = await load(apiOffer as never, `/api/v1/offres/${id}`, { params: { id }, context })
      expect(response.status, id).toBe(400)
      expect((await conforms('/api/v1/offres/{id}', response)).message).toMatch(/Identifiant d’offre invalide/)
    }
  })

  it('shows companies with their open offers', async () => {
    const context = board.context('192.0.2.13')
    const companies = await board.test.db.selectFrom('companies').select('slug').orderBy('id').limit(10).execute()
    for (const { slug } of companies) {
      const body = await conforms('/api/v1/entreprises/{slug}', await load(apiCompany as never, `/api/v1/entreprises/${slug}`, { params: { slug }, context }))
      expect(body.slug).toBe(slug)
      expect(body.offers.length).toBe(Math.min(100, body.openOfferCount))
      expect(personalKeys(body)).toEqual([])
    }
    for (const slug of ['inconnue', 'A%20B', '../admin']) {
      const response = await load(apiCompany as never, `/api/v1/entreprises/${slug}`, { params: { slug }, context })
      expect(response.status).toBe(404)
      await conforms('/api/v1/entreprises/{slug}', response)
    }
  })

  it('answers 304 to a client that has the same version (ETag)', async () => {
    const context = board.context('192.0.2.14')
    const first = await load(apiOffers as never, '/api/v1/offres?contrat=cdi', { context })
    const etag = first.headers.get('ETag')!
    expect(etag).toMatch(/^W\/".+"$/)
    await conforms('/api/v1/offres', first)
    const again = await load(apiOffers as never, '/api/v1/offres?contrat=cdi', { context, headers: { 'If-None-Match': `"other", ${etag}` } })
    expect(again.status).toBe(304)
    await conforms('/api/v1/offres', again)
    const other = await load(apiOffers as never, '/api/v1/offres?contrat=cdd', { context, headers: { 'If-None-Match': etag } })
    expect(other.status).toBe(200)
  })

  it(`limits each address to ${API_REQUESTS_PER_MINUTE} requests a minute, with Retry-After`, async () => {
    const context = board.context('192.0.2.15')
    const statuses: number[] = []
    for (let i = 0; i <= API_REQUESTS_PER_MINUTE; i += 1) {
      statuses.push((await load(apiCompany as never, '/api/v1/entreprises/inconnue', { params: { slug: 'inconnue' }, context })).status)
    }
    expect(statuses.slice(0, API_REQUESTS_PER_MINUTE).every((s) => s === 404)).toBe(true)
    const refused = await load(apiOffers as never, '/api/v1/offres', { context })
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThan(0)
    expect((await conforms('/api/v1/offres', refused)).message).toMatch(/Trop de requêtes/)
    // Another address is not affected.
    expect((await load(apiOffers as never, '/api/v1/offres', { context: board.context('192.0.2.16') })).status).toBe(200)
    // API_RATE_LIMIT reaches the routes through the load context.
    const strict = { ...board.context('192.0.2.17'), apiRateLimit: 2 }
    const three = []
    for (let i = 0; i < 3; i += 1) three.push((await load(apiOffers as never, '/api/v1/offres', { context: strict })).status)
    expect(three).toEqual([200, 200, 429])
    expect(checked).toBeGreaterThan(60)
  })
})
