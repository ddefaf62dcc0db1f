import type { DB } from '#db/connection.ts'
import { createSession, createUser } from '#db/queries/accounts.ts'
import type { UserRole } from '#db/domain.ts'
import { sessionCookieHeader } from './session.server.ts'

/**
 * For tests that call loaders and actions directly: a signed-in user of any
 * role, optionally a member of a company, and the Cookie header of their session.
 */
export async function sessionCookieFor(db: DB, userId: number): Promise<string> {
  return sessionCookieHeader((await createSession(db, userId, new Date())).token)
}

export async function signedInUser(
  db: DB,
  { email, role, companyId }: { email: string; role: UserRole; companyId?: number },
): Promise<{ id: number; cookie: string }> {
  const user = await createUser(db, { email, passwordHash: 'not-a-hash', displayName: email, role }, new Date())
  if (user === 'email-taken') throw new Error(`Test user ${email} exists already`)
  if (companyId) {
    await db.insertInto('company_members').values({ company_id: companyId, user_id: user.id, role: 'owner', created_at: new Date().toISOString() }).execute()
  }
  return { id: user.id, cookie: await sessionCookieFor(db, user.id) }
}
