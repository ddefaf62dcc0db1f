import { readFileSync } from 'node:fs'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import * as apiOffer from '#app/routes/api-offer.ts'
import * as apiOffers from '#app/routes/api-offers.ts'
import * as apiOpenApi from '#app/routes/api-openapi.ts'
import * as feedIndeed from '#app/routes/feed-indeed.ts'
import * as offersRss from '#app/routes/offers-rss.ts'
import * as sitemapFileRoute from '#app/routes/sitemap-file.ts'
import { FIXTURE_NOW } from '#db/import/fixtures/france-travail-generator.ts'
import { importFranceTravail } from '#db/import/france-travail/index.ts'
import { parseFranceTravailFile } from '#db/import/france-travail/read.ts'
import { createFileStore } from '#db/files.ts'
import { createTestCompany, createTestOffer } from '#db/seed/index.ts'
import { createTestDatabase } from '#db/test-database.ts'
import { EmbeddedSearchEngine } from '#search/embedded/engine.ts'
import { offerQuery } from '#search/query-params.ts'
import { load, PUBLIC_URL } from './test-support.ts'

/**
 * Issue 14's acceptance line "the imported offers are searchable, filterable
 * and appear in the API and the feeds": the committed France Travail fixture
 * imported into a real SQLite file, then read back through the search engine,
 * the public API (checked against its OpenAPI document), RSS, the sitemap and
 * the aggregator feed, which carries only offers written here (decision 013).
 * The clock is set an hour after the fixture's date (Date only is faked), so
 * the fixture's offers stay open whenever the test runs.
 */
const FILE = new URL('../../db/import/fixtures/france-travail-offres.json', import.meta.url)
const NOW = new Date(FIXTURE_NOW.getTime() + 3_600_000)
let test: Awaited<ReturnType<typeof createTestDatabase>>
let search: EmbeddedSearchEngine
let context: () => unknown
let target: { id: number; slug: string; title: string; contract_type: string; source_id: string | null; source_url: string | null; employer_name: string | null }
let manualId: number
const ajv = new Ajv2020({ strict: false, allErrors: true })
const BASE = 'https://passerelle.example/openapi.json'
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['job', 'item', 'url'].includes(name) })

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'], now: NOW })
  test = await createTestDatabase()
  const company = await createTestCompany(test.db, { name: 'Atelier Manuel', slug: 'atelier-manuel' })
  manualId = (await createTestOffer(test.db, { companyId: company.id, title: 'Développeur·se Elixir', remote_policy: 'on_site' })).id
  const report = await importFranceTravail(test.db, parseFranceTravailFile(readFileSync(FILE, 'utf8')), { now: FIXTURE_NOW, complete: true })
  expect(report.created).toBeGreaterThan(300)
  search = new EmbeddedSearchEngine(test.sqlite)
  await search.warmUp()
  context = () => ({
    db: test.db, search, nonce: 'n', clientIp: '192.0.2.1', publicUrl: PUBLIC_URL,
    files: createFileStore(`${test.file}-uploads`), mailer: { send: async () => {} },
  })
  // A named employer's CDD, so that a text, a contract and a company filter all have something to say.
  target = await test.db.selectFrom('offers')
    .select(['id', 'slug', 'title', 'contract_type', 'source_id', 'source_url', 'employer_name'])
    .where('source', '=', 'france-travail').where('status', '=', 'published').where('contract_type', '=', 'cdd')
    .where('employer_name', 'is not', null).orderBy('id').executeTakeFirstOrThrow()
  const openapi = await (await load(apiOpenApi as never, '/api/v1/openapi.json', { context: {} })).json() as { components: unknown }
  ajv.addSchema({ $id: BASE, components: openapi.components })
}, 60_000)
afterAll(async () => {
  vi.useRealTimers()
  await test.destroy()
})

const titleWords = () => target.title.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 3).slice(0, 3).join(' ')

describe('imported France Travail offers', () => {
  it('are found by the search engine, and its filters keep or drop them', async () => {
    const found = await search.searchOffers(offerQuery({ text: titleWords(), contracts: ['cdd'], perPage: 100 }))
    expect(found.hits.map((h) => h.id)).toContain(target.id)
    const hit = found.hits.find((h) => h.id === target.id)!
    expect(hit).toMatchObject({ source: 'france-travail', sourceUrl: target.source_url, company: { name: target.employer_name } })
    expect(found.facets.contract.find((f) => f.value === 'cdd')?.count).toBeGreaterThan(0)
    const otherContract = await search.searchOffers(offerQuery({ text: titleWords(), contracts: ['cdi'], perPage: 100 }))
    expect(otherContract.hits.map((h) => h.id)).not.toContain(target.id)
    const all = await search.searchOffers(offerQuery({ companies: ['offres-france-travail'], perPage: 100 }))
    expect(all.total).toBe((await test.db.selectFrom('offers').select((eb) => eb.fn.countAll<number>().as('n')).where('source', '=', 'france-travail').where('status', '=', 'published').executeTakeFirstOrThrow()).n)
  })

  it('whose source says nothing of remote work are no « Sur site » offer: not kept by that filter, not counted by the facet', async () => {
    const stated = await test.db.selectFrom('offers').select(['remote_policy', (eb) => eb.fn.countAll<number>().as('n')])
      .where('status', '=', 'published').where('remote_stated', '=', 1).groupBy('remote_policy').execute()
    const onSite = Number(stated.find((r) => r.remote_policy === 'on_site')?.n ?? 0)
    expect(onSite).toBeGreaterThan(0)
    const all = await search.searchOffers(offerQuery({ perPage: 100 }))
    expect(all.total).toBeGreaterThan(300)
    expect(all.facets.remote.find((f) => f.value === 'on_site')?.count).toBe(onSite)
    expect(all.facets.remote.reduce((sum, f) => sum + f.count, 0)).toBe(stated.reduce((sum, r) => sum + Number(r.n), 0))
    const filtered = await search.searchOffers(offerQuery({ remote: ['on_site'], perPage: 100 }))
    expect(filtered.total).toBe(onSite)
    expect(filtered.hits.every((h) => h.source === 'manual' && h.remoteStated)).toBe(true)
    // « présentiel » names on-site offers (search/offer-terms.ts): not those whose source does not say.
    const word = await search.searchOffers(offerQuery({ text: 'présentiel', perPage: 100 }))
    expect(word.hits.some((h) => h.source === 'france-travail')).toBe(false)
    expect(all.hits.find((h) => h.source === 'france-travail')).toMatchObject({ remotePolicy: 'on_site', remoteStated: false })
  })

  it('appear in /api/v1/offres and /api/v1/offres/:id with their source and employer, as the OpenAPI document says', async () => {
    const list = await load(apiOffers as never, `/api/v1/offres?q=${encodeURIComponent(titleWords())}&contrat=cdd&par_page=100`, { context: context() })
    expect(list.status).toBe(200)
    const body = await list.json()
    const validList = ajv.compile({ $ref: `${BASE}#/components/schemas/OfferList` })
    expect(validList(body) ? [] : validList.errors).toEqual([])
    const summary = body.offers.find((o: { id: number }) => o.id === target.id)
    expect(summary).toMatchObject({ source: 'france-travail', sourceUrl: target.source_url, url: `${PUBLIC_URL}/offres/${target.slug}`, contract: 'cdd', remoteStated: false })

    const one = await load(apiOffer as never, `/api/v1/offres/${target.id}`, { params: { id: String(target.id) }, context: context() })
    expect(one.status).toBe(200)
    const offer = await one.json()
    const validOffer = ajv.compile({ $ref: `${BASE}#/components/schemas/Offer` })
    expect(validOffer(offer) ? [] : validOffer.errors).toEqual([])
    expect(offer).toMatchObject({
      source: 'france-travail', sourceId: target.source_id, sourceUrl: target.source_url, remoteStated: false,
      employer: { name: target.employer_name }, company: { name: target.employer_name },
      // Its /postuler answers 404 (decision 012): the API sends candidates to the source, as the page does.
      applyUrl: target.source_url,
    })
    const manual = await (await load(apiOffer as never, `/api/v1/offres/${manualId}`, { params: { id: String(manualId) }, context: context() })).json()
    expect(manual).toMatchObject({ source: 'manual', sourceId: null, sourceUrl: null, employer: null, applyUrl: expect.stringMatching(/\/postuler$/) })
  })

  it('appear in the RSS feed of a search, linking to our page and naming their source', async () => {
    const response = await load(offersRss as never, `/offres.rss?q=${encodeURIComponent(titleWords())}&contrat=cdd`, { context: context() })
    const text = await response.text()
    expect(XMLValidator.validate(text)).toBe(true)
    const items = xml.parse(text).rss.channel.item as { link: string; description: string }[]
    const item = items.find((i) => i.link === `${PUBLIC_URL}/offres/${target.slug}`)
    expect(item, 'the imported offer is in the feed').toBeDefined()
    expect(item!.description).toContain('source : France Travail')
  })

  it('are listed in the sitemap', async () => {
    const text = await (await load(sitemapFileRoute as never, '/sitemaps/offres-1.xml', { params: { file: 'offres-1.xml' }, context: context() })).text()
    expect(XMLValidator.validate(text)).toBe(true)
    const locs = (xml.parse(text).urlset.url as { loc: string }[]).map((u) => u.loc)
    expect(locs).toContain(`${PUBLIC_URL}/offres/${target.slug}`)
    expect(locs.length).toBeGreaterThan(300)
  })

  it('stay out of the aggregator feed, which carries the offers written here', async () => {
    const text = await (await load(feedIndeed as never, '/flux/indeed.xml', { context: context() })).text()
    expect(XMLValidator.validate(text)).toBe(true)
    const jobs = (xml.parse(text).source.job ?? []) as { referencenumber: string }[]
    expect(jobs.map((j) => j.referencenumber)).toEqual([`passerelle-${manualId}`])
  })
})
