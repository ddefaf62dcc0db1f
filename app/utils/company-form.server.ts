import { parseWithZod } from '@conform-to/zod/v4'
import type { DB } from '#db/connection.ts'
import type { NewCompanyInput } from '#db/queries/companies.ts'
import { listLocatedCommunes } from '#db/queries/reference.ts'
import { CompanySchema } from './company-schema.ts'

/** What the company form offers to choose from. */
export async function companyFormData(db: DB) {
  const [communes, clusters] = await Promise.all([
    listLocatedCommunes(db),
    db.selectFrom('clusters').select(['slug', 'name']).orderBy('name').execute(),
  ])
  return { communes, clusters }
}

/** Parses the company form and checks what only the database knows (the commune). */
export async function parseCompanyForm(formData: FormData, db: DB) {
  const submission = parseWithZod(formData, { schema: CompanySchema })
  if (submission.status !== 'success') return { submission, input: null }
  const value = submission.value
  const known = await db
    .selectFrom('communes')
    .select('insee')
    .where('insee', '=', value.communeInsee)
    .where('latitude', 'is not', null)
    .executeTakeFirst()
  if (!known) {
    const fieldErrors = { communeInsee: ['Choisissez la commune dans la liste.'] }
    return { submission: { ...submission, reply: () => submission.reply({ fieldErrors }) }, input: null }
  }
  const input: NewCompanyInput = {
    name: value.name,
    siren: value.siren ?? null,
    nafCode: value.nafCode,
    sizeBand: value.sizeBand,
    clusterSlug: value.clusterSlug ?? null,
    communeInsee: value.communeInsee,
    website: value.website ?? null,
    description: value.description,
  }
  return { submission, input }
}
