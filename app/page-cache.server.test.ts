import { randomBytes } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import express from 'express'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createTestDatabase } from '#db/test-database.ts'
import { anonymousPageCache } from './page-cache.server.ts'

// A real SQLite file and a real HTTP server; the page itself is a stand-in for the React Router handler.
let test: Awaited<ReturnType<typeof createTestDatabase>>
let base = ''
let close = () => {}
let renders = 0

beforeAll(async () => {
  test = await createTestDatabase()
  const app = express()
  app.use((_req, res, next) => {
    res.locals.nonce = randomBytes(16).toString('base64')
    res.set('Content-Security-Policy', `script-src 'nonce-${res.locals.nonce}'`)
    next()
  })
  app.use(anonymousPageCache(test.sqlite, { ttlMs: 60_000 }))
  app.get('/page', (_req, res) => {
    renders++
    const offers = test.sqlite.prepare('select count(*) from offers').pluck().get()
    res.type('html').send(`<p>${offers} offres</p><script nonce="${res.locals.nonce}">1</script>`)
  })
  app.get('/other', (_req, res) => {
    renders++
    res.type('html').send('<p>autre page</p>')
  })
  app.get('/missing', (_req, res) => res.status(404).type('html').send('introuvable'))
  // A long streamed answer that is not a page: it must pass through without being copied.
  app.get('/feed.xml', (_req, res) => {
    res.type('application/xml')
    const write = res.write.bind(res)
    for (let i = 0; i < 1000; i += 1) write(`<job>${'x'.repeat(1000)}</job>`)
    res.end()
  })
  const server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  close = () => server.close()
})
afterAll(async () => {
  close()
  await test.destroy()
})

const nonceOf = (csp: string | null) => /nonce-([^']+)/.exec(csp ?? '')![1]!

it('renders an anonymous page once, and answers again from the cache with each request its own nonce', async () => {
  const before = renders
  const first = await fetch(`${base}/page`)
  const second = await fetch(`${base}/page`)
  expect(renders - before).toBe(1)
  expect(second.headers.get('x-page-cache')).toBe('hit')
  const [firstNonce, secondNonce] = [nonceOf(first.headers.get('content-security-policy')), nonceOf(second.headers.get('content-security-policy'))]
  expect(secondNonce).not.toBe(firstNonce)
  expect(await second.text()).toContain(`nonce="${secondNonce}"`)
})

it('shows a change at the next visit: any write to the database drops the cached pages', async () => {
  expect(await (await fetch(`${base}/page`)).text()).toContain('<p>0 offres</p>')
  const company = test.sqlite.prepare(`insert into companies (slug, name, naf_code, size_band, description, commune_insee, created_at)
    values ('c', 'C', '62.01Z', '1-9', 'd', (select insee from communes limit 1), '2026-01-01') returning id`).pluck().get() as number
  test.sqlite.prepare(`insert into offers (slug, company_id, title, description_md, commune_insee, remote_policy, contract_type, experience_level, status, created_at, updated_at)
    values ('o', ?, 'T', 'D', (select insee from communes limit 1), 'on_site', 'cdi', 'junior', 'draft', '2026-01-01', '2026-01-01')`).run(company)
  expect(await (await fetch(`${base}/page`)).text()).toContain('<p>1 offres</p>')
})

it('never answers a visitor with a session cookie from the cache, nor keeps the page rendered for one, nor an error page', async () => {
  const before = renders
  // However the browser (or a hand-made request) spells it: cookie parsers trim names.
  for (const cookie of ['passerelle_session=x', 'a=1; passerelle_session=x', 'a=1;passerelle_session =x', 'PASSERELLE_SESSION=x']) {
    const response = await fetch(`${base}/page?signed-in`, { headers: { cookie } })
    expect(response.headers.get('x-page-cache')).toBeNull()
  }
  expect(renders - before).toBe(4)
  // What was rendered for them was not kept: the next anonymous visit renders again (once).
  await fetch(`${base}/page?signed-in`)
  expect((await fetch(`${base}/page?signed-in`)).headers.get('x-page-cache')).toBe('hit')
  expect(renders - before).toBe(5)
  await fetch(`${base}/missing`)
  expect((await fetch(`${base}/missing`)).headers.get('x-page-cache')).toBeNull()
})

it('serves a signed-out visitor who carries only other cookies (the remembered device, a proxy\'s) from the cache', async () => {
  await fetch(`${base}/other`)
  const before = renders
  for (const cookie of ['passerelle_appareil=abc', 'passerelle_appareil=abc; _ga=GA1.2.3', 'theme=dark']) {
    const response = await fetch(`${base}/other`, { headers: { cookie } })
    expect(response.headers.get('x-page-cache')).toBe('hit')
    expect(await response.text()).toContain('autre page')
  }
  expect(renders).toBe(before)
})

it('renders afresh for a request that asks for it (Cache-Control: no-cache, a reload), and keeps that page', async () => {
  await fetch(`${base}/page`)
  const before = renders
  expect((await fetch(`${base}/page`, { headers: { 'cache-control': 'no-cache' } })).headers.get('x-page-cache')).toBeNull()
  expect((await fetch(`${base}/page`, { headers: { pragma: 'no-cache' } })).headers.get('x-page-cache')).toBeNull()
  expect(renders - before).toBe(2)
  expect((await fetch(`${base}/page`)).headers.get('x-page-cache')).toBe('hit')
  expect(renders - before).toBe(2)
})

it('lets a streamed answer that is not a page through whole, and never keeps it', async () => {
  for (let i = 0; i < 2; i += 1) {
    const response = await fetch(`${base}/feed.xml`)
    expect(response.headers.get('X-Page-Cache')).toBeNull()
    expect((await response.text()).length).toBe(1000 * 1011)
  }
})
