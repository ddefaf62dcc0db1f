import type { DB } from '../connection.ts'

/**
 * Forums as the invited companies' recruiters see them. Every query names the
 * user and joins company_members: a recruiter reaches only the invitations,
 * offers and wishes of companies they belong to.
 */

/** The invitations of every company the user belongs to, newest forum first. */
export function listMemberForumInvitations(db: DB, userId: number) {
  return db
    .selectFrom('forum_companies as fc')
    .innerJoin('company_members as m', 'm.company_id', 'fc.company_id')
    .innerJoin('companies as co', 'co.id', 'fc.company_id')
    .innerJoin('forums as f', 'f.id', 'fc.forum_id')
    .innerJoin('communes as c', 'c.insee', 'f.commune_insee')
    .select(['f.slug', 'f.name', 'f.date', 'f.status as forum_status', 'c.name as commune_name', 'co.name as company_name', 'fc.status'])
    .where('m.user_id', '=', userId)
    .where('f.status', '!=', 'draft')
    .orderBy('f.date', 'desc')
    .execute()
}

/** One forum and the user's companies invited to it (none: the forum is out of reach). */
export async function findMemberForum(db: DB, userId: number, forumSlug: string) {
  const rows = await db
    .selectFrom('forum_companies as fc')
    .innerJoin('company_members as m', 'm.company_id', 'fc.company_id')
    .innerJoin('companies as co', 'co.id', 'fc.company_id')
    .innerJoin('forums as f', 'f.id', 'fc.forum_id')
    .innerJoin('communes as c', 'c.insee', 'f.commune_insee')
    .select([
      'f.id', 'f.slug', 'f.name', 'f.date', 'f.venue', 'f.opens_at', 'f.closes_at', 'f.status', 'c.name as commune_name',
      'co.id as company_id', 'co.name as company_name', 'fc.status as invitation',
    ])
    .where('f.slug', '=', forumSlug)
    .where('m.user_id', '=', userId)
    // A draft is the organiser's work in progress: invitations show once it is open.
    .where('f.status', '!=', 'draft')
    .orderBy('co.name')
    .execute()
  if (rows.length === 0) return undefined
  const { company_id: _c, company_name: _n, invitation: _i, ...forum } = rows[0]!
  return { forum, companies: rows.map((r) => ({ id: r.company_id, name: r.company_name, invitation: r.invitation })) }
}

/** The company's published offers, and which of them it brings to the forum. */
export function listCompanyOffersForForum(db: DB, userId: number, forumId: number, companyId: number) {
  return db
    .selectFrom('offers as o')
    .innerJoin('company_members as m', 'm.company_id', 'o.company_id')
    .leftJoin('forum_offers as fo', (j) => j.onRef('fo.offer_id', '=', 'o.id').on('fo.forum_id', '=', forumId))
    .select(['o.id', 'o.title', 'fo.offer_id as brought'])
    .where('o.company_id', '=', companyId)
    .where('m.user_id', '=', userId)
    .where('o.status', '=', 'published')
    .orderBy('o.title')
    .execute()
}

export type AnswerOutcome = 'done' | 'not-found' | 'closed' | 'unknown-offer'

/**
 * Accepts (with the offers brought) or declines, in one transaction. The
 * offers must be the company's own published ones; once the forum is closed
 * nothing changes any more. Declining withdraws the offers and the wishes.
 */
export async function answerForumInvitation(
  db: DB,
  userId: number,
  forumId: number,
  companyId: number,
  answer: { accept: true; offerIds: number[] } | { accept: false },
  now: Date,
): Promise<AnswerOutcome> {
  return db.transaction().execute(async (trx) => {
    const invitation = await trx
      .selectFrom('forum_companies as fc')
      .innerJoin('company_members as m', 'm.company_id', 'fc.company_id')
      .innerJoin('forums as f', 'f.id', 'fc.forum_id')
      .select(['f.status'])
      .where('fc.forum_id', '=', forumId)
      .where('fc.company_id', '=', companyId)
      .where('m.user_id', '=', userId)
      .where('f.status', '!=', 'draft')
      .executeTakeFirst()
    if (!invitation) return 'not-found'
    if (invitation.status === 'closed') return 'closed'
    const offerIds = answer.accept ? [...new Set(answer.offerIds)] : []
    if (offerIds.length) {
      const own = await trx.selectFrom('offers').select('id')
        .where('id', 'in', offerIds).where('company_id', '=', companyId).where('status', '=', 'published').execute()
      if (own.length !== offerIds.length) return 'unknown-offer'
    }
    await trx.updateTable('forum_companies')
      .set({ status: answer.accept ? 'accepted' : 'declined', answered_at: now.toISOString() })
      .where('forum_id', '=', forumId).where('company_id', '=', companyId).execute()
    await trx.deleteFrom('forum_offers').where('forum_id', '=', forumId).where('company_id', '=', companyId).execute()
    if (offerIds.length) {
      await trx.insertInto('forum_offers').values(offerIds.map((id) => ({ forum_id: forumId, company_id: companyId, offer_id: id }))).execute()
    }
    if (!answer.accept) {
      await trx.deleteFrom('forum_wishes').where('forum_id', '=', forumId).where('company_id', '=', companyId).execute()
    }
    return 'done'
  })
}

/**
 * The forum's confirmed candidates, as an accepted company may see them:
 * first name and initial, training and skills, never the e-mail nor the
 * full name; with whether the company (or the candidate) wishes to meet.
 */
export async function listForumCandidatesForCompany(db: DB, userId: number, forumId: number, companyId: number) {
  const rows = await db
    .selectFrom('forum_candidates as fca')
    .innerJoin('candidate_profiles as p', 'p.user_id', 'fca.candidate_id')
    .innerJoin('forum_companies as fc', (j) => j.onRef('fc.forum_id', '=', 'fca.forum_id').on('fc.company_id', '=', companyId))
    .innerJoin('company_members as m', 'm.company_id', 'fc.company_id')
    .leftJoin('forum_wishes as wc', (j) =>
      j.onRef('wc.forum_id', '=', 'fca.forum_id').onRef('wc.candidate_id', '=', 'fca.candidate_id')
        .onRef('wc.company_id', '=', 'fc.company_id').on('wc.by', '=', 'company'))
    .leftJoin('forum_wishes as wk', (j) =>
      j.onRef('wk.forum_id', '=', 'fca.forum_id').onRef('wk.candidate_id', '=', 'fca.candidate_id')
        .onRef('wk.company_id', '=', 'fc.company_id').on('wk.by', '=', 'candidate'))
    .select(['fca.candidate_id as id', 'p.first_name', 'p.last_name', 'p.programme', 'p.school', 'wc.by as wished', 'wk.by as wishes_us'])
    .where('fca.forum_id', '=', forumId)
    .where('fca.consent_at', 'is not', null)
    .where('fc.status', '=', 'accepted')
    .where('m.user_id', '=', userId)
    .orderBy('p.first_name')
    .orderBy('fca.candidate_id')
    .execute()
  const skills = rows.length
    ? await db.selectFrom('candidate_skills as cs').innerJoin('skills as s', 's.id', 'cs.skill_id')
      .select(['cs.user_id', 's.name', 'cs.level']).where('cs.user_id', 'in', rows.map((r) => r.id))
      .orderBy('cs.level', 'desc').orderBy('s.name').execute()
    : []
  return rows.map(({ last_name, wished, wishes_us, ...r }) => ({
    ...r,
    initial: last_name.trim().charAt(0).toUpperCase(),
    wished: wished !== null,
    wishesUs: wishes_us !== null,
    skills: skills.filter((s) => s.user_id === r.id).map((s) => ({ name: s.name, level: s.level })),
  }))
}

/** An accepted company marks (or unmarks) a confirmed candidate it wants to meet; false if out of reach. */
export async function setCompanyWish(
  db: DB, userId: number, forumId: number, companyId: number, candidateId: number, wish: boolean, now: Date,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const allowed = await trx
      .selectFrom('forum_companies as fc')
      .innerJoin('company_members as m', 'm.company_id', 'fc.company_id')
      .innerJoin('forums as f', 'f.id', 'fc.forum_id')
      .innerJoin('forum_candidates as fca', (j) => j.onRef('fca.forum_id', '=', 'fc.forum_id').on('fca.candidate_id', '=', candidateId))
      .select('fc.forum_id')
      .where('fc.forum_id', '=', forumId).where('fc.company_id', '=', companyId).where('fc.status', '=', 'accepted')
      .where('m.user_id', '=', userId).where('f.status', '=', 'open').where('fca.consent_at', 'is not', null)
      .executeTakeFirst()
    if (!allowed) return false
    if (wish) {
      await trx.insertInto('forum_wishes')
        .values({ forum_id: forumId, company_id: companyId, candidate_id: candidateId, by: 'company', created_at: now.toISOString() })
        .onConflict((oc) => oc.doNothing()).execute()
    } else {
      await trx.deleteFrom('forum_wishes').where('forum_id', '=', forumId).where('company_id', '=', companyId)
        .where('candidate_id', '=', candidateId).where('by', '=', 'company').execute()
    }
    return true
  })
}
