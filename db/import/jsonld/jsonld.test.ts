import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestCompany } from '#db/seed/index.ts'
import { createTestDatabase } from '#db/test-database.ts'
import { createUser } from '#db/queries/accounts.ts'
import { changeOfferStatus, duplicateOffer, findOfferForEdit, offerInputOf, saveOffer } from '#db/queries/recruiter-offers.ts'
import { EmbeddedSearchEngine } from '#search/embedded/engine.ts'
import { offerQuery } from '#search/query-params.ts'
import { jsonLdObjects } from './extract.ts'
import { fetchPage, isPublicAddress, PageError } from './fetch-page.ts'
import { importJobPostings, previewJobPostings, refreshOfferFeeds } from './index.ts'

const NOW = new Date('2026-12-01T08:00:00Z')
const posting = (id: string, title: string, extra: Record<string, unknown> = {}) => ({
  '@context': 'https://schema.org',
  '@type': 'JobPosting',
  title,
  description: '<p>Rejoignez l&rsquo;équipe &amp; nos clients.</p><ul><li>TypeScript</li><li>PostgreSQL</li></ul>',
  datePosted: '2026-11-20',
  validThrough: '2027-01-31T00:00:00+01:00',
  employmentType: ['FULL_TIME'],
  identifier: { '@type': 'PropertyValue', name: 'Opale', value: id },
  hiringOrganization: { '@type': 'Organization', name: 'Opale Logiciels' },
  jobLocation: { '@type': 'Place', address: { '@type': 'PostalAddress', addressLocality: 'Boulogne-sur-Mer', postalCode: '62200', addressCountry: 'FR' } },
  baseSalary: { '@type': 'MonetaryAmount', currency: 'EUR', value: { '@type': 'QuantitativeValue', minValue: 2650.5, maxValue: 3100, unitText: 'MONTH' } },
  ...extra,
})
const page = (postings: unknown[][], extraBlock = '') =>
  `<!doctype html><html><head><title>Carrières</title>
  <script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', '@graph': [{ '@type': 'Organization', name: 'Opale' }, ...postings[0]!] })}</script>
  <script type="application/ld+json">${JSON.stringify(postings[1] ?? [])}</script>${extraBlock}
  </head><body><h1>Nos offres</h1></body></html>`

const FULL = page([[posting('a-1', 'Développeuse TypeScript')], [posting('b-2', 'Stagiaire data', { employmentType: 'INTERN' }), posting('c-3', '')]])

let test: Awaited<ReturnType<typeof createTestDatabase>>
let company: { id: number; slug: string; commune_insee: string }
let recruiter: number

beforeAll(async () => {
  test = await createTestDatabase()
  const created = await createTestCompany(test.db, { name: 'Opale Logiciels', slug: 'opale-logiciels' })
  await test.db.updateTable('companies').set({ verified_at: NOW.toISOString() }).where('id', '=', created.id).execute()
  company = { id: created.id, slug: 'opale-logiciels', commune_insee: created.commune_insee }
  const user = await createUser(test.db, { email: 'rh@opale.fr', passwordHash: 'x', displayName: 'RH', role: 'recruiter' }, NOW)
  if (user === 'email-taken') throw new Error('taken')
  recruiter = user.id
  await test.db.insertInto('company_members').values({ company_id: company.id, user_id: recruiter, role: 'owner', created_at: NOW.toISOString() }).execute()
})
afterAll(async () => {
  await test.destroy()
})

const jsonldOffers = () =>
  test.db.selectFrom('offers').select(['id', 'title', 'status', 'source_id']).where('company_id', '=', company.id).where('source', '=', 'jsonld').orderBy('source_id').execute()

describe('JSON-LD JobPosting importer', () => {
  it('finds postings in @graph and in arrays, and refuses an invalid one with a French reason', async () => {
    expect(jsonLdObjects(FULL).postings.map((p) => p.title)).toEqual(['Développeuse TypeScript', 'Stagiaire data', ''])
    const preview = await previewJobPostings(test.db, company, { html: FULL, url: 'https://opale.example/carrieres' }, NOW)
    expect(preview.offers.map((o) => [o.title, o.contractType, o.communeInsee])).toEqual([
      ['Développeuse TypeScript', 'cdi', '62160'],
      ['Stagiaire data', 'stage', '62160'],
    ])
    expect(preview.offers[0]!.descriptionMd).toBe('Rejoignez l’équipe & nos clients.\n\n- TypeScript\n- PostgreSQL')
    expect(preview.offers[0]!.salary).toEqual({ minCents: 265050, maxCents: 310000, period: 'month' })
    expect(preview.offers[0]!.skills).toEqual([{ slug: 'typescript', required: true }, { slug: 'postgresql', required: false }])
    expect(preview.rejected).toEqual([{ sourceId: 'offre n° 3', reason: 'title : titre manquant' }])
  })

  it('says in French what is wrong with a page without offers', async () => {
    const none = await previewJobPostings(test.db, company, { html: '<html><body>Bienvenue</body></html>', url: null }, NOW)
    expect(none.problems).toEqual(['La page ne contient aucun bloc JSON-LD (<script type="application/ld+json">).'])
    const broken = await previewJobPostings(test.db, company, { html: '<script type="application/ld+json">{"@type": "JobPosting",</script>', url: null }, NOW)
    expect(broken.problems).toEqual(['Le bloc JSON-LD n° 1 n’est pas du JSON valide.'])
  })

  it('imports for the company, searchable, read-only for its recruiters, and closes what the page dropped', async () => {
    const preview = await previewJobPostings(test.db, company, { html: FULL, url: 'https://opale.example/carrieres' }, NOW)
    const report = await importJobPostings(test.db, company, preview, NOW)
    expect(report).toMatchObject({ created: 2, updated: 0, closed: 0 })
    const offers = await jsonldOffers()
    expect(offers.map((o) => [o.source_id, o.status])).toEqual([['a-1', 'published'], ['b-2', 'published']])
    const engine = new EmbeddedSearchEngine(test.sqlite)
    const hits = (await engine.searchOffers(offerQuery({ text: 'typescript', sort: 'relevance' }), NOW)).hits
    expect(hits[0]!.title).toBe('Développeuse TypeScript')
    expect(new Set(hits.map((h) => h.company.name))).toEqual(new Set(['Opale Logiciels']))

    // Its own recruiter can neither edit nor close it: the source rewrites it. A copy is theirs.
    const held = (await findOfferForEdit(test.db, recruiter, offers[0]!.id))!
    expect(await saveOffer(test.db, recruiter, { offerId: held.id }, { ...offerInputOf(held), title: 'Changé' }, NOW)).toBeNull()
    expect(await changeOfferStatus(test.db, recruiter, held.id, 'close', NOW)).toBeNull()
    const copy = await duplicateOffer(test.db, recruiter, held.id, NOW)
    expect(copy).not.toBeNull()
    expect((await findOfferForEdit(test.db, recruiter, copy!.id))!.source).toBe('manual')

    // A broken page changes nothing; the page without the internship closes it.
    const broken = await previewJobPostings(test.db, company, { html: page([[posting('a-1', 'Développeuse TypeScript')]], '<script type="application/ld+json">{</script>'), url: null }, NOW)
    expect((await importJobPostings(test.db, company, broken, NOW)).closed).toBe(0)
    const smaller = await previewJobPostings(test.db, company, { html: page([[posting('a-1', 'Développeuse TypeScript')]]), url: null }, NOW)
    expect(await importJobPostings(test.db, company, smaller, NOW)).toMatchObject({ created: 0, closed: 1, unchanged: 1 })
    expect((await jsonldOffers()).map((o) => o.status)).toEqual(['published', 'closed'])
  })

  it('two companies may both name a posting « 1 », and long posting URLs never share a slug', async () => {
    const verified = async (name: string, slug: string) => {
      const created = await createTestCompany(test.db, { name, slug })
      await test.db.updateTable('companies').set({ verified_at: NOW.toISOString() }).where('id', '=', created.id).execute()
      return { id: created.id, slug, commune_insee: created.commune_insee }
    }
    const first = await verified('Calais Code', 'calais-code')
    const second = await verified('Boulogne Numérique', 'boulogne-numerique')
    const longUrl = (n: number) => `https://boulogne-numerique.example/carrieres/offres-d-emploi/developpement-logiciel/poste-${n}`
    const html = page([[posting('1', 'Développeuse TypeScript')], [
      posting(longUrl(1), 'Technicien support', { identifier: undefined, url: longUrl(1) }),
      posting(longUrl(2), 'Technicien support', { identifier: undefined, url: longUrl(2) }),
    ]])
    const firstReport = await importJobPostings(test.db, first, await previewJobPostings(test.db, first, { html: page([[posting('1', 'Développeuse TypeScript')]]), url: null }, NOW), NOW)
    expect(firstReport.created).toBe(1)
    const secondReport = await importJobPostings(test.db, second, await previewJobPostings(test.db, second, { html, url: null }, NOW), NOW)
    expect(secondReport).toMatchObject({ created: 3 })
    const slugs = await test.db.selectFrom('offers').select('slug').where('company_id', '=', second.id).execute()
    expect(new Set(slugs.map((o) => o.slug)).size).toBe(3)
  })

  it('imports a page whole or not at all', async () => {
    await sql`create temp trigger boom before insert on offers when new.title = 'Boom' begin select raise(abort, 'boom'); end`.execute(test.db)
    const html = page([[posting('d-4', 'Administrateur réseaux'), posting('e-5', 'Boom')]])
    const preview = await previewJobPostings(test.db, company, { html, url: null }, NOW)
    await expect(importJobPostings(test.db, company, preview, NOW)).rejects.toThrow()
    expect((await jsonldOffers()).map((o) => o.source_id)).not.toContain('d-4')
    await sql`drop trigger boom`.execute(test.db)
  })
})

describe('fetching a career page (local HTTP server)', () => {
  let server: Server
  let base: string
  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url === '/carrieres') response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(FULL)
      else if (request.url === '/vers-interne') response.writeHead(302, { location: 'http://10.0.0.1/admin' }).end()
      else if (request.url === '/enorme') response.writeHead(200, { 'content-type': 'text/html' }).end('x'.repeat(3 * 1024 * 1024))
      else response.writeHead(404).end()
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))
  const local = { allowAddress: (address: string) => address === '127.0.0.1' }

  it('refuses private, loopback and link-local addresses (SSRF)', async () => {
    for (const address of ['127.0.0.1', '10.1.2.3', '172.20.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', '::ffff:127.0.0.1', 'fd00::1', 'fe80::1', '2002:7f00:1::1', '2001:0:4136:e378:8000:63bf:3fff:fdd2']) {
      expect(isPublicAddress(address), address).toBe(false)
    }
    expect(isPublicAddress('8.8.8.8')).toBe(true)
    expect(isPublicAddress('2a00:1450:4007:80c::2003')).toBe(true)
    await expect(fetchPage(`${base}/carrieres`)).rejects.toThrow('Cette adresse mène à un réseau privé ou local')
    await expect(fetchPage('file:///etc/passwd')).rejects.toThrow('Seules les adresses http:// et https:// sont acceptées.')
    await expect(fetchPage(`${base}/vers-interne`, local)).rejects.toThrow('réseau privé ou local')
  })

  it('reads a page, within the size limit, and imports its offers from the daily refresh', async () => {
    expect((await fetchPage(`${base}/carrieres`, local)).html).toBe(FULL)
    await expect(fetchPage(`${base}/enorme`, local)).rejects.toThrow(new PageError('La page dépasse 2 Mo : donnez l’adresse de la page qui liste les offres.'))
    await expect(fetchPage(`${base}/absente`, local)).rejects.toThrow('La page a répondu 404')
    await test.db.insertInto('offer_feeds').values({ company_id: company.id, url: `${base}/carrieres`, created_at: NOW.toISOString() }).execute()
    expect(await refreshOfferFeeds(test.db, NOW, local)).toEqual({ pages: 1, failed: 0 })
    const feed = await test.db.selectFrom('offer_feeds').select(['last_report', 'last_run_at']).executeTakeFirstOrThrow()
    expect(feed.last_report).toMatch(/^0 offre\(s\) créée\(s\), 2 mise\(s\) à jour, 0 inchangée\(s\), 0 fermée\(s\), 1 refusée\(s\)\.\noffre n° 3 : title : titre manquant$/)
    expect((await jsonldOffers()).map((o) => o.status)).toEqual(['published', 'published'])
  })
})
