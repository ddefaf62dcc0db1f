import type { DB } from '../connection.ts'
import { hashToken, newToken, normalizeEmail } from './accounts.ts'

/**
 * A company's team: members and invitations. Every query names the user and
 * checks their membership (and ownership, for changes) in the SQL itself.
 */

const INVITATION_DAYS = 7
const DAY_MS = 86_400_000

/** The company, seen by one of its members, with that member's role. */
export function findTeamCompany(db: DB, userId: number, slug: string) {
  return db
    .selectFrom('companies as co')
    .innerJoin('company_members as m', 'm.company_id', 'co.id')
    .select(['co.id', 'co.slug', 'co.name', 'm.role'])
    .where('co.slug', '=', slug)
    .where('m.user_id', '=', userId)
    .executeTakeFirst()
}

export function listMembers(db: DB, userId: number, slug: string) {
  return db
    .selectFrom('company_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .innerJoin('companies as co', 'co.id', 'm.company_id')
    .select(['u.id', 'u.display_name', 'u.email', 'm.role', 'm.created_at'])
    .where('co.slug', '=', slug)
    .where(({ exists, selectFrom }) =>
      exists(selectFrom('company_members as me').select('me.user_id').whereRef('me.company_id', '=', 'co.id').where('me.user_id', '=', userId)))
    .orderBy('m.role', 'desc')
    .orderBy('u.display_name')
    .execute()
}

/** Pending invitations, for the company's owners only. */
export function listPendingInvitations(db: DB, ownerId: number, slug: string, now: Date) {
  return db
    .selectFrom('company_invitations as i')
    .innerJoin('companies as co', 'co.id', 'i.company_id')
    .innerJoin('company_members as me', 'me.company_id', 'co.id')
    .select(['i.id', 'i.email', 'i.created_at', 'i.expires_at'])
    .where('co.slug', '=', slug)
    .where('me.user_id', '=', ownerId)
    .where('me.role', '=', 'owner')
    .where('i.accepted_at', 'is', null)
    .where('i.expires_at', '>', now.toISOString())
    .orderBy('i.created_at', 'desc')
    .execute()
}

/**
 * Invites `email` into the company, replacing any pending invitation to the
 * same address. Answers the token to send (only its hash is stored).
 */
export async function createInvitation(
  db: DB,
  ownerId: number,
  slug: string,
  email: string,
  now: Date,
): Promise<{ token: string; invitationId: number } | 'already-member' | null> {
  const address = normalizeEmail(email)
  return db.transaction().execute(async (trx) => {
    const company = await trx
      .selectFrom('companies as co')
      .innerJoin('company_members as me', 'me.company_id', 'co.id')
      .select('co.id')
      .where('co.slug', '=', slug)
      .where('me.user_id', '=', ownerId)
      .where('me.role', '=', 'owner')
      .executeTakeFirst()
    if (!company) return null
    const member = await trx
      .selectFrom('company_members as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select('u.id')
      .where('m.company_id', '=', company.id)
      .where('u.email', '=', address)
      .executeTakeFirst()
    if (member) return 'already-member'
    const { token, hash } = newToken()
    const row = await trx
      .insertInto('company_invitations')
      .values({
        company_id: company.id,
        email: address,
        token_hash: hash,
        invited_by: ownerId,
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + INVITATION_DAYS * DAY_MS).toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    return { token, invitationId: row.id }
  })
}

/**
 * Once the new invitation's e-mail has gone, the older pending ones to the
 * same address go: one live link per person. (Before that, a failed send
 * would leave them with none.)
 */
export async function dropOlderInvitations(db: DB, invitationId: number): Promise<void> {
  await db
    .deleteFrom('company_invitations as old')
    .where('old.accepted_at', 'is', null)
    .where('old.id', '<', invitationId)
    .where(({ exists, selectFrom }) =>
      exists(selectFrom('company_invitations as new').select('new.id').where('new.id', '=', invitationId)
        .whereRef('new.company_id', '=', 'old.company_id').whereRef('new.email', '=', 'old.email')))
    .execute()
}

/** Deletes a pending invitation of one of the owner's companies; false if there is none. */
export async function revokeInvitation(db: DB, ownerId: number, slug: string, invitationId: number): Promise<boolean> {
  const result = await db
    .deleteFrom('company_invitations')
    .where('id', '=', invitationId)
    .where('accepted_at', 'is', null)
    .where('company_id', 'in', (eb) =>
      eb
        .selectFrom('companies as co')
        .innerJoin('company_members as me', 'me.company_id', 'co.id')
        .select('co.id')
        .where('co.slug', '=', slug)
        .where('me.user_id', '=', ownerId)
        .where('me.role', '=', 'owner'))
    .executeTakeFirst()
  return result.numDeletedRows > 0n
}

/**
 * Removes a member (an owner may remove themselves or another owner), never
 * the company's last owner: a company always has someone to manage it.
 */
export async function removeMember(
  db: DB,
  ownerId: number,
  slug: string,
  memberId: number,
): Promise<'removed' | 'last-owner' | null> {
  return db.transaction().execute(async (trx) => {
    const target = await trx
      .selectFrom('company_members as m')
      .innerJoin('companies as co', 'co.id', 'm.company_id')
      .innerJoin('company_members as me', 'me.company_id', 'co.id')
      .select(['m.company_id', 'm.role'])
      .where('co.slug', '=', slug)
      .where('m.user_id', '=', memberId)
      .where('me.user_id', '=', ownerId)
      .where('me.role', '=', 'owner')
      .executeTakeFirst()
    if (!target) return null
    if (target.role === 'owner') {
      const { owners } = await trx
        .selectFrom('company_members')
        .select((eb) => eb.fn.countAll<number>().as('owners'))
        .where('company_id', '=', target.company_id)
        .where('role', '=', 'owner')
        .executeTakeFirstOrThrow()
      if (owners <= 1) return 'last-owner'
    }
    await trx.deleteFrom('company_members').where('company_id', '=', target.company_id).where('user_id', '=', memberId).execute()
    return 'removed'
  })
}

/** A pending, unexpired invitation and its company, from the token in the link. */
export function findInvitation(db: DB, token: string, now: Date) {
  return db
    .selectFrom('company_invitations as i')
    .innerJoin('companies as co', 'co.id', 'i.company_id')
    .select(['i.id', 'i.email', 'co.slug as company_slug', 'co.name as company_name'])
    .where('i.token_hash', '=', hashToken(token))
    .where('i.accepted_at', 'is', null)
    .where('i.expires_at', '>', now.toISOString())
    .executeTakeFirst()
}

/**
 * Uses up the invitation and makes the user a member, in one transaction,
 * only if it was sent to the user's own address. Null otherwise.
 */
export async function acceptInvitation(
  db: DB,
  token: string,
  user: { id: number; email: string },
  now: Date,
): Promise<{ companySlug: string } | null> {
  return db.transaction().execute(async (trx) => {
    const used = await trx
      .updateTable('company_invitations')
      .set({ accepted_at: now.toISOString(), accepted_by: user.id })
      .where('token_hash', '=', hashToken(token))
      .where('accepted_at', 'is', null)
      .where('expires_at', '>', now.toISOString())
      .where('email', '=', normalizeEmail(user.email))
      .returning('company_id')
      .executeTakeFirst()
    if (!used) return null
    await trx
      .insertInto('company_members')
      .values({ company_id: used.company_id, user_id: user.id, role: 'member', created_at: now.toISOString() })
      .onConflict((oc) => oc.doNothing())
      .execute()
    const company = await trx.selectFrom('companies').select('slug').where('id', '=', used.company_id).executeTakeFirstOrThrow()
    return { companySlug: company.slug }
  })
}

