import { rebuildProfileIndex } from '#search/embedded/profile-index.ts'
import type { DB } from './connection.ts'
import { migrateToLatest } from './migrate.ts'
import { seedDemoAccounts } from './seed/accounts.ts'
import { seedDemoApplications } from './seed/demo-applications.ts'
import { seedDemoForum } from './seed/demo-forum.ts'
import { DEMO_SCALE, seedDemo } from './seed/index.ts'
import { seedReferenceData } from './seed/reference.ts'

/**
 * Brings a database file to a usable state: schema migrated, reference data
 * (region, communes, skills) present, and demo data when asked and empty.
 */
export async function prepareDatabase(db: DB, options: { demo: boolean; region?: string }): Promise<{ seeded: boolean }> {
  await migrateToLatest(db)
  await seedReferenceData(db, options.region)
  if (!options.demo) return { seeded: false }
  const { count } = await db.selectFrom('offers').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow()
  if (count > 0) return { seeded: false }
  await seedDemo(db, DEMO_SCALE)
  // The demo companies are the cluster's known members, except those whose offers still wait for moderation:
  // they give the admin a real queue. The first company (the demo recruiter's) is verified whatever it holds.
  await db
    .updateTable('companies')
    .set((eb) => ({ verified_at: eb.ref('created_at') }))
    .where((eb) =>
      eb.or([
        eb('id', '=', eb.selectFrom('companies').select((e) => e.fn.min('id').as('first'))),
        eb.not(eb.exists(eb.selectFrom('offers').select('offers.id').whereRef('offers.company_id', '=', 'companies.id').where('offers.status', '=', 'pending'))),
      ]),
    )
    .execute()
  const now = new Date()
  await seedDemoAccounts(db, now)
  await seedDemoApplications(db, now)
  await seedDemoForum(db, now)
  await rebuildProfileIndex(db)
  return { seeded: true }
}
