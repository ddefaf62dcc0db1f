import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as feedIndeed from '#app/routes/feed-indeed.ts'
import * as offersAtom from '#app/routes/offers-atom.ts'
import * as offersRss from '#app/routes/offers-rss.ts'
import * as robots from '#app/routes/robots.ts'
import * as sitemap from '#app/routes/sitemap.ts'
import * as sitemapFileRoute from '#app/routes/sitemap-file.ts'
import { countPublicOffers } from '#db/queries/public-offers.ts'
import { createTestOffer } from '#db/seed/index.ts'
import { demoBoard, load, PUBLIC_URL } from '../public-api/test-support.ts'
import { sitemapFile, sitemapFiles, sitemapIndex } from './sitemap.server.ts'

/**
 * Every XML the board serves is parsed back with a real XML parser
 * (fast-xml-parser, after its well-formedness check): the aggregator feed,
 * RSS, Atom, the sitemap index and its files.
 */
let board: Awaited<ReturnType<typeof demoBoard>>
const NOW = new Date()
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', cdataPropName: false as never, isArray: (name) => ['job', 'item', 'entry', 'url', 'sitemap'].includes(name) })
const TRICKY_TITLE = 'Développeur·se C++ & <Rust> ]]> (H/F)'

function parse(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true)
  return parser.parse(xml)
}

beforeAll(async () => {
  board = await demoBoard(NOW)
  const company = await board.test.db.selectFrom('companies').select('id').orderBy('id').executeTakeFirstOrThrow()
  // A title with everything XML must escape, and a control character an importer could bring.
  await createTestOffer(board.test.db, { companyId: company.id, title: TRICKY_TITLE, description_md: 'Texte \u0001 avec ]]> au milieu & des <balises>.' })
}, 60_000)
afterAll(() => board.test.destroy())

describe('aggregator feed (Indeed format)', () => {
  it('lists every open offer once, with the fields Indeed requires, and no contact', async () => {
    const response = await load(feedIndeed as never, '/flux/indeed.xml', { context: board.context() })
    expect(response.headers.get('Content-Type')).toMatch(/^application\/xml/)
    const xml = await response.text()
    const { source } = parse(xml)
    expect(source.publisher).toBe('Passerelle')
    const jobs = source.job as Record<string, unknown>[]
    expect(jobs.length).toBe(await countPublicOffers(board.test.db, new Date()))
    expect(jobs.length).toBeGreaterThan(200)
    for (const job of jobs) {
      for (const field of ['title', 'date', 'referencenumber', 'url', 'company', 'city', 'country', 'description', 'jobtype']) {
        expect(job[field], `${job.referencenumber} ${field}`).toBeTruthy()
      }
      expect(String(job.url)).toMatch(new RegExp(`^${PUBLIC_URL}/offres/[a-z0-9-]+$`))
      expect(Object.keys(job)).not.toContain('email')
    }
    expect(new Set(jobs.map((j) => j.referencenumber)).size).toBe(jobs.length)
    const tricky = jobs.find((j) => j.title === TRICKY_TITLE)
    expect(tricky, 'a title with & < > ]]> reads back unchanged').toBeDefined()
    expect(String(tricky!.description)).toContain(']]&gt;')
    expect(xml).not.toContain('\u0001')
    // A HEAD reads no offer.
    const head = await feedIndeed.loader({ request: new Request(`${PUBLIC_URL}/flux/indeed.xml`, { method: 'HEAD' }), params: {}, context: board.context() } as never)
    expect(head.body).toBeNull()
    expect(head.headers.get('Content-Type')).toMatch(/^application\/xml/)
  })
})

describe('RSS and Atom feeds of a search', () => {
  it('carry the search’s newest offers, with the same filters as the page', async () => {
    const context = board.context()
    const rss = parse(await (await load(offersRss as never, '/offres.rss?contrat=stage&teletravail=hybrid', { context })).text()).rss
    expect(rss['@version']).toBe('2.0')
    const items = rss.channel.item as { title: string; link: string; pubDate: string }[]
    const page = await (await import('#app/routes/offers.tsx')).loader({ request: new Request(`${PUBLIC_URL}/offres?contrat=stage&teletravail=hybrid`), params: {}, context } as never)
    const total = (page as { result: { total: number } }).result.total
    expect(total).toBeGreaterThan(0)
    expect(items.length).toBe(Math.min(total, 50))
    const slugs = items.map((i) => i.link.split('/').pop()!)
    const rows = await board.test.db.selectFrom('offers').select(['contract_type', 'remote_policy']).where('slug', 'in', slugs).execute()
    expect(rows.every((r) => r.contract_type === 'stage' && r.remote_policy === 'hybrid')).toBe(true)
    const dates = items.map((i) => Date.parse(i.pubDate))
    expect([...dates].sort((a, b) => b - a)).toEqual(dates)

    const atom = parse(await (await load(offersAtom as never, '/offres.atom?contrat=stage&teletravail=hybrid', { context })).text()).feed
    expect(atom['@xmlns']).toBe('http://www.w3.org/2005/Atom')
    expect((atom.entry as unknown[]).length).toBe(items.length)
    expect(JSON.stringify(atom.link)).toContain(`${PUBLIC_URL}/offres.atom?contrat=stage&amp;teletravail=hybrid`.replace('&amp;', '&'))
  })

  it('reads a bad query string as the page does, and escapes what it quotes', async () => {
    const rss = parse(await (await load(offersRss as never, `/offres.rss?q=${encodeURIComponent('<script>&')}&contrat=n-importe`, { context: board.context() })).text()).rss
    expect(rss.channel.title).toBe('Offres « <script>& » – Passerelle')
  })
})

describe('sitemap', () => {
  it('is an index of files of at most 10,000 URLs, listing every open offer, company and forum once', async () => {
    const index = parse(await (await load(sitemap as never, '/sitemap.xml', { context: board.context() })).text()).sitemapindex
    const locs = (index.sitemap as { loc: string }[]).map((s) => s.loc)
    expect(locs).toEqual([`${PUBLIC_URL}/sitemaps/pages-1.xml`, `${PUBLIC_URL}/sitemaps/offres-1.xml`, `${PUBLIC_URL}/sitemaps/entreprises-1.xml`, `${PUBLIC_URL}/sitemaps/forums-1.xml`])
    const offers = parse(await (await load(sitemapFileRoute as never, '/sitemaps/offres-1.xml', { params: { file: 'offres-1.xml' }, context: board.context() })).text()).urlset
    expect(offers.url.length).toBe(await countPublicOffers(board.test.db, new Date()))
    expect(offers.url.every((u: { lastmod: string }) => /^\d{4}-\d{2}-\d{2}$/.test(u.lastmod))).toBe(true)
    for (const file of ['offres-2.xml', 'inconnu-1.xml', 'offres-0.xml', '../x']) {
      const response = await load(sitemapFileRoute as never, `/sitemaps/${file}`, { params: { file }, context: board.context() })
      expect(response.status, file).toBe(404)
    }
  })

  it('pages past its file size: every offer in exactly one file', async () => {
    const perFile = 47
    const total = await countPublicOffers(board.test.db, NOW)
    const files = await sitemapFiles(board.test.db, NOW, perFile)
    const offerFiles = files.filter((f) => f.startsWith('offres-'))
    expect(offerFiles.length).toBe(Math.ceil(total / perFile))
    const index = parse(await sitemapIndex(board.test.db, PUBLIC_URL, NOW, perFile)).sitemapindex
    expect(index.sitemap.length).toBe(files.length)
    const seen: string[] = []
    for (let page = 1; page <= offerFiles.length; page += 1) {
      const urls = parse((await sitemapFile(board.test.db, PUBLIC_URL, NOW, 'offres', page, perFile))!).urlset.url as { loc: string }[]
      expect(urls.length).toBeLessThanOrEqual(perFile)
      seen.push(...urls.map((u) => u.loc))
    }
    expect(seen.length).toBe(total)
    expect(new Set(seen).size).toBe(total)
    expect(await sitemapFile(board.test.db, PUBLIC_URL, NOW, 'offres', offerFiles.length + 1, perFile)).toBeNull()
    const companies = await board.test.db.selectFrom('companies').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    expect(files.filter((f) => f.startsWith('entreprises-')).length).toBe(Math.ceil(Number(companies.n) / perFile))
  })

  it('is named in robots.txt at the public address', async () => {
    const text = await (await load(robots as never, '/robots.txt', { context: board.context() })).text()
    expect(text).toContain(`Sitemap: ${PUBLIC_URL}/sitemap.xml`)
    expect(text).toMatch(/^Disallow: \/candidat\/$/m)
  })
})
