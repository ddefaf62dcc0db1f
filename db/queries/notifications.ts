import type { DB } from '../connection.ts'

/**
 * What the notification mails need, read in one query each. Every query
 * names the application, the company or the candidate it is about.
 */

/** An application with its offer, company and candidate, for the mails about it. */
export function applicationForMail(db: DB, applicationId: number) {
  return db
    .selectFrom('applications as a')
    .innerJoin('offers as o', 'o.id', 'a.offer_id')
    .innerJoin('companies as c', 'c.id', 'o.company_id')
    .leftJoin('users as u', 'u.id', 'a.candidate_id')
    .leftJoin('candidate_profiles as p', 'p.user_id', 'a.candidate_id')
    .leftJoin('notification_preferences as np', 'np.user_id', 'a.candidate_id')
    .select([
      'a.id', 'a.stage', 'a.candidate_id as candidateId', 'o.id as offerId', 'o.title as offerTitle', 'o.slug as offerSlug',
      'c.id as companyId', 'c.name as companyName', 'u.email as candidateEmail', 'u.display_name as candidateName',
      'p.first_name as firstName', 'p.last_name as lastName', 'np.application_updates as candidateUpdates',
    ])
    .where('a.id', '=', applicationId)
    .executeTakeFirst()
}

/** The company's members who want each new application at once (no preference row: the default, at once). */
export function recruitersToNotifyNow(db: DB, companyId: number) {
  return db
    .selectFrom('company_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .leftJoin('notification_preferences as np', 'np.user_id', 'm.user_id')
    .select(['u.id', 'u.email', 'u.display_name as name'])
    .where('m.company_id', '=', companyId)
    .where((eb) => eb.or([eb('np.new_applications', 'is', null), eb('np.new_applications', '=', 'immediate')]))
    .orderBy('u.id')
    .execute()
}

/** Recruiters on the daily digest whose last digest is a day old (or who never had one). */
export function recruitersDueForDigest(db: DB, now: Date) {
  const dayAgo = new Date(now.getTime() - 23 * 3_600_000).toISOString()
  return db
    .selectFrom('notification_preferences as np')
    .innerJoin('users as u', 'u.id', 'np.user_id')
    .select(['u.id', 'u.email', 'u.display_name as name', 'np.digest_until as digestUntil'])
    .where('np.new_applications', '=', 'daily')
    .where((eb) => eb.or([eb('np.digest_until', 'is', null), eb('np.digest_until', '<=', dayAgo)]))
    .execute()
}

/** Applications received by the recruiter's companies in (after, until]. */
export function applicationsForDigest(db: DB, userId: number, after: string | null, until: string) {
  let query = db
    .selectFrom('applications as a')
    .innerJoin('offers as o', 'o.id', 'a.offer_id')
    .innerJoin('companies as c', 'c.id', 'o.company_id')
    .innerJoin('company_members as m', (join) => join.onRef('m.company_id', '=', 'c.id').on('m.user_id', '=', userId))
    .leftJoin('candidate_profiles as p', 'p.user_id', 'a.candidate_id')
    .select(['a.id', 'a.created_at as createdAt', 'o.title as offerTitle', 'c.name as companyName', 'p.first_name as firstName', 'p.last_name as lastName'])
    .where('a.created_at', '<=', until)
    // Withdrawn before the digest went: the company no longer sees who it was (decision 011).
    .where('a.withdrawn_at', 'is', null)
    .orderBy('a.created_at')
    .limit(200)
  if (after) query = query.where('a.created_at', '>', after)
  return query.execute()
}

/**
 * Candidates with interviews at a forum held on `day` (YYYY-MM-DD) who have not been reminded and want reminders. The
 * programme itself is the one the candidate's page shows (findCandidateProgramme), read per candidate by the job.
 */
export async function forumRemindersDue(db: DB, day: string) {
  return db
    .selectFrom('forums as f')
    .innerJoin('forum_interviews as i', 'i.forum_id', 'f.id')
    .innerJoin('users as u', 'u.id', 'i.candidate_id')
    .leftJoin('notification_preferences as np', 'np.user_id', 'i.candidate_id')
    .leftJoin('forum_reminders as r', (join) => join.onRef('r.forum_id', '=', 'f.id').onRef('r.candidate_id', '=', 'i.candidate_id'))
    .select(['f.id as forumId', 'f.slug', 'i.candidate_id as candidateId', 'u.email', 'u.display_name as name'])
    .distinct()
    .where('f.date', '=', day)
    .where('f.status', '!=', 'draft')
    .where('r.candidate_id', 'is', null)
    .where((eb) => eb.or([eb('np.forum_reminders', 'is', null), eb('np.forum_reminders', '=', 1)]))
    .orderBy('f.id')
    .orderBy('i.candidate_id')
    .execute()
}
