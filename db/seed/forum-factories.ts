import type { DB } from '../connection.ts'
import { nextId } from './next-id.ts'

/** Rows for forum tests: a forum (open unless asked), and one-call helpers for its companies and candidates. */

export type TestForumInput = {
  organiserId: number | null
  name?: string
  status?: 'draft' | 'open' | 'closed'
  date?: string
  slotMinutes?: number
}

export async function createTestForum(db: DB, input: TestForumInput): Promise<{ id: number; slug: string; name: string }> {
  return db.transaction().execute(async (trx) => {
    const id = await nextId(trx, 'forums')
    const now = new Date().toISOString()
    const name = input.name ?? `Forum test ${id}`
    return trx
      .insertInto('forums')
      .values({
        id, slug: `forum-test-${id}`, name, organiser_id: input.organiserId, date: input.date ?? '2027-03-12',
        commune_insee: '62193', venue: 'Halle test', opens_at: '09:00', closes_at: '17:00',
        slot_minutes: input.slotMinutes ?? 20, tables_per_company: 1, max_interviews_per_candidate: 6,
        status: input.status ?? 'open', created_at: now, updated_at: now,
      })
      .returning(['id', 'slug', 'name'])
      .executeTakeFirstOrThrow()
  })
}

export async function addTestForumCompany(
  db: DB, forumId: number, companyId: number, status: 'invited' | 'accepted' | 'declined' = 'accepted', offerIds: number[] = [],
): Promise<void> {
  const now = new Date().toISOString()
  await db.insertInto('forum_companies').values({ forum_id: forumId, company_id: companyId, status, invited_at: now }).execute()
  if (offerIds.length) {
    await db.insertInto('forum_offers').values(offerIds.map((offerId) => ({ forum_id: forumId, company_id: companyId, offer_id: offerId }))).execute()
  }
}

export async function addTestForumCandidate(db: DB, forumId: number, candidateId: number, consented = true): Promise<void> {
  const now = new Date().toISOString()
  await db.insertInto('forum_candidates')
    .values({ forum_id: forumId, candidate_id: candidateId, source: consented ? 'self' : 'import', registered_at: now, consent_at: consented ? now : null })
    .execute()
}
