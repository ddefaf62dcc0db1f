import { suggestOccupation } from '#search/occupations.ts'
import { indexOffer } from '#search/embedded/offer-index.ts'
import type { DB } from '../connection.ts'
import type { ContractType, ExperienceLevel, OfferStatus, RemotePolicy, SalaryPeriod } from '../domain.ts'
import { slugify } from '../identifiers.ts'

/**
 * Offers as their company's recruiters see them. Every query names the user
 * and joins company_members: a recruiter reaches only the offers of companies
 * they belong to, whatever id or slug they send.
 */

const DAY_MS = 86_400_000
export const DEFAULT_VALIDITY_DAYS = 60

export type OfferInput = {
  title: string
  descriptionMd: string
  communeInsee: string
  contractType: ContractType
  remotePolicy: RemotePolicy
  experienceLevel: ExperienceLevel
  salaryMin: number | null
  salaryMax: number | null
  salaryPeriod: SalaryPeriod | null
  startDate: string | null
  requiredSkills: string[]
  niceToHaveSkills: string[]
  /** ROME code; when missing, suggested from the title (search/occupations.ts). */
  occupation?: string | null
}

export function findMemberCompany(db: DB, userId: number, companySlug: string) {
  return db
    .selectFrom('companies as co')
    .innerJoin('company_members as m', 'm.company_id', 'co.id')
    .select(['co.id', 'co.slug', 'co.name', 'co.commune_insee', 'co.verified_at'])
    .where('co.slug', '=', companySlug)
    .where('m.user_id', '=', userId)
    .executeTakeFirst()
}

/** How many offers the member's company has in each status (read from the company's index). */
export async function countCompanyOffersByStatus(db: DB, userId: number, companySlug: string) {
  const rows = await db
    .selectFrom('offers as o')
    .innerJoin('companies as co', 'co.id', 'o.company_id')
    .innerJoin('company_members as m', 'm.company_id', 'co.id')
    .select((eb) => ['o.status', eb.fn.countAll<number>().as('n')])
    .where('co.slug', '=', companySlug)
    .where('m.user_id', '=', userId)
    .groupBy('o.status')
    .execute()
  return new Map(rows.map((r) => [r.status, r.n]))
}

/** One page of the member's company offers, latest change first, in one status or all. */
export function listCompanyOffers(
  db: DB, userId: number, companySlug: string,
  { status = null, limit = 50, offset = 0 }: { status?: OfferStatus | null; limit?: number; offset?: number } = {},
) {
  let query = db
    .selectFrom('offers as o')
    .innerJoin('companies as co', 'co.id', 'o.company_id')
    .innerJoin('company_members as m', 'm.company_id', 'co.id')
    .select(['o.id', 'o.slug', 'o.title', 'o.status', 'o.published_at', 'o.expires_at', 'o.updated_at', 'o.source'])
    .where('co.slug', '=', companySlug)
    .where('m.user_id', '=', userId)
  if (status) query = query.where('o.status', '=', status)
  return query.orderBy('o.updated_at', 'desc').orderBy('o.id', 'desc').limit(limit).offset(offset).execute()
}

export async function findOfferForEdit(db: DB, userId: number, offerId: number) {
  const offer = await db
    .selectFrom('offers as o')
    .innerJoin('companies as co', 'co.id', 'o.company_id')
    .innerJoin('company_members as m', 'm.company_id', 'co.id')
    .selectAll('o')
    .select(['co.slug as company_slug', 'co.name as company_name', 'co.verified_at as company_verified_at'])
    .where('o.id', '=', offerId)
    .where('m.user_id', '=', userId)
    .executeTakeFirst()
  if (!offer) return undefined
  const skills = await db
    .selectFrom('offer_skills as os')
    .innerJoin('skills as s', 's.id', 'os.skill_id')
    .select(['s.slug', 'os.required'])
    .where('os.offer_id', '=', offer.id)
    .execute()
  return { ...offer, skills }
}

/**
 * Creates a draft, or updates an offer, with its skills and its index entry,
 * in one transaction. Null when the user is not a member of the company.
 */
export async function saveOffer(
  db: DB,
  userId: number,
  target: { companySlug: string } | { offerId: number },
  input: OfferInput,
  now: Date,
): Promise<{ id: number } | null> {
  return db.transaction().execute(async (trx) => {
    const owner =
      'companySlug' in target
        ? await trx
            .selectFrom('companies as co')
            .innerJoin('company_members as m', 'm.company_id', 'co.id')
            .select(['co.id as companyId', 'co.slug as companySlug'])
            .where('co.slug', '=', target.companySlug)
            .where('m.user_id', '=', userId)
            .executeTakeFirst()
        : await trx
            .selectFrom('offers as o')
            .innerJoin('company_members as m', 'm.company_id', 'o.company_id')
            .innerJoin('companies as co', 'co.id', 'o.company_id')
            .select(['o.company_id as companyId', 'co.slug as companySlug'])
            .where('o.id', '=', target.offerId)
            .where('m.user_id', '=', userId)
            // Imported offers are read-only here: their source rewrites them (decision 012).
            .where('o.source', '=', 'manual')
            .executeTakeFirst()
    if (!owner) return null
    const fields = {
      title: input.title,
      description_md: input.descriptionMd,
      commune_insee: input.communeInsee,
      occupation: input.occupation ?? suggestOccupation(input.title),
      contract_type: input.contractType,
      remote_policy: input.remotePolicy,
      experience_level: input.experienceLevel,
      salary_min: input.salaryMin,
      salary_max: input.salaryMax,
      salary_period: input.salaryPeriod,
      start_date: input.startDate,
      updated_at: now.toISOString(),
    }
    let id: number
    if ('offerId' in target) {
      id = target.offerId
      await trx.updateTable('offers').set(fields).where('id', '=', id).execute()
      await trx.deleteFrom('offer_skills').where('offer_id', '=', id).execute()
    } else {
      const slug = `${slugify(input.title) || 'offre'}-${owner.companySlug}-${now.getTime().toString(36)}`
      const row = await trx
        .insertInto('offers')
        .values({ ...fields, slug, company_id: owner.companyId, status: 'draft', created_at: now.toISOString() })
        .returning('id')
        .executeTakeFirstOrThrow()
      id = row.id
    }
    const skills = [
      ...input.requiredSkills.map((slug) => ({ slug, required: 1 })),
      ...input.niceToHaveSkills.filter((s) => !input.requiredSkills.includes(s)).map((slug) => ({ slug, required: 0 })),
    ]
    if (skills.length) {
      const ids = await trx.selectFrom('skills').select(['id', 'slug']).where('slug', 'in', skills.map((s) => s.slug)).execute()
      const idOf = new Map(ids.map((s) => [s.slug, s.id]))
      const rows = skills.flatMap((s) => (idOf.has(s.slug) ? [{ offer_id: id, skill_id: idOf.get(s.slug)!, required: s.required }] : []))
      if (rows.length) await trx.insertInto('offer_skills').values(rows).execute()
    }
    await indexOffer(trx, id)
    return { id }
  })
}

export type OfferTransition = 'publish' | 'close'

/**
 * Publishes (online at once for a verified company, otherwise waiting for
 * moderation) or closes an offer. The index follows in the same transaction.
 */
export async function changeOfferStatus(
  db: DB,
  userId: number,
  offerId: number,
  transition: OfferTransition,
  now: Date,
  validityDays = DEFAULT_VALIDITY_DAYS,
): Promise<{ status: string } | null> {
  return db.transaction().execute(async (trx) => {
    const offer = await trx
      .selectFrom('offers as o')
      .innerJoin('company_members as m', 'm.company_id', 'o.company_id')
      .innerJoin('companies as co', 'co.id', 'o.company_id')
      .select(['o.id', 'o.status', 'o.moderation_note', 'co.verified_at'])
      .where('o.id', '=', offerId)
      .where('m.user_id', '=', userId)
      .where('o.source', '=', 'manual')
      .executeTakeFirst()
    if (!offer) return null
    // An offer the admins refused or took down goes back through moderation, verified company or not.
    const status = transition === 'close' ? 'closed' : offer.verified_at && !offer.moderation_note ? 'published' : 'pending'
    await trx
      .updateTable('offers')
      .set({
        status,
        updated_at: now.toISOString(),
        ...(transition === 'publish'
          ? { published_at: now.toISOString(), expires_at: new Date(now.getTime() + validityDays * DAY_MS).toISOString() }
          : {}),
      })
      .where('id', '=', offerId)
      .execute()
    await indexOffer(trx, offerId)
    return { status }
  })
}

/** What the offer form edits, from a stored offer. */
export function offerInputOf(offer: NonNullable<Awaited<ReturnType<typeof findOfferForEdit>>>): OfferInput {
  return {
    title: offer.title,
    descriptionMd: offer.description_md,
    communeInsee: offer.commune_insee,
    occupation: offer.occupation,
    contractType: offer.contract_type,
    remotePolicy: offer.remote_policy,
    experienceLevel: offer.experience_level,
    salaryMin: offer.salary_min,
    salaryMax: offer.salary_max,
    salaryPeriod: offer.salary_period,
    startDate: offer.start_date,
    requiredSkills: offer.skills.filter((s) => s.required).map((s) => s.slug),
    niceToHaveSkills: offer.skills.filter((s) => !s.required).map((s) => s.slug),
  }
}

/** A draft copy of an offer, in the same company. */
export async function duplicateOffer(db: DB, userId: number, offerId: number, now: Date): Promise<{ id: number } | null> {
  const offer = await findOfferForEdit(db, userId, offerId)
  if (!offer) return null
  const input = offerInputOf(offer)
  return saveOffer(db, userId, { companySlug: offer.company_slug }, { ...input, title: `${input.title} (copie)` }, now)
}
