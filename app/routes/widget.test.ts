import type { Server } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseEnv } from '#app/env.server.ts'
import { createHttpApp } from '../../server/http-app.ts'
import { widgetSnippets } from '../components/widget-code.tsx'
import { demoBoard, PUBLIC_URL } from '../public-api/test-support.ts'
import { loader } from './widget.tsx'

/** The offers widget: its own frame-ancestors, the others' none; its offers are the filter's. */
let board: Awaited<ReturnType<typeof demoBoard>>
let server: Server
const PORT = 4411
const MEMBERS = 'https://www.cap-numeric.example https://*.ecole.example'

beforeAll(async () => {
  board = await demoBoard()
  const app = createHttpApp({
    trustProxy: false, development: false, sqlite: board.test.sqlite, ready: () => true, widgetFrameAncestors: MEMBERS,
    build: () => Promise.reject(new Error('no build in this test')), loadContext: () => board.context() as never,
  })
  server = await new Promise<Server>((resolve) => { const s = app.listen(PORT, '127.0.0.1', () => resolve(s)) })
}, 60_000)
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
  await board.test.destroy()
})

describe('offers widget', () => {
  it('may be framed by the configured sites only; every other page by none', async () => {
    // PUT is refused by the request guard, after the headers every answer carries are set.
    const widget = await fetch(`http://127.0.0.1:${PORT}/integrer/offres`, { method: 'PUT' })
    expect(widget.headers.get('Content-Security-Policy')).toContain(`frame-ancestors ${MEMBERS}`)
    expect(widget.headers.get('X-Frame-Options')).toBeNull()
    const page = await fetch(`http://127.0.0.1:${PORT}/offres`, { method: 'PUT' })
    expect(page.headers.get('Content-Security-Policy')).toContain("frame-ancestors 'none'")
    expect(page.headers.get('X-Frame-Options')).toBe('DENY')
  })

  it('answers the API’s CORS preflight, and nothing else’s', async () => {
    const preflight = await fetch(`http://127.0.0.1:${PORT}/api/v1/offres?contrat=cdi`, {
      method: 'OPTIONS', headers: { Origin: 'https://ailleurs.example', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'if-none-match' },
    })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('Access-Control-Allow-Origin')).toBe('*')
    expect(preflight.headers.get('Access-Control-Allow-Methods')).toContain('GET')
    expect(preflight.headers.get('Access-Control-Allow-Headers')).toMatch(/If-None-Match/i)
    expect((await fetch(`http://127.0.0.1:${PORT}/offres`, { method: 'OPTIONS' })).status).toBe(405)
  })

  it('takes its list of sites from WIDGET_FRAME_ANCESTORS, checked at boot', () => {
    expect(parseEnv({ WIDGET_FRAME_ANCESTORS: MEMBERS }).WIDGET_FRAME_ANCESTORS).toBe(MEMBERS)
    expect(parseEnv({ WIDGET_FRAME_ANCESTORS: "'self' http://localhost:8080" }).WIDGET_FRAME_ANCESTORS).toBe("'self' http://localhost:8080")
    for (const bad of ['*', "'none'; script-src *", 'javascript:alert(1)', 'https://exemple.fr/chemin', "'unsafe-inline'"]) {
      expect(() => parseEnv({ WIDGET_FRAME_ANCESTORS: bad }), bad).toThrow(/WIDGET_FRAME_ANCESTORS/)
    }
  })

  it('lists the company’s (or the filter’s) newest offers, linking to the board', async () => {
    const company = await board.test.db.selectFrom('companies as c').innerJoin('offers as o', 'o.company_id', 'c.id')
      .select(['c.slug', 'c.name']).where('o.status', '=', 'published').groupBy('c.id').having((eb) => eb.fn.countAll(), '>', 2).orderBy('c.id').executeTakeFirstOrThrow()
    const data = await loader({ request: new Request(`${PUBLIC_URL}/integrer/offres?entreprise=${company.slug}&nombre=2`), params: {}, context: board.context() } as never)
    expect(data.company).toBe(company.name)
    expect(data.hits).toHaveLength(2)
    expect(data.hits.every((h) => h.company.slug === company.slug)).toBe(true)
    expect(data.total).toBeGreaterThan(2)
    expect(data.allHref).toBe(`${PUBLIC_URL}/offres?entreprise=${company.slug}`)
    const cdi = await loader({ request: new Request(`${PUBLIC_URL}/integrer/offres?contrat=cdi&nombre=999`), params: {}, context: board.context() } as never)
    expect(cdi.hits).toHaveLength(10)
    expect(cdi.hits.every((h) => h.contractType === 'cdi')).toBe(true)
  })

  it('gives the recruiter code to copy, with names escaped', () => {
    const { iframe, links } = widgetSnippets({ origin: PUBLIC_URL, company: { slug: 'a-b', name: 'A & "B" <C>' }, offers: [{ slug: 'dev', title: 'Dev <script>' }] })
    expect(iframe).toBe(`<iframe src="${PUBLIC_URL}/integrer/offres?entreprise=a-b" title="Offres de A &amp; &quot;B&quot; &lt;C&gt; sur Passerelle" width="100%" height="420" loading="lazy" style="border:0"></iframe>`)
    expect(links).toContain(`<li><a href="${PUBLIC_URL}/offres/dev">Dev &lt;script&gt;</a></li>`)
    expect(links).not.toContain('<script')
  })
})
