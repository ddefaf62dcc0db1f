import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createTestDatabase } from '#db/test-database.ts'
import { parseEnv } from '#app/env.server.ts'
import { franceTravailFixture } from '../fixtures/france-travail-generator.ts'
import { fetchFranceTravailOffers, PAGE_SIZE } from './api.ts'
import { franceTravailFromApi } from './scheduled.ts'
import { runScheduledImports } from '../scheduled.ts'

// A stubbed France Travail API: a local HTTP server speaking the documented protocol
// (OAuth2 client credentials, /offres/search with range=, Content-Range, 206/200/204, 429 + Retry-After).
const NOW = new Date()
const OFFERS = franceTravailFixture(340, 1, NOW)
const requests: string[] = []
let server: Server
let base: string
let throttled = false
let tokens = 0

beforeAll(async () => {
  server = createServer((request, response) => {
    const url = new URL(request.url!, 'http://stub')
    requests.push(`${request.method} ${url.pathname}${url.search}`)
    if (url.pathname === '/token') {
      let body = ''
      request.on('data', (c) => (body += c))
      request.on('end', () => {
        const form = new URLSearchParams(body)
        if (form.get('grant_type') !== 'client_credentials' || form.get('client_secret') !== 'secret-de-test' || !form.get('scope')?.includes('api_offresdemploiv2')) {
          response.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"invalid_client"}')
          return
        }
        tokens++
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ access_token: `jeton-${tokens}`, token_type: 'Bearer', expires_in: 1499 }))
      })
      return
    }
    if (url.pathname !== '/v2/offres/search' || !request.headers.authorization?.startsWith('Bearer jeton-')) {
      response.writeHead(401).end()
      return
    }
    // The first page of the first department is throttled once.
    if (!throttled) {
      throttled = true
      response.writeHead(429, { 'retry-after': '2' }).end()
      return
    }
    if (url.searchParams.get('departement') === '59') {
      response.writeHead(204).end()
      return
    }
    const [start, end] = url.searchParams.get('range')!.split('-').map(Number) as [number, number]
    const page = OFFERS.slice(start, end + 1)
    const last = start + page.length - 1
    response
      .writeHead(last + 1 >= OFFERS.length ? 200 : 206, { 'content-type': 'application/json', 'content-range': `offres ${start}-${last}/${OFFERS.length}` })
      .end(JSON.stringify({ resultats: page, filtresPossibles: [] }))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

it('stubbed France Travail API: token, paging by Range/Content-Range, 204, 429 with Retry-After, then the import', async () => {
  const waits: number[] = []
  const { records, complete } = await fetchFranceTravailOffers({
    clientId: 'client-de-test', clientSecret: 'secret-de-test', apiUrl: `${base}/v2`, tokenUrl: `${base}/token`,
    departments: ['62', '59'], romeCodes: ['M1805', 'M1810'], sleep: async (ms) => void waits.push(ms),
  })
  expect(records).toHaveLength(OFFERS.length)
  expect(complete).toBe(true)
  expect(waits).toEqual([2000])
  const searches = requests.filter((r) => r.startsWith('GET'))
  expect(searches[0]).toBe(`GET /v2/offres/search?departement=62&codeROME=M1805%2CM1810&range=0-${PAGE_SIZE - 1}`)
  expect(searches.filter((r) => r.includes('departement=62')).map((r) => /range=([\d-]+)/.exec(r)![1])).toEqual(['0-149', '0-149', '150-299', '300-449'])
  expect(searches.filter((r) => r.includes('departement=59'))).toHaveLength(1)

  const test = await createTestDatabase()
  try {
    const env = parseEnv({
      FRANCE_TRAVAIL_CLIENT_ID: 'client-de-test', FRANCE_TRAVAIL_CLIENT_SECRET: 'secret-de-test', FRANCE_TRAVAIL_DEPARTMENTS: '62',
      FRANCE_TRAVAIL_API_URL: `${base}/v2`, FRANCE_TRAVAIL_TOKEN_URL: `${base}/token`,
    })
    const report = await franceTravailFromApi(test.db, env, NOW)
    expect(report.created + report.rejected.length).toBe(OFFERS.length)
    expect(report.created).toBeGreaterThan(300)
    // The daily maintenance's run: the same offers again, nothing to write.
    expect(await runScheduledImports(test.db, env, NOW)).toEqual([
      `Import france-travail : 0 créée(s), 0 mise(s) à jour, ${report.created} inchangée(s), 0 fermée(s), ${report.rejected.length} rejetée(s).`,
    ])
    expect(await runScheduledImports(test.db, parseEnv({}), NOW)).toEqual([])
  } finally {
    await test.destroy()
  }
})

it('refuses half a France Travail configuration, in French', () => {
  expect(() => parseEnv({ FRANCE_TRAVAIL_CLIENT_ID: 'client-de-test' })).toThrow('FRANCE_TRAVAIL_CLIENT_ID, FRANCE_TRAVAIL_CLIENT_SECRET: les deux ensemble, ou aucun')
  expect(() => parseEnv({ FRANCE_TRAVAIL_DEPARTMENTS: '62;59' })).toThrow('des codes de département séparés par des virgules')
})
