import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase } from '../test-database.ts'
import {
  createPasswordReset,
  createSession,
  createUser,
  deleteAllSessions,
  findDeviceUser,
  rememberDevice,
  findPasswordReset,
  findSessionUser,
  findUserByEmail,
  hitRateLimit,
  recordActivity,
  activityIsStale,
  resetPassword,
} from './accounts.ts'

let test: Awaited<ReturnType<typeof createTestDatabase>>
const NOW = new Date('2026-11-20T10:00:00Z')
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000)

beforeAll(async () => {
  test = await createTestDatabase()
})
afterAll(async () => {
  await test.destroy()
})

async function newUser(email: string) {
  const created = await createUser(test.db, { email, passwordHash: 'hash-initial', displayName: 'Léa Martin', role: 'candidate' }, NOW)
  if (created === 'email-taken') throw new Error('taken')
  return created.id
}

describe('accounts', () => {
  it('treats e-mail addresses without regard to case or surrounding spaces', async () => {
    await newUser('  Lea.Martin@Exemple.FR ')
    expect((await findUserByEmail(test.db, 'lea.martin@exemple.fr'))?.display_name).toBe('Léa Martin')
    expect(await createUser(test.db, { email: 'LEA.MARTIN@exemple.fr', passwordHash: 'x', displayName: 'Autre', role: 'recruiter' }, NOW)).toBe(
      'email-taken',
    )
  })

  it('keeps only a hash of the session token, and forgets expired sessions', async () => {
    const userId = await newUser('session@exemple.fr')
    const { token } = await createSession(test.db, userId, NOW)
    const stored = await test.db.selectFrom('sessions').select('token_hash').where('user_id', '=', userId).executeTakeFirstOrThrow()
    expect(stored.token_hash).not.toContain(token)
    expect((await findSessionUser(test.db, token, later(60)))?.id).toBe(userId)
    expect(await findSessionUser(test.db, token, later(31 * 24 * 60))).toBeUndefined()
    expect(await findSessionUser(test.db, `${token}x`, later(1))).toBeUndefined()
  })

  it('signing out everywhere, or a password reset, also forgets the browsers that signed in (they lose their own failure count)', async () => {
    const userId = await newUser('appareils@exemple.fr')
    const phone = await rememberDevice(test.db, userId, NOW)
    await createSession(test.db, userId, NOW)
    expect(await findDeviceUser(test.db, phone)).toBe(userId)
    expect(await deleteAllSessions(test.db, userId)).toBe(1)
    expect(await findDeviceUser(test.db, phone)).toBeNull()

    const laptop = await rememberDevice(test.db, userId, NOW)
    const token = await createPasswordReset(test.db, userId, NOW)
    expect(await resetPassword(test.db, token, 'hash-new', later(5))).toEqual({ userId })
    expect(await findDeviceUser(test.db, laptop)).toBeNull()
  })

  it('uses a reset token once, within the hour, and revokes every session of the user', async () => {
    const userId = await newUser('reset@exemple.fr')
    const { token: session } = await createSession(test.db, userId, NOW)
    const token = await createPasswordReset(test.db, userId, NOW)
    expect(await findPasswordReset(test.db, token, later(61))).toBeUndefined()
    expect(await resetPassword(test.db, token, 'hash-new', later(61))).toBeNull()

    expect(await resetPassword(test.db, token, 'hash-new', later(30))).toEqual({ userId })
    expect((await findUserByEmail(test.db, 'reset@exemple.fr'))?.password_hash).toBe('hash-new')
    expect(await findSessionUser(test.db, session, later(31))).toBeUndefined()
    expect(await resetPassword(test.db, token, 'hash-again', later(32))).toBeNull()
    expect((await findUserByEmail(test.db, 'reset@exemple.fr'))?.password_hash).toBe('hash-new')
  })

  it('allows a number of attempts per window, then says how long to wait', async () => {
    const window = { limit: 3, windowMs: 15 * 60_000 }
    for (let i = 0; i < 3; i++) expect((await hitRateLimit(test.db, 'login:x', later(i), window)).allowed).toBe(true)
    const blocked = await hitRateLimit(test.db, 'login:x', later(3), window)
    expect(blocked).toEqual({ allowed: false, retryAfterSeconds: 12 * 60 })
    expect((await hitRateLimit(test.db, 'login:other', later(3), window)).allowed).toBe(true)
    expect((await hitRateLimit(test.db, 'login:x', later(15), window)).allowed).toBe(true)
  })

  it('records activity at most once a day, and any activity withdraws an inactivity warning', async () => {
    const userId = await newUser('actif@exemple.fr')
    const read = () =>
      test.db.selectFrom('users').select(['last_active_at', 'inactivity_warned_at']).where('id', '=', userId).executeTakeFirstOrThrow()
    expect(activityIsStale(await read(), later(60))).toBe(false)
    await recordActivity(test.db, userId, later(60))
    expect((await read()).last_active_at).toBe(NOW.toISOString())

    await recordActivity(test.db, userId, later(25 * 60))
    expect((await read()).last_active_at).toBe(later(25 * 60).toISOString())

    await test.db.updateTable('users').set({ inactivity_warned_at: later(26 * 60).toISOString() }).where('id', '=', userId).execute()
    expect(activityIsStale(await read(), later(27 * 60))).toBe(true)
    await recordActivity(test.db, userId, later(27 * 60))
    expect(await read()).toEqual({ last_active_at: later(27 * 60).toISOString(), inactivity_warned_at: null })
  })
})
