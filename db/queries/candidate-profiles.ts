import { indexProfile } from '#search/embedded/profile-index.ts'
import type { DB } from '../connection.ts'
import { skillAliasesText } from './reference.ts'
import type { ContractType, DegreeLevel, ExperienceKind, LanguageLevel, RemotePreference } from '../domain.ts'

/**
 * A candidate's own profile. Every function takes the signed-in candidate's id
 * and reads or writes only the rows whose user_id is that id: no function here
 * accepts another profile's id.
 */

export type ProfileInput = {
  firstName: string
  lastName: string
  school: string
  programme: string
  degreeLevel: DegreeLevel | null
  graduationYear: number | null
  communeInsee: string | null
  mobilityKm: number
  remotePreference: RemotePreference
  contractTypes: ContractType[]
  availableFrom: string | null
  bio: string
  links: string[]
  skills: { slug: string; level: number }[]
  languages: { code: string; level: LanguageLevel }[]
  /** ROME codes of the occupations aimed for (at most 3); left as they are when undefined. */
  targetOccupations?: string[]
  /** What matching reads (decision 014); each left as it is when undefined. */
  mobileAnywhere?: boolean
  excludedContractTypes?: ContractType[]
  diplomaSpeciality?: string
  internshipMonths?: number | null
  /** Dated internships, work-study contracts and jobs (months YYYY-MM); replaced when given. */
  experiences?: { kind: ExperienceKind; title: string; start: string; end: string | null }[]
}


export async function findOwnProfile(db: DB, userId: number) {
  const profile = await db
    .selectFrom('candidate_profiles')
    .select([
      'first_name', 'last_name', 'school', 'programme', 'degree_level', 'graduation_year', 'commune_insee', 'mobility_km',
      'remote_preference', 'contract_types', 'links', 'available_from', 'bio', 'visibility', 'consent_at', 'cv_name',
      'cv_size', 'cv_uploaded_at', 'updated_at', 'mobile_anywhere', 'excluded_contract_types', 'diploma_speciality',
      'internship_months',
    ])
    .where('user_id', '=', userId)
    .executeTakeFirst()
  if (!profile) return undefined
  const [skills, languages, targetOccupations, experiences] = await Promise.all([
    db
      .selectFrom('candidate_skills as cs')
      .innerJoin('skills as s', 's.id', 'cs.skill_id')
      .select(['s.slug', 's.name', 'cs.level'])
      .where('cs.user_id', '=', userId)
      .orderBy('s.name')
      .execute(),
    db.selectFrom('candidate_languages').select(['language', 'level']).where('user_id', '=', userId).orderBy('language').execute(),
    db.selectFrom('candidate_occupations').select('occupation_code').where('user_id', '=', userId).orderBy('occupation_code').execute(),
    db.selectFrom('candidate_experiences').select(['kind', 'title', 'start_month', 'end_month'])
      .where('user_id', '=', userId).orderBy('start_month').orderBy('id').execute(),
  ])
  return {
    ...profile,
    contract_types: JSON.parse(profile.contract_types) as ContractType[],
    links: JSON.parse(profile.links) as string[],
    skills,
    languages,
    target_occupations: targetOccupations.map((o) => o.occupation_code),
    excluded_contract_types: JSON.parse(profile.excluded_contract_types) as ContractType[],
    experiences,
  }
}
export type OwnProfile = NonNullable<Awaited<ReturnType<typeof findOwnProfile>>>

/** The taxonomy, for the form: one select per skill, grouped by category; its other spellings for the picker's search box. */
export function listSkillChoices(db: DB) {
  return db.selectFrom('skills').select(['slug', 'name', 'category', skillAliasesText]).orderBy('category').orderBy('name').execute()
}

/**
 * Creates the profile on first save, or updates it; its skills and languages
 * are replaced, all in one transaction with the outbox row. Unknown skill
 * slugs are the caller's to refuse beforehand; here they would be skipped.
 */
export async function saveOwnProfile(db: DB, userId: number, input: ProfileInput, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const fields = {
      first_name: input.firstName,
      last_name: input.lastName,
      school: input.school,
      programme: input.programme,
      degree_level: input.degreeLevel,
      graduation_year: input.graduationYear,
      commune_insee: input.communeInsee,
      mobility_km: input.mobilityKm,
      remote_preference: input.remotePreference,
      contract_types: JSON.stringify(input.contractTypes),
      links: JSON.stringify(input.links),
      available_from: input.availableFrom,
      bio: input.bio,
      updated_at: now.toISOString(),
      ...(input.mobileAnywhere === undefined ? {} : { mobile_anywhere: input.mobileAnywhere ? 1 : 0 }),
      ...(input.excludedContractTypes === undefined ? {} : { excluded_contract_types: JSON.stringify(input.excludedContractTypes) }),
      ...(input.diplomaSpeciality === undefined ? {} : { diploma_speciality: input.diplomaSpeciality }),
      ...(input.internshipMonths === undefined ? {} : { internship_months: input.internshipMonths }),
    }
    await trx
      .insertInto('candidate_profiles')
      .values({ user_id: userId, ...fields })
      .onConflict((oc) => oc.column('user_id').doUpdateSet(fields))
      .execute()
    await trx.deleteFrom('candidate_skills').where('user_id', '=', userId).execute()
    await trx.deleteFrom('candidate_languages').where('user_id', '=', userId).execute()
    if (input.skills.length) {
      const known = await trx.selectFrom('skills').select(['id', 'slug']).where('slug', 'in', input.skills.map((s) => s.slug)).execute()
      const idOf = new Map(known.map((s) => [s.slug, s.id]))
      const rows = input.skills.flatMap((s) => (idOf.has(s.slug) ? [{ user_id: userId, skill_id: idOf.get(s.slug)!, level: s.level }] : []))
      if (rows.length) await trx.insertInto('candidate_skills').values(rows).execute()
    }
    if (input.languages.length) {
      await trx
        .insertInto('candidate_languages')
        .values(input.languages.map((l) => ({ user_id: userId, language: l.code, level: l.level })))
        .execute()
    }
    if (input.targetOccupations) {
      await trx.deleteFrom('candidate_occupations').where('user_id', '=', userId).execute()
      const known = input.targetOccupations.length
        ? await trx.selectFrom('occupations').select('code').where('code', 'in', input.targetOccupations).execute()
        : []
      if (known.length) await trx.insertInto('candidate_occupations').values(known.map((o) => ({ user_id: userId, occupation_code: o.code }))).execute()
    }
    if (input.experiences) {
      await trx.deleteFrom('candidate_experiences').where('user_id', '=', userId).execute()
      if (input.experiences.length) {
        await trx.insertInto('candidate_experiences')
          .values(input.experiences.map((e) => ({ user_id: userId, kind: e.kind, title: e.title, start_month: e.start, end_month: e.end })))
          .execute()
      }
    }
    // The profile index (consenting profiles only) and its outbox row, in the same transaction.
    await indexProfile(trx, userId)
  })
}

/**
 * Gives or withdraws consent, effective at once. False when the candidate has
 * no profile yet (nothing to show, nothing changed).
 */
export async function setOwnVisibility(db: DB, userId: number, consent: boolean, now: Date): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('candidate_profiles')
      .set(
        consent
          ? { visibility: 'verified_recruiters', consent_at: now.toISOString(), updated_at: now.toISOString() }
          : { visibility: 'private', consent_at: null, updated_at: now.toISOString() },
      )
      .where('user_id', '=', userId)
      .executeTakeFirst()
    if (updated.numUpdatedRows === 0n) return false
    // The profile index (consenting profiles only) and its outbox row, in the same transaction.
    await indexProfile(trx, userId)
    return true
  })
}

/**
 * Points the profile at a newly stored CV (or at none). Answers the file the
 * profile pointed at before, for the caller to remove once this has committed,
 * or 'no-profile' when there is no profile to attach it to.
 */
export async function replaceOwnCv(
  db: DB,
  userId: number,
  cv: { file: string; name: string; size: number } | null,
  now: Date,
): Promise<{ previousFile: string | null } | 'no-profile'> {
  return db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom('candidate_profiles').select('cv_file').where('user_id', '=', userId).executeTakeFirst()
    if (!current) return 'no-profile' as const
    await trx
      .updateTable('candidate_profiles')
      .set({
        cv_file: cv?.file ?? null,
        cv_name: cv?.name ?? null,
        cv_size: cv?.size ?? null,
        cv_uploaded_at: cv ? now.toISOString() : null,
        updated_at: now.toISOString(),
      })
      .where('user_id', '=', userId)
      .execute()
    // The profile index (consenting profiles only) and its outbox row, in the same transaction.
    await indexProfile(trx, userId)
    return { previousFile: current.cv_file }
  })
}

/** The stored name of the candidate's own CV, for the owner's download. */
export function findOwnCv(db: DB, userId: number) {
  return db
    .selectFrom('candidate_profiles')
    .select(['cv_file', 'cv_name'])
    .where('user_id', '=', userId)
    .where('cv_file', 'is not', null)
    .executeTakeFirst()
}

/**
 * What matching reads from a profile, for the first-visit checklist: skills (the shortlist is made on them),
 * a home commune (distance), wished contracts. One statement; null without a profile.
 */
export async function findProfileChecklist(db: DB, userId: number) {
  const row = await db
    .selectFrom('candidate_profiles as p')
    .select((eb) => [
      'p.commune_insee',
      'p.contract_types',
      eb.exists(eb.selectFrom('candidate_skills as cs').select('cs.skill_id').whereRef('cs.user_id', '=', 'p.user_id')).as('has_skills'),
    ])
    .where('p.user_id', '=', userId)
    .executeTakeFirst()
  return {
    skills: Boolean(row?.has_skills),
    commune: Boolean(row?.commune_insee),
    contracts: row ? (JSON.parse(row.contract_types) as unknown[]).length > 0 : false,
  }
}
