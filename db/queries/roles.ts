import type { DB } from '../connection.ts'

/** The roles an admin (or `npm run user:role`) appoints; nobody picks them at sign-up. */
export const APPOINTED_ROLES = ['organiser', 'admin'] as const
export type AppointedRole = (typeof APPOINTED_ROLES)[number]

/** Organisers and admins, for the admin page. */
export function listAppointedAccounts(db: DB) {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'display_name', 'role'])
    .where('role', 'in', APPOINTED_ROLES)
    .orderBy('role')
    .orderBy('email')
    .execute()
}

export async function appointRole(db: DB, userId: number, role: AppointedRole): Promise<void> {
  await db.updateTable('users').set({ role }).where('id', '=', userId).execute()
}

/**
 * Takes an appointed role back: the account becomes what it would be on its
 * own, a recruiter if it belongs to a company, a candidate otherwise. The
 * last admin is never removed (nobody could appoint one again from the site).
 */
export async function removeAppointedRole(db: DB, userId: number): Promise<'removed' | 'last-admin' | 'not-appointed'> {
  return db.transaction().execute(async (trx) => {
    const user = await trx.selectFrom('users').select('role').where('id', '=', userId).executeTakeFirst()
    if (!user || (user.role !== 'organiser' && user.role !== 'admin')) return 'not-appointed'
    if (user.role === 'admin') {
      const { admins } = await trx.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('admins')).where('role', '=', 'admin').executeTakeFirstOrThrow()
      if (admins <= 1) return 'last-admin'
    }
    const member = await trx.selectFrom('company_members').select('user_id').where('user_id', '=', userId).executeTakeFirst()
    await trx.updateTable('users').set({ role: member ? 'recruiter' : 'candidate' }).where('id', '=', userId).execute()
    return 'removed'
  })
}
