import { indexOffer } from '#search/embedded/offer-index.ts'
import type { DB } from '../connection.ts'
import type { NewCompanyInput } from './companies.ts'

/**
 * A company as its members edit it. Every query names the user and joins
 * company_members: a recruiter reaches only the companies they belong to.
 */

export function findCompanyForEdit(db: DB, userId: number, slug: string) {
  return db
    .selectFrom('companies as co')
    .innerJoin('company_members as m', 'm.company_id', 'co.id')
    .leftJoin('clusters as cl', 'cl.id', 'co.cluster_id')
    .select([
      'co.id', 'co.slug', 'co.name', 'co.siren', 'co.naf_code', 'co.size_band', 'co.commune_insee', 'co.website',
      'co.description', 'co.logo_file', 'co.logo_mime', 'co.verified_at', 'cl.slug as cluster_slug', 'm.role',
    ])
    .where('co.slug', '=', slug)
    .where('m.user_id', '=', userId)
    .executeTakeFirst()
}

/** What happens to the logo: kept, replaced by a stored file, or removed. */
export type LogoChange = { keep: true } | { file: string; mime: string } | { remove: true }

/**
 * Updates the company's fields and logo in one transaction. Answers the logo
 * file the update replaced, for the caller to delete once this committed; null
 * when the user is not a member (nothing changed).
 */
export async function updateCompany(
  db: DB,
  userId: number,
  slug: string,
  input: NewCompanyInput | null,
  logo: LogoChange,
): Promise<{ replacedLogo: string | null; verificationLost: boolean } | null> {
  return db.transaction().execute(async (trx) => {
    const company = await trx
      .selectFrom('companies as co')
      .innerJoin('company_members as m', 'm.company_id', 'co.id')
      .select(['co.id', 'co.logo_file', 'co.name', 'co.siren', 'co.verified_at'])
      .where('co.slug', '=', slug)
      .where('m.user_id', '=', userId)
      .executeTakeFirst()
    if (!company) return null
    const cluster = input?.clusterSlug
      ? await trx.selectFrom('clusters').select('id').where('slug', '=', input.clusterSlug).executeTakeFirst()
      : undefined
    const logoFields =
      'file' in logo ? { logo_file: logo.file, logo_mime: logo.mime }
      : 'remove' in logo ? { logo_file: null, logo_mime: null }
      : {}
    // The slug stays: links to the public page and to offers keep working after a rename.
    const fields = input
      ? {
          name: input.name,
          siren: input.siren ? input.siren.slice(0, 9) : null,
          naf_code: input.nafCode,
          size_band: input.sizeBand,
          cluster_id: cluster?.id ?? null,
          commune_insee: input.communeInsee,
          website: input.website,
          description: input.description,
        }
      : {}
    // Verification vouches for a name and a SIREN: a company that changes either goes back to the admins' queue,
    // and its next offers wait for moderation again.
    const identityChanged = input !== null && (fields.name !== company.name || fields.siren !== company.siren)
    if (identityChanged && company.verified_at) Object.assign(fields, { verified_at: null })
    if (Object.keys({ ...fields, ...logoFields }).length > 0) {
      await trx.updateTable('companies').set({ ...fields, ...logoFields }).where('id', '=', company.id).execute()
    }
    if (input) {
      // Offers are searched by their company's name, cluster and size: the index follows.
      const offers = await trx.selectFrom('offers').select('id').where('company_id', '=', company.id).execute()
      for (const offer of offers) await indexOffer(trx, offer.id)
    }
    return { replacedLogo: 'keep' in logo ? null : company.logo_file, verificationLost: identityChanged && company.verified_at !== null }
  })
}

/** The public logo of a company, if it has one. */
export function findCompanyLogo(db: DB, slug: string) {
  return db
    .selectFrom('companies')
    .select(['logo_file', 'logo_mime'])
    .where('slug', '=', slug)
    .where('logo_file', 'is not', null)
    .executeTakeFirst()
}
