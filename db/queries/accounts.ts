import { sql } from 'kysely'
import { createHash, randomBytes } from 'node:crypto'
import type { DB } from '../connection.ts'
import type { UserRole } from '../domain.ts'

const SESSION_DAYS = 30
const RESET_MINUTES = 60
const DAY_MS = 86_400_000

/** A random token for a cookie or a link, and the hash that is stored instead. */
export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url')
  return { token, hash: hashToken(token) }
}
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase()
}

export function findUserByEmail(db: DB, email: string) {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'password_hash', 'display_name', 'role'])
    .where('email', '=', normalizeEmail(email))
    .executeTakeFirst()
}

export async function createUser(
  db: DB,
  user: { email: string; passwordHash: string; displayName: string; role: UserRole },
  now: Date,
): Promise<{ id: number } | 'email-taken'> {
  const row = await db
    .insertInto('users')
    .values({
      email: normalizeEmail(user.email),
      password_hash: user.passwordHash,
      display_name: user.displayName,
      role: user.role,
      created_at: now.toISOString(),
      last_active_at: now.toISOString(),
    })
    .onConflict((oc) => oc.column('email').doNothing())
    .returning('id')
    .executeTakeFirst()
  return row ?? 'email-taken'
}

export async function createSession(db: DB, userId: number, now: Date): Promise<{ token: string; expires: Date }> {
  const { token, hash } = newToken()
  const expires = new Date(now.getTime() + SESSION_DAYS * DAY_MS)
  await db
    .insertInto('sessions')
    .values({ token_hash: hash, user_id: userId, created_at: now.toISOString(), expires_at: expires.toISOString() })
    .execute()
  return { token, expires }
}

/** The user a session token belongs to, if the session is still valid. */
export function findSessionUser(db: DB, token: string, now: Date) {
  return db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['u.id', 'u.email', 'u.display_name', 'u.role', 'u.last_active_at', 'u.inactivity_warned_at'])
    .where('s.token_hash', '=', hashToken(token))
    .where('s.expires_at', '>', now.toISOString())
    .executeTakeFirst()
}

/** Whether `recordActivity` would change anything: most requests then write nothing. */
export function activityIsStale(user: { last_active_at: string; inactivity_warned_at: string | null }, now: Date): boolean {
  return user.inactivity_warned_at !== null || user.last_active_at < new Date(now.getTime() - DAY_MS).toISOString()
}

/**
 * Marks the user active (at most once a day) and withdraws any inactivity
 * warning: the purge deletes only accounts nobody has used since the warning.
 */
export async function recordActivity(db: DB, userId: number, now: Date): Promise<void> {
  await db
    .updateTable('users')
    .set({ last_active_at: now.toISOString(), inactivity_warned_at: null })
    .where('id', '=', userId)
    .where((eb) =>
      eb.or([
        eb('last_active_at', '<', new Date(now.getTime() - DAY_MS).toISOString()),
        eb('inactivity_warned_at', 'is not', null),
      ]),
    )
    .execute()
}

export async function deleteSession(db: DB, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', hashToken(token)).execute()
}

/** A one-use link token; `validMinutes` is longer only for accounts created for someone (a forum import). */
export async function createPasswordReset(db: DB, userId: number, now: Date, validMinutes = RESET_MINUTES): Promise<string> {
  const { token, hash } = newToken()
  await db
    .insertInto('password_resets')
    .values({
      token_hash: hash,
      user_id: userId,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + validMinutes * 60_000).toISOString(),
    })
    .execute()
  return token
}

/** The user of an unused, unexpired reset token, without using it up. */
export function findPasswordReset(db: DB, token: string, now: Date) {
  return db
    .selectFrom('password_resets')
    .select(['user_id'])
    .where('token_hash', '=', hashToken(token))
    .where('used_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .executeTakeFirst()
}

/**
 * Sets a new password with a reset token, in one transaction: the token is
 * used up and every session of the user is revoked. Null if the token is not
 * (or no longer) valid.
 */
export async function resetPassword(db: DB, token: string, passwordHash: string, now: Date): Promise<{ userId: number } | null> {
  return db.transaction().execute(async (trx) => {
    const used = await trx
      .updateTable('password_resets')
      .set({ used_at: now.toISOString() })
      .where('token_hash', '=', hashToken(token))
      .where('used_at', 'is', null)
      .where('expires_at', '>', now.toISOString())
      .returning('user_id')
      .executeTakeFirst()
    if (!used) return null
    await trx.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', used.user_id).execute()
    await trx.deleteFrom('sessions').where('user_id', '=', used.user_id).execute()
    // A device that knew the old password no longer gets its own failure count.
    await trx.deleteFrom('known_devices').where('user_id', '=', used.user_id).execute()
    return { userId: used.user_id }
  })
}

export async function findPasswordHash(db: DB, userId: number): Promise<string | undefined> {
  const row = await db.selectFrom('users').select('password_hash').where('id', '=', userId).executeTakeFirst()
  return row?.password_hash
}

/** A new password, and every session of the user revoked, in one transaction (the caller opens a fresh one). */
export async function changePassword(db: DB, userId: number, passwordHash: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute()
    await trx.deleteFrom('sessions').where('user_id', '=', userId).execute()
    await trx.deleteFrom('known_devices').where('user_id', '=', userId).execute()
    await trx.deleteFrom('password_resets').where('user_id', '=', userId).execute()
  })
}

/** Counts one event under `key` unless `limit` are already in the window (then it is refused, not counted). */
export async function hitRateLimit(
  db: DB,
  key: string,
  now: Date,
  { limit, windowMs }: { limit: number; windowMs: number },
): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  const { limits } = await reserveAttempt(db, [{ key, limit }], now, windowMs)
  return limits[0]!
}

/**
 * Counts one attempt under each key, unless a key is already at its limit in
 * the window (then nothing is counted). The events are written before they are
 * counted, in one transaction, so concurrent attempts (on every worker) are
 * serialised by SQLite's write lock and each sees the ones before it: a burst
 * of parallel guesses cannot all pass while the first are still being checked.
 * A success gives its attempt back with `releaseAttempt`.
 */
export async function reserveAttempt(
  db: DB,
  limits: { key: string; limit: number }[],
  now: Date,
  windowMs: number,
): Promise<{ limits: { allowed: boolean; retryAfterSeconds: number }[]; rowids: number[] }> {
  const since = new Date(now.getTime() - windowMs).toISOString()
  return db.transaction().execute(async (trx) => {
    // Written first, so the transaction holds SQLite's write lock before it reads (no stale count, no busy snapshot).
    const inserted = await trx
      .insertInto('rate_limit_events')
      .values(limits.map(({ key }) => ({ key, at: now.toISOString() })))
      .returning(sql<number>`rowid`.as('rowid'))
      .execute()
    const rowids = inserted.map((r) => r.rowid)
    await trx.deleteFrom('rate_limit_events').where('key', 'in', limits.map((l) => l.key)).where('at', '<=', since).execute()
    const checked = []
    for (const { key, limit } of limits) {
      const events = await trx.selectFrom('rate_limit_events').select('at').where('key', '=', key).where('at', '>', since).orderBy('at').limit(limit + 1).execute()
      if (events.length <= limit) checked.push({ allowed: true, retryAfterSeconds: 0 })
      else checked.push({ allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((Date.parse(events[0]!.at) + windowMs - now.getTime()) / 1000)) })
    }
    if (checked.some((c) => !c.allowed)) {
      await trx.deleteFrom('rate_limit_events').where(sql<boolean>`rowid in (${sql.join(rowids)})`).execute()
      return { limits: checked, rowids: [] }
    }
    return { limits: checked, rowids }
  })
}

/** Gives back the attempts `reserveAttempt` counted (the sign-in succeeded: successes never count). */
export async function releaseAttempt(db: DB, rowids: number[]): Promise<void> {
  if (rowids.length === 0) return
  await db.deleteFrom('rate_limit_events').where(sql<boolean>`rowid in (${sql.join(rowids)})`).execute()
}

/** Forgets the events under `key` (an account's failed logins, once its owner got in). */
export async function clearRateLimit(db: DB, key: string): Promise<void> {
  await db.deleteFrom('rate_limit_events').where('key', '=', key).execute()
}

/** Remembers a browser that signed in to the account; the token goes in its cookie. */
export async function rememberDevice(db: DB, userId: number, now: Date): Promise<string> {
  const { token, hash } = newToken()
  await db.insertInto('known_devices').values({ token_hash: hash, user_id: userId, created_at: now.toISOString(), last_used_at: now.toISOString() }).execute()
  return token
}

/** The account a device token belongs to, or null. */
export async function findDeviceUser(db: DB, token: string): Promise<number | null> {
  const row = await db.selectFrom('known_devices').select('user_id').where('token_hash', '=', hashToken(token)).executeTakeFirst()
  return row?.user_id ?? null
}

/**
 * Signs the user out everywhere: every session ends, and no browser stays "known" (a lost phone must not keep
 * its own failure count while the account is locked for others); the next sign-in makes its browser known again.
 */
export async function deleteAllSessions(db: DB, userId: number): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const result = await trx.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst()
    await trx.deleteFrom('known_devices').where('user_id', '=', userId).execute()
    return Number(result.numDeletedRows)
  })
}
