import { indexOffer } from '#search/embedded/offer-index.ts'
import { indexProfile } from '#search/embedded/profile-index.ts'
import type { DB } from '../connection.ts'
import type { ApplicationStage, ContractType, ExperienceLevel, OfferStatus, RemotePolicy, SalaryPeriod } from '../domain.ts'
import type { Company, NewCompany, Offer } from '../schema.ts'
import type { OfferSkillSeed } from './generate.ts'
import { slugify } from '../identifiers.ts'
import { nextId } from './next-id.ts'
import { OFFER_LIFETIME_DAYS } from './offer-dates.ts'

/**
 * Rows for tests: one call, one committed row with sensible defaults, ready
 * to be searched. Expects the reference data (communes, skills) to be there.
 */

const DAY = 86_400_000
const CALAIS = '62193'

export async function createTestCompany(db: DB, overrides: Partial<NewCompany> = {}): Promise<Company> {
  return db.transaction().execute(async (trx) => {
    const id = overrides.id ?? (await nextId(trx, 'companies'))
    const name = overrides.name ?? `Entreprise test ${id}`
    return trx
      .insertInto('companies')
      .values({
        naf_code: '62.01Z',
        size_band: '10-49',
        description: `${name} développe des applications web.`,
        commune_insee: CALAIS,
        created_at: new Date().toISOString(),
        ...overrides,
        id,
        name,
        // The id keeps the slug unique even when tests reuse a name.
        slug: overrides.slug ?? slugify(overrides.name ? `${name} ${id}` : name),
      })
      .returningAll()
      .executeTakeFirstOrThrow()
  })
}

export type TestOfferInput = {
  companyId: number
  title?: string
  description_md?: string
  commune_insee?: string
  /** ROME code of the job. */
  occupation?: string | null
  contract_type?: ContractType
  remote_policy?: RemotePolicy
  experience_level?: ExperienceLevel
  salary_min?: number | null
  salary_max?: number | null
  salary_period?: SalaryPeriod | null
  status?: OfferStatus
  published_at?: string | null
  expires_at?: string | null
  skills?: OfferSkillSeed[]
}

/** Inserts an offer and its skills, and indexes it in the same transaction. Published now by default. */
export async function createTestOffer(db: DB, input: TestOfferInput): Promise<Offer> {
  const { companyId, skills = [], ...fields } = input
  const now = Date.now()
  const status = fields.status ?? 'published'
  const neverPublished = status === 'draft' || status === 'pending'
  const title = fields.title ?? 'Développeur·se web full-stack'
  const publishedAt = fields.published_at !== undefined ? fields.published_at : neverPublished ? null : new Date(now).toISOString()
  const expiresAt =
    fields.expires_at !== undefined ? fields.expires_at
    : publishedAt ? new Date(Date.parse(publishedAt) + OFFER_LIFETIME_DAYS * DAY).toISOString()
    : null

  return db.transaction().execute(async (trx) => {
    const id = await nextId(trx, 'offers')
    const offer = await trx
      .insertInto('offers')
      .values({
        description_md: `## Le poste\n\nOffre de test : ${title}.`,
        commune_insee: CALAIS,
        contract_type: 'cdi',
        remote_policy: 'on_site',
        experience_level: 'junior',
        // Tests often pin published_at to their own clock: the row then looks written that day.
        created_at: publishedAt ?? new Date(now).toISOString(),
        updated_at: publishedAt ?? new Date(now).toISOString(),
        ...fields,
        id,
        slug: `${slugify(title)}-${id}`,
        company_id: companyId,
        title,
        status,
        published_at: publishedAt,
        expires_at: expiresAt,
      })
      .returningAll()
      .executeTakeFirstOrThrow()

    if (skills.length > 0) {
      const known = await trx.selectFrom('skills').select(['id', 'slug']).where('slug', 'in', skills.map((s) => s.slug)).execute()
      const idOf = new Map(known.map((s) => [s.slug, s.id]))
      await trx
        .insertInto('offer_skills')
        .values(
          skills.map(({ slug, required }) => {
            const skillId = idOf.get(slug)
            if (skillId === undefined) throw new Error(`Unknown skill slug "${slug}"`)
            return { offer_id: id, skill_id: skillId, required: required ? 1 : 0 }
          }),
        )
        .execute()
    }
    await indexOffer(trx, id)
    return offer
  })
}

export type TestCandidateInput = {
  email?: string
  firstName?: string
  lastName?: string
  communeInsee?: string | null
  visibility?: 'private' | 'verified_recruiters'
  skills?: { slug: string; level: number }[]
}

/** A candidate account with a profile (private unless asked), ready to apply. */
export async function createTestCandidate(db: DB, input: TestCandidateInput = {}): Promise<{ id: number; email: string }> {
  return db.transaction().execute(async (trx) => {
    const id = await nextId(trx, 'users')
    const now = new Date().toISOString()
    const email = input.email ?? `candidat-${id}@exemple.fr`
    const firstName = input.firstName ?? 'Camille'
    const lastName = input.lastName ?? `Test ${id}`
    await trx
      .insertInto('users')
      .values({ id, email, password_hash: 'not-a-hash', display_name: `${firstName} ${lastName}`, role: 'candidate',
        created_at: now, last_active_at: now })
      .execute()
    const visibility = input.visibility ?? 'private'
    await trx
      .insertInto('candidate_profiles')
      .values({ user_id: id, first_name: firstName, last_name: lastName, commune_insee: input.communeInsee ?? CALAIS,
        visibility, consent_at: visibility === 'private' ? null : now, updated_at: now })
      .execute()
    for (const { slug, level } of input.skills ?? []) {
      const skill = await trx.selectFrom('skills').select('id').where('slug', '=', slug).executeTakeFirst()
      if (!skill) throw new Error(`Unknown skill slug "${slug}"`)
      await trx.insertInto('candidate_skills').values({ user_id: id, skill_id: skill.id, level }).execute()
    }
    await indexProfile(trx, id)
    return { id, email }
  })
}

/** An application of a candidate to an offer, at any stage. */
export async function createTestApplication(
  db: DB,
  input: { offerId: number; candidateId: number; stage?: ApplicationStage; message?: string },
): Promise<{ id: number }> {
  const now = new Date().toISOString()
  return db
    .insertInto('applications')
    .values({ offer_id: input.offerId, candidate_id: input.candidateId, stage: input.stage ?? 'new',
      message: input.message ?? 'Bonjour, votre offre m’intéresse.', created_at: now, stage_changed_at: now })
    .returning('id')
    .executeTakeFirstOrThrow()
}
