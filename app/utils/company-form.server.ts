import { parseWithZod } from '@conform-to/zod/v4'
import type { DB } from '#db/connection.ts'
import type { NewCompanyInput } from '#db/queries/companies.ts'
import { communeLabels } from '#db/queries/communes.ts'
import { listClusters } from '#db/queries/reference.ts'
import { resolveCommuneField } from './commune-field.server.ts'
import { CompanySchema } from './company-schema.ts'

/** What the company form offers to choose from. */
/** What the company form offers to choose from (the active region's clusters), and how to show its commune. */
export async function companyFormData(db: DB, communeInsee?: string | null) {
  const [communeNames, clusters] = await Promise.all([communeLabels(db, [communeInsee]), listClusters(db)])
  return { communeLabels: communeNames, clusters }
}

/** Parses the company form and checks what only the database knows (the commune). */
export async function parseCompanyForm(formData: FormData, db: DB) {
  const submission = parseWithZod(formData, { schema: CompanySchema })
  if (submission.status !== 'success') return { submission, input: null }
  const value = submission.value
  const known = await resolveCommuneField(db, formData, value.communeInsee, 'Indiquez la commune de l’entreprise.')
  if ('error' in known) {
    const fieldErrors = { communeInsee: [known.error] }
    return { submission: { ...submission, reply: () => submission.reply({ fieldErrors }) }, input: null }
  }
  const input: NewCompanyInput = {
    name: value.name,
    siren: value.siren ?? null,
    nafCode: value.nafCode,
    sizeBand: value.sizeBand,
    clusterSlug: value.clusterSlug ?? null,
    communeInsee: known.insee!,
    website: value.website ?? null,
    description: value.description,
  }
  return { submission, input }
}
