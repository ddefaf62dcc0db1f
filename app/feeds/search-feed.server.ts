import { Feed } from 'feed'
import { offerQueryToParams } from '#search/query-params.ts'
import type { OfferQuery, OfferSearchResult } from '#search/types.ts'
import { CONTRACT_LABELS, SOURCE_LABELS, formatSalary, remoteLabelOf } from '../utils/labels.ts'
import { offerUrl } from '../public-api/serialize.server.ts'

/** How many of a search's newest offers its feed carries. */
export const FEED_ITEMS = 50

/**
 * RSS 2.0 and Atom for any search: the search page's URL with /offres.rss or
 * /offres.atom in place of /offres, newest offers first (the `feed` library
 * writes both formats).
 */
export function searchFeed(query: OfferQuery, result: OfferSearchResult, origin: string): Feed {
  const params = offerQueryToParams({ ...query, sort: query.text ? 'relevance' : 'date', page: 1 })
  const qs = params.size ? `?${params}` : ''
  const text = query.text.trim()
  const newest = result.hits[0]?.publishedAt
  const feed = new Feed({
    title: text ? `Offres « ${text} » – Passerelle` : 'Offres d’emploi du numérique – Passerelle',
    description: 'Les offres les plus récentes de cette recherche sur Passerelle.',
    id: `${origin}/offres${qs}`,
    link: `${origin}/offres${qs}`,
    language: 'fr',
    // The newest offer's date, not "now": the same search gives the same feed (and ETag) until an offer appears.
    updated: newest ? new Date(newest) : new Date(0),
    generator: 'Passerelle',
    feedLinks: { rss: `${origin}/offres.rss${qs}`, atom: `${origin}/offres.atom${qs}` },
    copyright: 'Les entreprises qui publient ces offres',
  })
  for (const hit of result.hits) {
    const salary = formatSalary(hit.salary)
    // An imported offer says where it comes from, as its page does (decision 012); its link stays our page.
    const imported = hit.source === 'manual' ? null : `source : ${SOURCE_LABELS[hit.source]}`
    const summary = [CONTRACT_LABELS[hit.contractType], remoteLabelOf(hit), hit.commune.name, salary, imported].filter(Boolean).join(' · ')
    feed.addItem({
      title: `${hit.title} – ${hit.company.name}`,
      id: offerUrl(origin, hit.slug),
      link: offerUrl(origin, hit.slug),
      description: `${hit.company.name}, ${summary}`,
      date: new Date(hit.publishedAt),
      published: new Date(hit.publishedAt),
      category: [{ name: CONTRACT_LABELS[hit.contractType] }],
    })
  }
  return feed
}
