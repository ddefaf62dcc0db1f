import type { DB } from '../connection.ts'
import type { Organiser } from './forums.ts'
import { createPasswordReset } from './accounts.ts'

/**
 * Registers a school's list in one transaction. Existing candidate accounts
 * are reused; missing ones are created with a password nobody knows and a
 * minimal profile. Registrations start unconfirmed (consent_at null): the
 * candidate confirms from the e-mail sent after commit.
 */

// argon2 cannot verify this, so nobody signs in until they choose a password.
export const UNUSABLE_PASSWORD_HASH = '!import-sans-mot-de-passe'
/** A school's list may be read days later: the first password link lasts two weeks. */
export const IMPORT_LINK_MINUTES = 14 * 24 * 60

export type ImportCandidate = { line: number; firstName: string; lastName: string; email: string; programme: string; school: string }
export type ImportedCandidate = { email: string; firstName: string; newAccount: boolean; passwordToken: string | null }
export type ImportOutcome =
  | { ok: true; imported: ImportedCandidate[]; alreadyRegistered: number }
  | { ok: false; problems: { line: number; column: string | null; message: string }[] }
  | { ok: false; notFound: true }

export async function importForumCandidates(
  db: DB, organiser: Organiser, forumId: number, rows: ImportCandidate[], now: Date,
): Promise<ImportOutcome> {
  const at = now.toISOString()
  return db.transaction().execute(async (trx) => {
    const forum = await trx.selectFrom('forums').select(['id', 'status', 'organiser_id']).where('id', '=', forumId).executeTakeFirst()
    if (!forum || (organiser.role !== 'admin' && forum.organiser_id !== organiser.id)) return { ok: false, notFound: true }
    // Open = registrations accepted: the confirmation links lead to the forum's public page.
    if (forum.status !== 'open') {
      return { ok: false, problems: [{ line: 0, column: null, message: 'Les inscriptions de ce forum ne sont pas ouvertes : ouvrez-les avant d’importer.' }] }
    }

    const emails = rows.map((r) => r.email)
    const existing = new Map<string, { id: number; role: string }>()
    for (let i = 0; i < emails.length; i += 500) {
      const found = await trx.selectFrom('users').select(['id', 'email', 'role']).where('email', 'in', emails.slice(i, i + 500)).execute()
      for (const u of found) existing.set(u.email, u)
    }
    // An organiser cannot enrol a recruiter's or an admin's account as a candidate.
    const problems = rows
      .filter((r) => existing.has(r.email) && existing.get(r.email)!.role !== 'candidate')
      .map((r) => ({ line: r.line, column: 'email', message: 'Cette adresse appartient à un compte qui n’est pas un compte candidat.' }))
    if (problems.length) return { ok: false, problems }

    const imported: ImportedCandidate[] = []
    let alreadyRegistered = 0
    for (const row of rows) {
      let userId = existing.get(row.email)?.id
      const newAccount = userId === undefined
      if (userId === undefined) {
        const user = await trx.insertInto('users')
          .values({ email: row.email, password_hash: UNUSABLE_PASSWORD_HASH, display_name: `${row.firstName} ${row.lastName}`,
            role: 'candidate', created_at: at, last_active_at: at })
          .returning('id').executeTakeFirstOrThrow()
        userId = user.id
      }
      // A profile the candidate already wrote is theirs: only a missing one is created.
      await trx.insertInto('candidate_profiles')
        .values({ user_id: userId, first_name: row.firstName, last_name: row.lastName, programme: row.programme, school: row.school,
          updated_at: at })
        .onConflict((oc) => oc.column('user_id').doNothing()).execute()
      const registered = await trx.insertInto('forum_candidates')
        .values({ forum_id: forumId, candidate_id: userId, source: 'import', registered_at: at, consent_at: null })
        .onConflict((oc) => oc.columns(['forum_id', 'candidate_id']).doNothing())
        .executeTakeFirst()
      if ((registered.numInsertedOrUpdatedRows ?? 0n) === 0n) {
        alreadyRegistered++
        continue
      }
      const passwordToken = newAccount ? await createPasswordReset(trx, userId, now, IMPORT_LINK_MINUTES) : null
      imported.push({ email: row.email, firstName: row.firstName, newAccount, passwordToken })
    }
    return { ok: true, imported, alreadyRegistered }
  })
}
