import type { DB } from '../connection.ts'

/**
 * Forums as the public and the candidates see them. A draft forum is nobody's
 * business but its organiser's; a candidate's registration and wishes are
 * always read and written with `candidate_id = ` the signed-in candidate.
 */

export function listPublicForums(db: DB) {
  return db
    .selectFrom('forums as f')
    .innerJoin('communes as c', 'c.insee', 'f.commune_insee')
    .select(['f.slug', 'f.name', 'f.date', 'f.status', 'f.venue', 'c.name as commune_name'])
    .where('f.status', '!=', 'draft')
    .orderBy('f.date', 'desc')
    .execute()
}

export function findPublicForum(db: DB, slug: string) {
  return db
    .selectFrom('forums as f')
    .innerJoin('communes as c', 'c.insee', 'f.commune_insee')
    .select(['f.id', 'f.slug', 'f.name', 'f.date', 'f.venue', 'f.opens_at', 'f.closes_at', 'f.status', 'c.name as commune_name'])
    .where('f.slug', '=', slug)
    .where('f.status', '!=', 'draft')
    .executeTakeFirst()
}

/** The companies that accepted, with the offers they bring (still published). */
export async function listForumCompanies(db: DB, forumId: number) {
  const [companies, offers] = await Promise.all([
    db.selectFrom('forum_companies as fc').innerJoin('companies as co', 'co.id', 'fc.company_id')
      .select(['co.id', 'co.slug', 'co.name']).where('fc.forum_id', '=', forumId).where('fc.status', '=', 'accepted')
      .orderBy('co.name').execute(),
    db.selectFrom('forum_offers as fo').innerJoin('offers as o', 'o.id', 'fo.offer_id')
      .innerJoin('forum_companies as fc', (j) => j.onRef('fc.forum_id', '=', 'fo.forum_id').onRef('fc.company_id', '=', 'fo.company_id'))
      .select(['fo.company_id', 'o.slug', 'o.title']).where('fo.forum_id', '=', forumId).where('fc.status', '=', 'accepted')
      .where('o.status', '=', 'published').orderBy('o.title').execute(),
  ])
  return companies.map((c) => ({ ...c, offers: offers.filter((o) => o.company_id === c.id) }))
}

/** The candidate's own registration to the forum, with the companies they wish to meet. */
export async function findOwnRegistration(db: DB, candidateId: number, forumId: number) {
  const registration = await db.selectFrom('forum_candidates').select(['source', 'consent_at', 'registered_at'])
    .where('forum_id', '=', forumId).where('candidate_id', '=', candidateId).executeTakeFirst()
  if (!registration) return undefined
  const wishes = await db.selectFrom('forum_wishes').select('company_id')
    .where('forum_id', '=', forumId).where('candidate_id', '=', candidateId).where('by', '=', 'candidate').execute()
  return { ...registration, wishedCompanyIds: wishes.map((w) => w.company_id) }
}

export function hasProfile(db: DB, candidateId: number) {
  return db.selectFrom('candidate_profiles').select('user_id').where('user_id', '=', candidateId).executeTakeFirst()
    .then((row) => row !== undefined)
}

export type RegistrationOutcome = 'done' | 'not-open' | 'no-profile'

/**
 * Registers the candidate with their consent, now. An existing registration
 * (from a school's import) is confirmed rather than duplicated.
 */
export async function registerForForum(db: DB, candidateId: number, forumId: number, now: Date): Promise<RegistrationOutcome> {
  return db.transaction().execute(async (trx) => {
    const forum = await trx.selectFrom('forums').select('status').where('id', '=', forumId).executeTakeFirst()
    if (forum?.status !== 'open') return 'not-open'
    const profile = await trx.selectFrom('candidate_profiles').select('user_id').where('user_id', '=', candidateId).executeTakeFirst()
    if (!profile) return 'no-profile'
    await trx.insertInto('forum_candidates')
      .values({ forum_id: forumId, candidate_id: candidateId, source: 'self', registered_at: now.toISOString(), consent_at: now.toISOString() })
      .onConflict((oc) => oc.columns(['forum_id', 'candidate_id']).doUpdateSet({ consent_at: now.toISOString() }))
      .execute()
    return 'done'
  })
}

/** Confirms a registration made by an import; false if the candidate was not registered. */
export async function confirmRegistration(db: DB, candidateId: number, forumId: number, now: Date): Promise<boolean> {
  const result = await db.updateTable('forum_candidates').set({ consent_at: now.toISOString() })
    .where('forum_id', '=', forumId).where('candidate_id', '=', candidateId).where('consent_at', 'is', null)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

/** Withdraws the candidate from the forum, with every wish about them: the companies no longer see them. */
export async function unregisterFromForum(db: DB, candidateId: number, forumId: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('forum_wishes').where('forum_id', '=', forumId).where('candidate_id', '=', candidateId).execute()
    await trx.deleteFrom('forum_candidates').where('forum_id', '=', forumId).where('candidate_id', '=', candidateId).execute()
  })
}

/**
 * The companies a confirmed candidate wishes to meet, replaced as a whole
 * (the page sends every checked box). Only accepted companies of an open
 * forum; false if the candidate may not wish (not registered, not confirmed).
 */
export async function setCandidateWishes(
  db: DB, candidateId: number, forumId: number, companyIds: number[], now: Date,
): Promise<'done' | 'not-allowed' | 'unknown-company'> {
  return db.transaction().execute(async (trx) => {
    const allowed = await trx.selectFrom('forum_candidates as fc').innerJoin('forums as f', 'f.id', 'fc.forum_id').select('f.id')
      .where('fc.forum_id', '=', forumId).where('fc.candidate_id', '=', candidateId)
      .where('fc.consent_at', 'is not', null).where('f.status', '=', 'open').executeTakeFirst()
    if (!allowed) return 'not-allowed'
    const wanted = [...new Set(companyIds)]
    if (wanted.length) {
      const accepted = await trx.selectFrom('forum_companies').select('company_id')
        .where('forum_id', '=', forumId).where('status', '=', 'accepted').where('company_id', 'in', wanted).execute()
      if (accepted.length !== wanted.length) return 'unknown-company'
    }
    await trx.deleteFrom('forum_wishes').where('forum_id', '=', forumId).where('candidate_id', '=', candidateId)
      .where('by', '=', 'candidate').execute()
    if (wanted.length) {
      await trx.insertInto('forum_wishes')
        .values(wanted.map((companyId) => ({ forum_id: forumId, company_id: companyId, candidate_id: candidateId, by: 'candidate' as const,
          created_at: now.toISOString() })))
        .execute()
    }
    return 'done'
  })
}
