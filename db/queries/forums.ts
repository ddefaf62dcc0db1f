import { sql } from 'kysely'
import type { DB } from '../connection.ts'
import { slugify } from '../identifiers.ts'

/**
 * Forums as their organisers see them. Every query names the organiser: an
 * organiser reaches only the forums whose organiser_id is theirs; admins,
 * who run the board, reach every forum.
 */

export type Organiser = { id: number; role: string }

export type ForumInput = {
  name: string
  date: string
  communeInsee: string
  venue: string
  opensAt: string
  closesAt: string
  slotMinutes: number
  tablesPerCompany: number
  maxInterviewsPerCandidate: number
}

function organisedBy(organiser: Organiser) {
  return organiser.role === 'admin' ? sql<boolean>`1 = 1` : sql<boolean>`f.organiser_id = ${organiser.id}`
}

export function listOrganiserForums(db: DB, organiser: Organiser) {
  return db
    .selectFrom('forums as f')
    .innerJoin('communes as c', 'c.insee', 'f.commune_insee')
    .select(['f.id', 'f.slug', 'f.name', 'f.date', 'f.status', 'c.name as commune_name'])
    .where(organisedBy(organiser))
    .orderBy('f.date', 'desc')
    .orderBy('f.id', 'desc')
    .execute()
}

export function findOrganiserForum(db: DB, organiser: Organiser, slug: string) {
  return db
    .selectFrom('forums as f')
    .innerJoin('communes as c', 'c.insee', 'f.commune_insee')
    .select([
      'f.id', 'f.slug', 'f.name', 'f.date', 'f.commune_insee', 'f.venue', 'f.opens_at', 'f.closes_at', 'f.slot_minutes',
      'f.tables_per_company', 'f.max_interviews_per_candidate', 'f.status', 'c.name as commune_name',
    ])
    .where('f.slug', '=', slug)
    .where(organisedBy(organiser))
    .executeTakeFirst()
}

export function forumInputOf(forum: NonNullable<Awaited<ReturnType<typeof findOrganiserForum>>>): ForumInput {
  return {
    name: forum.name,
    date: forum.date,
    communeInsee: forum.commune_insee,
    venue: forum.venue,
    opensAt: forum.opens_at,
    closesAt: forum.closes_at,
    slotMinutes: forum.slot_minutes,
    tablesPerCompany: forum.tables_per_company,
    maxInterviewsPerCandidate: forum.max_interviews_per_candidate,
  }
}

function columnsOf(input: ForumInput) {
  return {
    name: input.name,
    date: input.date,
    commune_insee: input.communeInsee,
    venue: input.venue,
    opens_at: input.opensAt,
    closes_at: input.closesAt,
    slot_minutes: input.slotMinutes,
    tables_per_company: input.tablesPerCompany,
    max_interviews_per_candidate: input.maxInterviewsPerCandidate,
  }
}

/** A new draft forum; its slug is its name and date, numbered if taken. */
export async function createForum(db: DB, organiserId: number, input: ForumInput, now: Date): Promise<{ slug: string }> {
  return db.transaction().execute(async (trx) => {
    const base = slugify(`${input.name} ${input.date}`) || 'forum'
    const taken = await trx.selectFrom('forums').select('slug').where('slug', 'like', `${base}%`).execute()
    const takenSet = new Set(taken.map((t) => t.slug))
    let slug = base
    for (let n = 2; takenSet.has(slug); n++) slug = `${base}-${n}`
    await trx
      .insertInto('forums')
      .values({ ...columnsOf(input), slug, organiser_id: organiserId, created_at: now.toISOString(), updated_at: now.toISOString() })
      .execute()
    return { slug }
  })
}

export async function updateForum(db: DB, organiser: Organiser, forumId: number, input: ForumInput, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('forums as f')
    .set({ ...columnsOf(input), updated_at: now.toISOString() })
    .where('f.id', '=', forumId)
    .where(organisedBy(organiser))
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

export async function setForumStatus(
  db: DB, organiser: Organiser, forumId: number, status: 'draft' | 'open' | 'closed', now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('forums as f')
    .set({ status, updated_at: now.toISOString() })
    .where('f.id', '=', forumId)
    .where(organisedBy(organiser))
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

/** Verified companies not invited yet: the organiser's select list. */
export function listInvitableCompanies(db: DB, forumId: number) {
  return db
    .selectFrom('companies as co')
    .select(['co.id', 'co.name'])
    .where('co.verified_at', 'is not', null)
    .where('co.placeholder_source', 'is', null)
    .where('co.id', 'not in', db.selectFrom('forum_companies').select('company_id').where('forum_id', '=', forumId))
    .orderBy('co.name')
    .execute()
}

/** Invites a verified company to one of the organiser's forums; false if either is out of reach. */
export async function inviteCompany(db: DB, organiser: Organiser, forumId: number, companyId: number, now: Date): Promise<boolean> {
  const result = await db
    .insertInto('forum_companies')
    .columns(['forum_id', 'company_id', 'status', 'invited_at'])
    .expression(
      db
        .selectFrom('forums as f')
        .innerJoin('companies as co', (join) => join.on('co.id', '=', companyId).on('co.verified_at', 'is not', null))
        .select((eb) => ['f.id', 'co.id', eb.val('invited').as('status'), eb.val(now.toISOString()).as('invited_at')])
        .where('f.id', '=', forumId)
        .where(organisedBy(organiser)),
    )
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst()
  return (result.numInsertedOrUpdatedRows ?? 0n) > 0n
}

export function listForumCompaniesForOrganiser(db: DB, organiser: Organiser, forumId: number) {
  return db
    .selectFrom('forum_companies as fc')
    .innerJoin('forums as f', 'f.id', 'fc.forum_id')
    .innerJoin('companies as co', 'co.id', 'fc.company_id')
    .select((eb) => [
      'co.id', 'co.name', 'co.slug', 'fc.status',
      eb.selectFrom('forum_offers as fo').whereRef('fo.forum_id', '=', 'fc.forum_id').whereRef('fo.company_id', '=', 'fc.company_id')
        .select((e) => e.fn.countAll<number>().as('n')).as('offers'),
    ])
    .where('f.id', '=', forumId)
    .where(organisedBy(organiser))
    .orderBy('co.name')
    .execute()
}

/** The organiser's dashboard figures. Only confirmed candidates (consent given) count as registered. */
export async function forumCounts(db: DB, organiser: Organiser, forumId: number) {
  const own = db.selectFrom('forums as f').select('f.id').where('f.id', '=', forumId).where(organisedBy(organiser))
  const [companies, offers, candidates, wishes] = await Promise.all([
    db.selectFrom('forum_companies').select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('forum_id', 'in', own).groupBy('status').execute(),
    db.selectFrom('forum_offers').select((eb) => eb.fn.countAll<number>().as('n')).where('forum_id', 'in', own).executeTakeFirstOrThrow(),
    db.selectFrom('forum_candidates')
      .select((eb) => [
        eb.fn.count<number>('consent_at').as('confirmed'),
        eb.fn.countAll<number>().as('all'),
      ])
      .where('forum_id', 'in', own).executeTakeFirstOrThrow(),
    // A wish counts only between an accepted company and a confirmed candidate.
    db.selectFrom('forum_wishes as w')
      .innerJoin('forum_candidates as fc', (j) => j.onRef('fc.forum_id', '=', 'w.forum_id').onRef('fc.candidate_id', '=', 'w.candidate_id'))
      .innerJoin('forum_companies as fco', (j) => j.onRef('fco.forum_id', '=', 'w.forum_id').onRef('fco.company_id', '=', 'w.company_id'))
      .select(['w.by', (eb) => eb.fn.countAll<number>().as('n')])
      .where('w.forum_id', 'in', own).where('fc.consent_at', 'is not', null).where('fco.status', '=', 'accepted')
      .groupBy('w.by').execute(),
  ])
  const byStatus = (s: string) => companies.find((c) => c.status === s)?.n ?? 0
  const byWho = (s: string) => wishes.find((w) => w.by === s)?.n ?? 0
  return {
    invited: byStatus('invited') + byStatus('accepted') + byStatus('declined'),
    accepted: byStatus('accepted'),
    declined: byStatus('declined'),
    offers: offers.n,
    confirmed: candidates.confirmed,
    waiting: candidates.all - candidates.confirmed,
    wishesByCandidates: byWho('candidate'),
    wishesByCompanies: byWho('company'),
  }
}
