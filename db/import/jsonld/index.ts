import type { DB } from '../../connection.ts'
import { importOffers } from '../offers.ts'
import { loadReferential } from '../places.ts'
import type { ImportedOffer, ImportReport, Rejection } from '../types.ts'
import { jsonLdObjects } from './extract.ts'
import { fetchPage, PageError, type FetchOptions } from './fetch-page.ts'
import { JobPostingSchema, mapJobPosting } from './map.ts'

export type JobPostingCompany = { id: number; slug: string; commune_insee: string }

/** What a page holds for the company: offers ready to import, postings refused with a reason, page problems. */
export type JobPostingPreview = { offers: ImportedOffer[]; rejected: Rejection[]; problems: string[] }

export async function previewJobPostings(
  db: DB,
  company: JobPostingCompany,
  page: { html: string; url: string | null },
  now: Date,
): Promise<JobPostingPreview> {
  const { postings, problems, blocks } = jsonLdObjects(page.html)
  if (blocks === 0) problems.push('La page ne contient aucun bloc JSON-LD (<script type="application/ld+json">).')
  else if (postings.length === 0 && problems.length === 0) problems.push('Les blocs JSON-LD de la page ne contiennent aucune offre (JobPosting).')
  const referential = await loadReferential(db)
  const offers: ImportedOffer[] = []
  const rejected: Rejection[] = []
  postings.forEach((raw, index) => {
    const label = typeof raw.title === 'string' && raw.title.trim() ? `« ${raw.title.trim().slice(0, 80)} »` : `offre n° ${index + 1}`
    const parsed = JobPostingSchema.safeParse(raw)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!
      const what = issue.code === 'invalid_type' ? (issue.input === undefined ? 'manquant' : 'd’un type inattendu') : issue.message
      rejected.push({ sourceId: label, reason: `${issue.path.join('.') || 'offre'} : ${what}` })
      return
    }
    const mapped = mapJobPosting(parsed.data, { referential, companyCommune: company.commune_insee, pageUrl: page.url, now })
    if ('reason' in mapped) rejected.push({ sourceId: label, reason: mapped.reason })
    else offers.push(mapped)
  })
  return { offers, rejected, problems }
}

/**
 * Imports a page's offers for the company, all in one transaction. Offers the page no longer
 * holds are closed only when the page was read whole (no problem, at least one posting):
 * a broken page changes nothing.
 */
export function importJobPostings(db: DB, company: JobPostingCompany, preview: JobPostingPreview, now: Date): Promise<ImportReport> {
  const whole = preview.problems.length === 0 && preview.offers.length + preview.rejected.length > 0
  return importOffers(
    db,
    { source: 'jsonld', companyId: company.id, companySlug: company.slug },
    { offers: preview.offers, rejected: preview.rejected, complete: whole, now, oneTransaction: true },
  )
}

/** The daily refresh of every career page of a verified company; each page's report is kept. */
export async function refreshOfferFeeds(db: DB, now: Date, options: FetchOptions = {}): Promise<{ pages: number; failed: number }> {
  const feeds = await db
    .selectFrom('offer_feeds as f')
    .innerJoin('companies as co', 'co.id', 'f.company_id')
    .select(['f.id', 'f.url', 'co.id as company_id', 'co.slug', 'co.commune_insee'])
    .where('co.verified_at', 'is not', null)
    .execute()
  let failed = 0
  for (const feed of feeds) {
    let report: string
    try {
      const page = await fetchPage(feed.url, options)
      const company = { id: feed.company_id, slug: feed.slug, commune_insee: feed.commune_insee }
      const preview = await previewJobPostings(db, company, page, now)
      const result = await importJobPostings(db, company, preview, now)
      report = describeJobPostingImport(result, preview.problems)
    } catch (error) {
      failed++
      report = error instanceof PageError ? error.message : 'La page n’a pas pu être importée.'
    }
    await db.updateTable('offer_feeds').set({ last_run_at: now.toISOString(), last_report: report }).where('id', '=', feed.id).execute()
  }
  return { pages: feeds.length, failed }
}

export function describeJobPostingImport(report: ImportReport, problems: string[]): string {
  return [
    `${report.created} offre(s) créée(s), ${report.updated} mise(s) à jour, ${report.unchanged} inchangée(s), ${report.closed} fermée(s), ${report.rejected.length} refusée(s).`,
    ...problems,
    ...report.rejected.map((r) => `${r.sourceId} : ${r.reason}`),
  ].join('\n')
}
