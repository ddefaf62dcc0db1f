import { indexProfile } from '#search/embedded/profile-index.ts'
import type { DB } from '../connection.ts'
import type { FileStore } from '../files.ts'
import { alertsForExport } from './alerts.ts'
import { preferencesForExport } from './notification-preferences.ts'

/**
 * A candidate's rights over their data (GDPR articles 15, 17 and 20): one
 * export holding everything, and a deletion that leaves nothing that names them.
 * Every query names the candidate: nothing here reads or deletes another account.
 */

/** The account as its owner sees it on /compte. */
export function findAccount(db: DB, userId: number) {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'display_name', 'role', 'created_at', 'last_active_at'])
    .where('id', '=', userId)
    .executeTakeFirst()
}

/** The password hash, to confirm a deletion; only for a candidate. */
export function findCandidatePasswordHash(db: DB, userId: number) {
  return db
    .selectFrom('users')
    .select('password_hash')
    .where('id', '=', userId)
    .where('role', '=', 'candidate')
    .executeTakeFirst()
}

// Recruiters' private notes on the candidate's applications are left out on
// purpose. They are the company's working notes: Passerelle only hosts them
// for the company, which is their controller and must answer an access
// request about them itself (it may have to redact what concerns colleagues
// or other applicants). The export says so, and the notes go with the account.
const RECRUITER_NOTES_POLICY =
  'Les notes internes des recruteurs sur vos candidatures ne figurent pas dans cet export : ' +
  'elles appartiennent à l’entreprise concernée, à qui vous pouvez les demander. ' +
  'Elles sont supprimées avec votre compte.'

/** Everything Passerelle holds about a candidate, CV included, as one JSON-ready object. */
export async function exportCandidateData(db: DB, files: FileStore, userId: number, now: Date) {
  const account = await db
    .selectFrom('users')
    .select(['email', 'display_name', 'role', 'created_at', 'last_active_at', 'inactivity_warned_at'])
    .where('id', '=', userId)
    .where('role', '=', 'candidate')
    .executeTakeFirst()
  if (!account) return null

  const profile = await db
    .selectFrom('candidate_profiles as p')
    .leftJoin('communes as c', 'c.insee', 'p.commune_insee')
    .select([
      'p.first_name', 'p.last_name', 'p.school', 'p.programme', 'p.degree_level', 'p.graduation_year',
      'p.commune_insee', 'c.name as commune', 'p.mobility_km', 'p.remote_preference', 'p.contract_types', 'p.links',
      'p.available_from', 'p.bio', 'p.visibility', 'p.consent_at', 'p.cv_file', 'p.cv_name', 'p.cv_size',
      'p.cv_uploaded_at', 'p.updated_at', 'p.mobile_anywhere', 'p.excluded_contract_types', 'p.diploma_speciality',
      'p.internship_months',
    ])
    .where('p.user_id', '=', userId)
    .executeTakeFirst()
  const skills = await db
    .selectFrom('candidate_skills as cs')
    .innerJoin('skills as s', 's.id', 'cs.skill_id')
    .select(['s.name', 's.slug', 'cs.level'])
    .where('cs.user_id', '=', userId)
    .orderBy('s.name')
    .execute()
  const languages = await db
    .selectFrom('candidate_languages')
    .select(['language', 'level'])
    .where('user_id', '=', userId)
    .orderBy('language')
    .execute()
  const targetOccupations = await db
    .selectFrom('candidate_occupations as co')
    .innerJoin('occupations as o', 'o.code', 'co.occupation_code')
    .select(['o.code', 'o.label'])
    .where('co.user_id', '=', userId)
    .orderBy('o.code')
    .execute()
  const experiences = await db
    .selectFrom('candidate_experiences')
    .select(['kind', 'title', 'start_month as startMonth', 'end_month as endMonth'])
    .where('user_id', '=', userId)
    .orderBy('start_month')
    .orderBy('id')
    .execute()
  const applications = await db
    .selectFrom('applications as a')
    .innerJoin('offers as o', 'o.id', 'a.offer_id')
    .innerJoin('companies as c', 'c.id', 'o.company_id')
    .select(['o.title as offer', 'o.slug as offerSlug', 'c.name as company', 'a.created_at as appliedAt', 'a.stage',
      'a.stage_changed_at as stageChangedAt', 'a.withdrawn_at as withdrawnAt', 'a.message'])
    .where('a.candidate_id', '=', userId)
    .orderBy('a.created_at')
    .execute()
  const savedOffers = await db
    .selectFrom('saved_offers as s')
    .innerJoin('offers as o', 'o.id', 's.offer_id')
    .innerJoin('companies as c', 'c.id', 'o.company_id')
    .select(['o.title as offer', 'o.slug as offerSlug', 'c.name as company', 's.created_at as savedAt'])
    .where('s.user_id', '=', userId)
    .orderBy('s.created_at')
    .execute()
  const reports = await db
    .selectFrom('offer_reports as r')
    .innerJoin('offers as o', 'o.id', 'r.offer_id')
    .select(['o.title as offer', 'r.reason', 'r.message', 'r.created_at as createdAt', 'r.resolved_at as resolvedAt'])
    .where('r.reporter_id', '=', userId)
    .orderBy('r.created_at')
    .execute()

  const alerts = await alertsForExport(db, userId, account.email)
  const notificationPreferences = await preferencesForExport(db, userId)

  const cvBytes = profile?.cv_file ? await files.read(profile.cv_file) : null
  return {
    exportedAt: now.toISOString(),
    account: {
      email: account.email,
      displayName: account.display_name,
      role: account.role,
      createdAt: account.created_at,
      lastActiveAt: account.last_active_at,
      inactivityWarnedAt: account.inactivity_warned_at,
    },
    profile: profile
      ? {
          firstName: profile.first_name,
          lastName: profile.last_name,
          school: profile.school,
          programme: profile.programme,
          degreeLevel: profile.degree_level,
          graduationYear: profile.graduation_year,
          communeInsee: profile.commune_insee,
          commune: profile.commune,
          mobilityKm: profile.mobility_km,
          remotePreference: profile.remote_preference,
          contractTypes: JSON.parse(profile.contract_types) as string[],
          excludedContractTypes: JSON.parse(profile.excluded_contract_types) as string[],
          mobileAnywhereInFrance: profile.mobile_anywhere === 1,
          diplomaSpeciality: profile.diploma_speciality,
          internshipMonths: profile.internship_months,
          links: JSON.parse(profile.links) as string[],
          availableFrom: profile.available_from,
          bio: profile.bio,
          visibility: profile.visibility,
          consentAt: profile.consent_at,
          updatedAt: profile.updated_at,
        }
      : null,
    skills,
    languages,
    targetOccupations,
    experiences,
    applications,
    savedOffers,
    reports,
    alerts,
    notificationPreferences,
    recruiterNotes: RECRUITER_NOTES_POLICY,
    cv:
      profile?.cv_file && cvBytes
        ? { name: profile.cv_name, size: profile.cv_size, uploadedAt: profile.cv_uploaded_at, contentBase64: cvBytes.toString('base64') }
        : null,
  }
}

export type CandidateExport = NonNullable<Awaited<ReturnType<typeof exportCandidateData>>>

/**
 * Deletes a candidate's account in one transaction: their applications stay
 * for the companies' statistics but no longer say who applied nor what they
 * wrote, recruiters' notes on them go, and so does everything else that names
 * them. The CV file is removed once the rows are gone, so a failed
 * transaction never leaves a profile pointing at a missing file.
 * False when the user is not a candidate (nothing is touched).
 */
export async function deleteCandidateAccount(db: DB, files: FileStore, userId: number, now: Date): Promise<boolean> {
  const cvFile = await db.transaction().execute(async (trx) => {
    const user = await trx
      .selectFrom('users')
      .leftJoin('candidate_profiles as p', 'p.user_id', 'users.id')
      .select(['users.email', 'p.cv_file'])
      .where('users.id', '=', userId)
      .where('users.role', '=', 'candidate')
      .executeTakeFirst()
    if (!user) return undefined

    const applications = trx.selectFrom('applications').select('id').where('candidate_id', '=', userId)
    await trx.deleteFrom('application_notes').where('application_id', 'in', applications).execute()
    await trx.updateTable('applications').set({ candidate_id: null, message: '' }).where('candidate_id', '=', userId).execute()
    // Reports stay for moderation, without their author.
    await trx.updateTable('offer_reports').set({ reporter_id: null }).where('reporter_id', '=', userId).execute()
    await trx.deleteFrom('saved_offers').where('user_id', '=', userId).execute()
    await trx.deleteFrom('forum_programme_mails').where('user_id', '=', userId).execute()
    await trx.deleteFrom('candidate_languages').where('user_id', '=', userId).execute()
    await trx.deleteFrom('candidate_occupations').where('user_id', '=', userId).execute()
    await trx.deleteFrom('candidate_experiences').where('user_id', '=', userId).execute()
    await trx.deleteFrom('candidate_skills').where('user_id', '=', userId).execute()
    await trx.deleteFrom('candidate_profiles').where('user_id', '=', userId).execute()
    // The profile leaves the index (and the outbox tells any other engine) in this same transaction.
    await indexProfile(trx, userId)
    await trx.deleteFrom('sessions').where('user_id', '=', userId).execute()
    await trx.deleteFrom('password_resets').where('user_id', '=', userId).execute()
    // Rate-limit keys hold the e-mail address or the id.
    await trx
      .deleteFrom('rate_limit_events')
      .where('key', 'in', [`login:${user.email}`, `reset:${user.email}`, `delete-account:${userId}`, `change-password:${userId}`])
      .execute()
    // Alerts made as a visitor with the same address go too (the account's own go by cascade).
    await trx.deleteFrom('alerts').where('email', '=', user.email).execute()
    // An invitation addressed to them carries the address too.
    await trx.deleteFrom('company_invitations').where('email', '=', user.email).execute()
    await trx.deleteFrom('users').where('id', '=', userId).where('role', '=', 'candidate').execute()
    return user.cv_file
  })
  if (cvFile === undefined) return false
  if (cvFile) await files.discard(cvFile)
  return true
}
