import { z } from 'zod'
import type { DB } from '#db/connection.ts'
import { importJobPostings, previewJobPostings, type JobPostingPreview } from '#db/import/jsonld/index.ts'
import { fetchPage, PageError } from '#db/import/jsonld/fetch-page.ts'

/** The import form: a career page's address, or its HTML pasted (decision 012). */
export const ImportFormSchema = z
  .object({
    intent: z.enum(['apercu', 'importer'], { message: 'Action inconnue.' }),
    url: z.string().trim().max(2000, { message: 'Adresse trop longue (2 000 caractères au plus).' }).optional().transform((v) => v || undefined),
    html: z.string().max(900_000, { message: 'HTML trop long (900 000 caractères au plus) : collez la partie qui contient les offres.' }).optional().transform((v) => (v?.trim() ? v : undefined)),
  })
  .refine((v) => Boolean(v.url) !== Boolean(v.html), { message: 'Donnez l’adresse de la page carrières, ou collez son HTML (l’un ou l’autre).' })

export type ImportForm = z.infer<typeof ImportFormSchema>
type Company = { id: number; slug: string; commune_insee: string }

/** The page read (fetched behind the SSRF guard, or pasted) and what it holds; a French error otherwise. */
export async function readCareerPage(db: DB, company: Company, form: ImportForm, now: Date): Promise<{ preview: JobPostingPreview } | { error: string }> {
  let page: { html: string; url: string | null }
  if (form.url) {
    try {
      page = await fetchPage(form.url)
    } catch (error) {
      return { error: error instanceof PageError ? error.message : 'La page n’a pas pu être lue.' }
    }
  } else page = { html: form.html!, url: null }
  return { preview: await previewJobPostings(db, company, page, now) }
}

/** Imports in one transaction; a page given by address is then refreshed daily. */
export async function importCareerPage(db: DB, company: Company, form: ImportForm, preview: JobPostingPreview, now: Date) {
  const report = await importJobPostings(db, company, preview, now)
  if (form.url) {
    await db
      .insertInto('offer_feeds')
      .values({ company_id: company.id, url: form.url, created_at: now.toISOString(), last_run_at: now.toISOString(), last_report: `Import manuel : ${report.created} créée(s), ${report.updated} mise(s) à jour.` })
      .onConflict((oc) => oc.columns(['company_id', 'url']).doUpdateSet({ last_run_at: now.toISOString() }))
      .execute()
  }
  return report
}

export function listCompanyFeeds(db: DB, companyId: number) {
  return db.selectFrom('offer_feeds').select(['id', 'url', 'last_run_at', 'last_report']).where('company_id', '=', companyId).orderBy('id').execute()
}

/** The company whose offers are imported: one the recruiter belongs to (joined in SQL), or any for an admin. */
export function findImportCompany(db: DB, user: { id: number; role: string }, slug: string) {
  let query = db.selectFrom('companies as co').select(['co.id', 'co.slug', 'co.name', 'co.commune_insee', 'co.verified_at']).where('co.slug', '=', slug)
    .where('co.placeholder_source', 'is', null)
  if (user.role !== 'admin') {
    query = query.where('co.id', 'in', (eb) => eb.selectFrom('company_members').select('company_id').where('user_id', '=', user.id))
  }
  return query.executeTakeFirst()
}
