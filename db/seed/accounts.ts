import { hash } from '@node-rs/argon2'
import type { DB } from '../connection.ts'
import type { UserRole } from '../domain.ts'

/** Demo-only credentials, printed in the README. Never seeded outside the demo. */
export const DEMO_PASSWORD = 'passerelle-demo'
export const DEMO_ACCOUNTS: { email: string; displayName: string; role: UserRole }[] = [
  { email: 'candidate@demo.passerelle.fr', displayName: 'Inès Delattre', role: 'candidate' },
  { email: 'recruteur@demo.passerelle.fr', displayName: 'Hugo Lefebvre', role: 'recruiter' },
  { email: 'organisation@demo.passerelle.fr', displayName: 'Claire Vasseur', role: 'organiser' },
  { email: 'admin@demo.passerelle.fr', displayName: 'Admin Passerelle', role: 'admin' },
]

/** One account per role; the recruiter owns the first demo company. */
export async function seedDemoAccounts(db: DB, now: Date): Promise<void> {
  const passwordHash = await hash(DEMO_PASSWORD)
  await db.transaction().execute(async (trx) => {
    for (const account of DEMO_ACCOUNTS) {
      const user = await trx
        .insertInto('users')
        .values({
          email: account.email,
          password_hash: passwordHash,
          display_name: account.displayName,
          role: account.role,
          created_at: now.toISOString(),
          last_active_at: now.toISOString(),
        })
        .onConflict((oc) => oc.column('email').doNothing())
        .returning('id')
        .executeTakeFirst()
      if (!user || account.role !== 'recruiter') continue
      const company = await trx.selectFrom('companies').select('id').orderBy('id').executeTakeFirst()
      if (company) {
        await trx
          .insertInto('company_members')
          .values({ company_id: company.id, user_id: user.id, role: 'owner', created_at: now.toISOString() })
          .execute()
      }
    }
  })
}
