import { fragment } from 'xmlbuilder2'
import type { DB } from '#db/connection.ts'
import { listPublicOffersForFeed, type FeedCursor, type FeedOffer } from '#db/queries/public-offers.ts'
import type { ContractType, RemotePolicy } from '#db/domain.ts'
import { EXPERIENCE_LABELS, formatSalary } from '../utils/labels.ts'
import { renderMarkdown } from '../utils/markdown.server.ts'
import { offerUrl } from '../public-api/serialize.server.ts'

/**
 * The aggregators' XML feed, in Indeed's format (docs.indeed.com, "XML feed
 * reference"; Jooble and Talroo read the same): <source> holding one <job>
 * per open offer, every value in CDATA. No contact e-mail: it would be a
 * recruiter's, and the offer's URL is where to apply. Streamed by batches
 * of offers so that 100,000 offers never sit in memory as one string.
 */
const JOB_TYPE: Record<ContractType, string> = {
  cdi: 'fulltime', cdd: 'temporary', alternance: 'apprenticeship', stage: 'internship', freelance: 'contract', interim: 'temporary',
}
const REMOTE_TYPE: Record<RemotePolicy, string | null> = { on_site: null, hybrid: 'Hybrid remote', full_remote: 'Fully remote' }
const BATCH = 500

export function indeedJob(offer: FeedOffer, origin: string): string {
  const job = fragment({ invalidCharReplacement: '' }).ele('job')
  const add = (name: string, value: string | null | undefined) => {
    // "]]>" would end a CDATA section: such a value goes as escaped text, which reads back the same.
    if (value) (value.includes(']]>') ? job.ele(name).txt(value) : job.ele(name).dat(value))
  }
  const postalCodes = JSON.parse(offer.postal_codes) as string[]
  add('title', offer.title)
  add('date', offer.published_at)
  add('referencenumber', `passerelle-${offer.id}`)
  add('requisitionid', String(offer.id))
  add('url', offerUrl(origin, offer.slug))
  add('company', offer.company_name)
  add('sourcename', offer.company_name)
  add('city', offer.commune_name)
  add('state', offer.department)
  add('country', 'FR')
  add('postalcode', postalCodes[0])
  add('description', renderMarkdown(offer.description_md))
  add('salary', formatSalary(offer.salary_period ? { min: offer.salary_min, max: offer.salary_max, period: offer.salary_period } : null))
  add('jobtype', JOB_TYPE[offer.contract_type])
  add('experience', EXPERIENCE_LABELS[offer.experience_level])
  add('category', offer.occupation_label)
  add('expirationdate', offer.expires_at)
  add('remotetype', REMOTE_TYPE[offer.remote_policy])
  return job.end({ headless: true })
}

function header(origin: string, now: Date): string {
  const head = fragment({ invalidCharReplacement: '' })
  head.ele('publisher').txt('Passerelle')
  head.ele('publisherurl').txt(origin)
  head.ele('lastBuildDate').txt(now.toUTCString())
  return `<?xml version="1.0" encoding="utf-8"?>\n<source>${head.end({ headless: true })}`
}

/** The whole feed, chunk by chunk. */
export async function* indeedFeed(db: DB, origin: string, now: Date): AsyncGenerator<string> {
  yield header(origin, now)
  let after: FeedCursor | null = null
  for (;;) {
    const offers = await listPublicOffersForFeed(db, now, after, BATCH)
    if (offers.length === 0) break
    yield offers.map((offer) => indeedJob(offer, origin)).join('')
    const last = offers.at(-1)!
    after = { publishedAt: last.published_at!, id: last.id }
  }
  yield '</source>\n'
}
