import { XMLBuilder } from 'fast-xml-parser'
import type { DB } from '#db/connection.ts'
import { countCompanies, countPublicOffers, listCompanyUrls, listPublicForumUrls, listPublicOfferUrls } from '#db/queries/public-offers.ts'

/**
 * sitemap.xml is a sitemap index (sitemaps.org): one file per kind of page,
 * each holding at most 10,000 URLs (the protocol allows 50,000; a smaller
 * file keeps each answer near 50 ms at 100,000 offers), so a board of any
 * size pages into offres-1.xml, offres-2.xml…
 */
export const URLS_PER_FILE = 10_000
const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9'
export const SITEMAP_KINDS = ['pages', 'offres', 'entreprises', 'forums'] as const
export type SitemapKind = (typeof SITEMAP_KINDS)[number]
const STATIC_PAGES = ['/', '/offres', '/forums', '/api']

export async function sitemapFiles(db: DB, now: Date, perFile = URLS_PER_FILE): Promise<string[]> {
  const [offers, companies] = await Promise.all([countPublicOffers(db, now), countCompanies(db)])
  const files = (kind: SitemapKind, count: number) => Array.from({ length: Math.max(1, Math.ceil(count / perFile)) }, (_, i) => `${kind}-${i + 1}.xml`)
  return [...files('pages', STATIC_PAGES.length), ...files('offres', offers), ...files('entreprises', companies), ...files('forums', 1)]
}

export async function sitemapIndex(db: DB, origin: string, now: Date, perFile = URLS_PER_FILE): Promise<string> {
  const files = await sitemapFiles(db, now, perFile)
  return serialize({ sitemapindex: { '@_xmlns': NS, sitemap: files.map((file) => ({ loc: `${origin}/sitemaps/${file}` })) } })
}

/** `offres-2.xml` → its kind and page, or null for a name that is not one. */
export function parseSitemapFile(name: string): { kind: SitemapKind; page: number } | null {
  const match = /^(pages|offres|entreprises|forums)-([1-9]\d{0,5})\.xml$/.exec(name)
  return match ? { kind: match[1] as SitemapKind, page: Number(match[2]) } : null
}

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : null)

/** One file of the index; null when the page is past the last one (404). */
export async function sitemapFile(db: DB, origin: string, now: Date, kind: SitemapKind, page: number, perFile = URLS_PER_FILE): Promise<string | null> {
  const offset = (page - 1) * perFile
  let urls: { loc: string; lastmod: string | null }[]
  if (kind === 'pages') urls = page === 1 ? STATIC_PAGES.map((p) => ({ loc: `${origin}${p === '/' ? '/' : p}`, lastmod: null })) : []
  else if (kind === 'offres') {
    urls = (await listPublicOfferUrls(db, now, offset, perFile)).map((o) => ({ loc: `${origin}/offres/${o.slug}`, lastmod: day(o.updated_at) }))
  } else if (kind === 'entreprises') {
    urls = (await listCompanyUrls(db, offset, perFile)).map((c) => ({ loc: `${origin}/entreprises/${c.slug}`, lastmod: day((c.last_offer_at as string | null) ?? c.created_at) }))
  } else {
    urls = page === 1 ? (await listPublicForumUrls(db)).map((f) => ({ loc: `${origin}/forums/${f.slug}`, lastmod: day(f.updated_at) })) : []
  }
  // An empty kind still has its first file (an empty urlset), so the index never points at a 404.
  if (urls.length === 0 && page > 1) return null
  return serialize({ urlset: { '@_xmlns': NS, url: urls.map((url) => (url.lastmod ? url : { loc: url.loc })) } })
}

/**
 * fast-xml-parser's builder (text escaped): xmlbuilder2, which the other
 * feeds use, spends 30 to 60 µs per element, so a file of 50,000 offers
 * cost 4.7 s of CPU at 100,000 offers; this one 0.2 s.
 */
const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_' })
function serialize(document: object): string {
  return `<?xml version="1.0" encoding="UTF-8"?>${builder.build(document) as string}`
}
export function robotsTxt(origin: string): string {
  return [
    'User-agent: *',
    // Personal spaces and forms: nothing for a crawler (they answer a login page anyway).
    'Disallow: /compte', 'Disallow: /candidat/', 'Disallow: /recruteur', 'Disallow: /admin', 'Disallow: /organisation',
    'Disallow: /connexion', 'Disallow: /inscription', 'Disallow: /offres/*/postuler', 'Disallow: /offres/*/signaler',
    '',
    `Sitemap: ${origin}/sitemap.xml`,
    '',
  ].join('\n')
}
