import { test as base } from '@playwright/test'
import { openDatabase, type DB } from '#db/connection.ts'
import { createTestCandidate, createTestCompany, createTestOffer, type TestCandidateInput } from '#db/seed/index.ts'
import { indexOffer } from '#search/embedded/offer-index.ts'
import { indexProfile } from '#search/embedded/profile-index.ts'
import { hashPassword } from '../app/utils/password.server.ts'
import { E2E_DATABASE_PATH } from '../playwright.config.ts'

type OfferFields = Omit<Parameters<typeof createTestOffer>[1], 'companyId'>
type Seeder = {
  company(fields: Parameters<typeof createTestCompany>[1]): Promise<{ id: number; slug: string; name: string }>
  offer(companyId: number, fields: OfferFields): Promise<{ id: number; slug: string; title: string }>
  /** An existing recruiter account owning the company; signs in with SEEDED_PASSWORD. */
  recruiter(companyId: number, fields: { name: string; email: string }): Promise<{ id: number; email: string }>
  /** An existing candidate account with a profile (private unless asked); signs in with SEEDED_PASSWORD. */
  candidate(fields: TestCandidateInput & { email: string }): Promise<{ id: number; email: string }>
}

/** The password of the accounts `seed` creates (accounts that exist before the test, as a user's would). */
export const SEEDED_PASSWORD = 'le beffroi de Calais'
let seededHash: Promise<string> | undefined
const passwordHash = () => (seededHash ??= hashPassword(SEEDED_PASSWORD))

/**
 * Each test writes its own companies and offers into the server's database
 * file (the server sees them through the search outbox) and removes them after.
 */
export const test = base.extend<{ seed: Seeder }, { db: DB }>({
  db: [
    async ({}, use) => {
      const { db } = openDatabase(E2E_DATABASE_PATH)
      await use(db)
      await db.destroy()
    },
    { scope: 'worker' },
  ],
  seed: async ({ db }, use) => {
    const offers: number[] = []
    const companies: number[] = []
    const users: number[] = []
    const withPassword = async (id: number) => {
      users.push(id)
      await retryingWrite(async () => db.updateTable('users').set({ password_hash: await passwordHash() }).where('id', '=', id).execute())
    }
    await use({
      async company(fields) {
        const company = await retryingWrite(() => createTestCompany(db, fields))
        companies.push(company.id)
        return company
      },
      async offer(companyId, fields) {
        const offer = await retryingWrite(() => createTestOffer(db, { companyId, ...fields }))
        offers.push(offer.id)
        return offer
      },
      async recruiter(companyId, { name, email }) {
        const now = new Date().toISOString()
        const user = await retryingWrite(() => db.insertInto('users')
          .values({ email, password_hash: 'not-a-hash', display_name: name, role: 'recruiter', created_at: now, last_active_at: now })
          .returning('id').executeTakeFirstOrThrow())
        await withPassword(user.id)
        await retryingWrite(() => db.insertInto('company_members').values({ company_id: companyId, user_id: user.id, role: 'owner', created_at: now }).execute())
        return { id: user.id, email }
      },
      async candidate(fields) {
        const candidate = await retryingWrite(() => createTestCandidate(db, fields))
        await withPassword(candidate.id)
        return candidate
      },
    })
    await retryingWrite(() => db.transaction().execute(async (trx) => {
      for (const id of offers) {
        await trx.deleteFrom('offers').where('id', '=', id).execute()
        await indexOffer(trx, id)
      }
      if (companies.length) await trx.deleteFrom('companies').where('id', 'in', companies).execute()
      if (users.length) await trx.deleteFrom('users').where('id', 'in', users).execute()
      // A deleted candidate leaves the profile index too.
      for (const id of users) await indexProfile(trx, id)
    }))
  },
})

export { expect } from '@playwright/test'

/** A word no demo offer contains, so a test finds exactly its own rows. */
export function uniqueWord(prefix: string): string {
  return `${prefix}${Math.random().toString(36).slice(2, 8).replace(/\d/g, 'x')}`
}

/**
 * Runs a factory writing to the server's database again if a concurrent
 * writer (the server, another worker) made it fail: the factories' ids are
 * read inside their transaction, so a race fails rather than collides.
 */
export async function retryingWrite<T>(write: () => Promise<T>, attempts = 10): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write()
    } catch (error) {
      const code = (error as { code?: string }).code ?? ''
      if (attempt >= attempts || !/^SQLITE_(BUSY|CONSTRAINT)/.test(code)) throw error
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt))
    }
  }
}
