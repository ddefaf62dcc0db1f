import type { DB } from '../connection.ts'
import type { ApplicationMailMode } from '../domain.ts'

/** What an account receives by e-mail; no row means the defaults below. */
export type NotificationPreferences = {
  newApplications: ApplicationMailMode
  applicationUpdates: boolean
  forumReminders: boolean
}
export const DEFAULT_PREFERENCES: NotificationPreferences = { newApplications: 'immediate', applicationUpdates: true, forumReminders: true }

export async function findPreferences(db: DB, userId: number): Promise<NotificationPreferences> {
  const row = await db
    .selectFrom('notification_preferences')
    .select(['new_applications', 'application_updates', 'forum_reminders'])
    .where('user_id', '=', userId)
    .executeTakeFirst()
  if (!row) return DEFAULT_PREFERENCES
  return { newApplications: row.new_applications, applicationUpdates: row.application_updates === 1, forumReminders: row.forum_reminders === 1 }
}

export async function savePreferences(db: DB, userId: number, preferences: NotificationPreferences, now: Date): Promise<void> {
  const values = {
    new_applications: preferences.newApplications,
    application_updates: preferences.applicationUpdates ? 1 : 0,
    forum_reminders: preferences.forumReminders ? 1 : 0,
    updated_at: now.toISOString(),
  }
  await db
    .insertInto('notification_preferences')
    // A recruiter moving to the daily digest starts it now: what came before was mailed already.
    .values({ user_id: userId, digest_until: now.toISOString(), ...values })
    .onConflict((oc) => oc.column('user_id').doUpdateSet(values))
    .execute()
}

export async function preferencesForExport(db: DB, userId: number) {
  const row = await db
    .selectFrom('notification_preferences')
    .select(['new_applications as newApplications', 'application_updates as applicationUpdates', 'forum_reminders as forumReminders', 'updated_at as updatedAt'])
    .where('user_id', '=', userId)
    .executeTakeFirst()
  return row
    ? { ...row, applicationUpdates: row.applicationUpdates === 1, forumReminders: row.forumReminders === 1 }
    : { ...DEFAULT_PREFERENCES, updatedAt: null }
}
