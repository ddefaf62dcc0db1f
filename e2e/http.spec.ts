import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { expect, test } from './fixtures.ts'
import { rawRequest } from './raw-http.ts'

test('every response carries the security headers, documents with a fresh CSP nonce', async ({ request }) => {
  const first = await request.get('/offres')
  const second = await request.get('/offres')
  const csp = first.headers()['content-security-policy'] ?? ''
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/)
  expect(csp).toContain("frame-ancestors 'none'")
  expect(second.headers()['content-security-policy']).not.toBe(csp)
  const html = await first.text()
  const nonce = /'nonce-([^']+)'/.exec(csp)![1]
  // Every script element of the page carries the nonce.
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0])
  expect(scripts.length).toBeGreaterThan(0)
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`)

  // The built files outside assets/ are served from the list made at start (server/http-app.ts).
  const favicon = await request.get('/favicon.svg')
  expect(favicon.status()).toBe(200)
  expect(favicon.headers()['content-type']).toContain('image/svg+xml')
  expect(favicon.headers()['cache-control']).toBe('public, max-age=3600')
  for (const response of [first, favicon]) {
    expect(response.headers()['x-content-type-options']).toBe('nosniff')
    expect(response.headers()['referrer-policy']).toBe('strict-origin-when-cross-origin')
    expect(response.headers()['content-security-policy']).toContain("frame-ancestors 'none'")
  }
})

test('unknown pages and offers answer 404 with a French page', async ({ page }) => {
  const missing = await page.goto('/cette-page-n-existe-pas')
  expect(missing?.status()).toBe(404)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page introuvable')
  const offer = await page.goto('/offres/offre-inexistante')
  expect(offer?.status()).toBe(404)
  await expect(page.getByText('Cette offre n’existe pas ou n’est plus en ligne.')).toBeVisible()
})

test('hostile query strings get results or a French notice, never an error', async ({ request }) => {
  const hostile = [
    'q=%22', 'q=*', 'q=NEAR(', 'q=-', 'q=%ED%A0%80', 'q=%F0%9F%92%A9%00', `q=${'x'.repeat(10_000)}`,
    'rayon=-5&commune=62193', 'rayon=1e308&commune=62193', 'commune=abc', 'contrat=cdi&contrat=%3Cscript%3E',
    'page=-1', 'page=99999999999999999999', 'tri=hack', 'salaire=NaN', 'depuis=0', 'competence=../../etc',
    'q=%E2%80%AE%E2%80%8B', 'q[]=1&q[]=2', '%%%',
  ]
  for (const query of hostile) {
    const response = await request.get(`/offres?${query}`)
    expect(response.status(), query).toBe(200)
    // The results heading ("N offres…"), not the error page.
    expect(await response.text(), query).toMatch(/<h1 id="resultats"[^>]*>\d[\d\u202f ]* offres?/)
  }
  const radius = await request.get('/offres?commune=62193&rayon=-5')
  expect(await radius.text()).toContain('Le rayon doit être compris entre 1 et 200 km')
})

test('the browser never receives the search engine’s key or client: profile and offer search stay on the server', async ({ request }) => {
  // The production build the server runs (npm start built it); every script a browser can download is there.
  const assets = path.resolve('build/client/assets')
  const scripts = readdirSync(assets).filter((file) => file.endsWith('.js'))
  expect(scripts.length).toBeGreaterThan(0)
  for (const file of scripts) {
    const code = readFileSync(path.join(assets, file), 'utf8')
    for (const secret of ['MEILISEARCH_API_KEY', 'MEILISEARCH_ADMIN_KEY', 'MEILISEARCH_URL', 'swap-indexes']) expect(code, `${file}: ${secret}`).not.toContain(secret)
  }
  // And the search page itself carries no configuration either.
  expect(await (await request.get('/offres')).text()).not.toMatch(/MEILISEARCH_|apiKey/)
})

test.describe('requests no page sends are refused before the app, in French, without a stack trace', () => {
  test('a form over 1 MB is a 413 page; not a form, 415; a form from another site, 400; /healthz says the worker is ready', async ({ request, baseURL }) => {
    const big = await request.post('/connexion', { headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, data: `email=${'a'.repeat(1_100_000)}` })
    expect(big.status()).toBe(413)
    expect(await big.text()).toContain('Le formulaire envoyé est trop volumineux')
    for (const [type, body] of [['text/plain', 'bonjour'], ['application/json', '{"email":"a@b.fr"}'], ['multipart/form-data', 'x']] as const) {
      const response = await request.post('/inscription', { headers: { 'Content-Type': type }, data: body })
      expect(response.status(), type).toBe(415)
      expect(await response.text(), type).toContain('Seuls les formulaires des pages du site sont acceptés ici.')
    }
    const broken = await request.post('/connexion', { headers: { 'Content-Type': 'multipart/form-data; boundary=abc' }, data: '--abc\r\nnimporte quoi' })
    expect(broken.status()).toBe(400)
    const foreign = await request.post('/connexion', { form: { email: 'a@b.fr', password: 'x' }, headers: { Origin: 'https://evil.example' } })
    expect(foreign.status()).toBe(400)
    expect(await foreign.text()).toContain('envoyé depuis un autre site')
    const health = await request.get(`${baseURL}/healthz`)
    expect(health.status()).toBe(200)
    expect(await health.json()).toEqual({ database: true, search: true })
  })

  test('TRACE, a "*" or absolute target, a bad Host: 400, with no trace of the code', async () => {
    const serverPort = Number(process.env.E2E_PORT ?? 3123)
    for (const head of [
      `TRACE / HTTP/1.1\r\nHost: localhost\r\n`,
      `GET * HTTP/1.1\r\nHost: localhost\r\n`,
      `GET http://evil.example/offres HTTP/1.1\r\nHost: localhost\r\n`,
      `GET / HTTP/1.1\r\nHost: a b\r\n`,
      `GET / HTTP/1.1\r\nHost: \r\n`,
      `GET /offres/%ff HTTP/1.1\r\nHost: localhost\r\n`,
    ]) {
      const { status, head: answer } = await rawRequest(serverPort, Buffer.from(`${head}Connection: close\r\n\r\n`))
      expect(status, head).toBe(400)
      expect(answer, head).not.toMatch(/\n\s+at |node_modules|\/work\//)
    }
  })
})
