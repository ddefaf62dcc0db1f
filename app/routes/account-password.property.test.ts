import fc from 'fast-check'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createSession, createUser, findPasswordHash } from '#db/queries/accounts.ts'
import { createTestDatabase } from '#db/test-database.ts'
import { hashPassword, verifyPassword } from '../utils/password.server.ts'
import { sessionCookieHeader } from '../utils/session.server.ts'
import { action } from './account-password.tsx'

const CURRENT = 'le vent du nord-ouest'
let test: Awaited<ReturnType<typeof createTestDatabase>>
let userId: number

beforeAll(async () => {
  test = await createTestDatabase()
  const user = await createUser(test.db, { email: 'm@exemple.fr', passwordHash: await hashPassword(CURRENT), displayName: 'M', role: 'candidate' }, new Date())
  if (user === 'email-taken') throw new Error('taken')
  userId = user.id
})
afterAll(async () => {
  await test.destroy()
})

const sessions = async () => (await test.db.selectFrom('sessions').select('token_hash').where('user_id', '=', userId).execute()).length
async function post(pairs: [string, string][]) {
  const cookie = await sessionCookieHeader((await createSession(test.db, userId, new Date())).token)
  const body = new FormData()
  for (const [k, v] of pairs) body.append(k, v)
  const request = new Request('http://localhost/compte/mot-de-passe', { method: 'POST', body, headers: { Cookie: cookie } })
  return (await action({ request, params: {}, context: { db: test.db } } as never)) as
    | Response
    | { data: { error?: Record<string, string[] | null> }; init: ResponseInit | null }
}

it('fuzzed: anything but the right current password and a confirmed new one is a French 400 that changes nothing', async () => {
  const value = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom(CURRENT, '', 'un nouveau mot de passe', 'x'.repeat(300)))
  const field = fc.constantFrom('currentPassword', 'password', 'confirmation')
  await fc.assert(
    fc.asyncProperty(fc.array(fc.tuple(field, value), { maxLength: 5 }), async (pairs) => {
      const hash = await findPasswordHash(test.db, userId)
      const outcome = await post(pairs)
      if (outcome instanceof Response) {
        // Only a real success may get here: then every older session is gone and the new password works.
        expect(outcome.status).toBe(302)
        expect(await sessions()).toBe(1)
        const values = Object.fromEntries(pairs)
        expect(await verifyPassword(await findPasswordHash(test.db, userId), values.password!)).toBe(true)
        // Put the known password back for the next runs.
        await test.db.updateTable('users').set({ password_hash: hash! }).where('id', '=', userId).execute()
        return
      }
      expect(outcome.init?.status).toBe(400)
      expect(await findPasswordHash(test.db, userId)).toBe(hash)
      const messages = Object.values(outcome.data.error ?? {}).flat().filter((m): m is string => Boolean(m))
      expect(messages.length).toBeGreaterThan(0)
      for (const m of messages) expect(m).toMatch(/^[A-ZÀ-Ý].*[.:)]$/u)
    }),
    { numRuns: 40 },
  )
})

it('the right current password changes it and revokes every other session', async () => {
  await post([['currentPassword', 'faux'], ['password', 'x'], ['confirmation', 'x']])
  expect(await sessions()).toBeGreaterThan(1)
  const outcome = await post([['currentPassword', CURRENT], ['password', 'la marée monte vite'], ['confirmation', 'la marée monte vite']])
  expect(outcome).toBeInstanceOf(Response)
  expect((outcome as Response).headers.get('Location')).toBe('/compte?motDePasse=modifie')
  expect(await sessions()).toBe(1)
  expect(await verifyPassword(await findPasswordHash(test.db, userId), 'la marée monte vite')).toBe(true)
})
