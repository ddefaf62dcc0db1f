import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createFileStore } from '#db/files.ts'
import { createSession } from '#db/queries/accounts.ts'
import { createCandidateWithEverything } from '#db/seed/candidate-with-everything.ts'
import { createTestDatabase } from '#db/test-database.ts'
import { hashPassword } from '../utils/password.server.ts'
import { sessionCookieHeader } from '../utils/session.server.ts'
import { action } from './account-delete.tsx'

const PASSWORD = 'le bon mot de passe 42'
const NOW = new Date()
let test: Awaited<ReturnType<typeof createTestDatabase>>
const files = createFileStore(mkdtempSync(path.join(tmpdir(), 'passerelle-files-')))
let passwordHash: string
let candidate: { id: number; cvFile: string; cookie: string }

async function newCandidate() {
  const created = await createCandidateWithEverything(test.db, files, {
    email: `zoe-${Math.random().toString(36).slice(2)}@exemple.fr`, firstName: 'Zoé', lastName: 'Lefèvre', now: NOW,
  })
  await test.db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', created.id).execute()
  const cookie = await sessionCookieHeader((await createSession(test.db, created.id, NOW)).token)
  candidate = { id: created.id, cvFile: created.cvFile, cookie }
}

beforeAll(async () => {
  test = await createTestDatabase()
  passwordHash = await hashPassword(PASSWORD)
  await newCandidate()
})
afterAll(async () => {
  await test.destroy()
})

const post = (fields: [string, string][], cookie = candidate.cookie) => {
  const body = new FormData()
  for (const [k, v] of fields) body.append(k, v)
  const request = new Request('http://localhost/compte/supprimer', { method: 'POST', body, headers: { Cookie: cookie } })
  return action({ request, params: {}, context: { db: test.db, files, clientIp: '127.0.0.1' } } as never) as Promise<
    Response | { data: { error: Record<string, string[] | null> | null }; init: ResponseInit }
  >
}

/** What a deletion would change: the candidate's rows, their anonymised applications and their CV. */
async function snapshot(userId: number) {
  const count = (table: 'users' | 'candidate_profiles' | 'candidate_skills' | 'candidate_languages' | 'sessions', column: 'id' | 'user_id') =>
    test.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where(column, '=', userId).executeTakeFirstOrThrow()
  return {
    users: await count('users', 'id'),
    profiles: await count('candidate_profiles', 'user_id'),
    skills: await count('candidate_skills', 'user_id'),
    languages: await count('candidate_languages', 'user_id'),
    sessions: await count('sessions', 'user_id'),
    applications: await test.db.selectFrom('applications').select(['id', 'message']).where('candidate_id', '=', userId).execute(),
    notes: await test.db.selectFrom('application_notes').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    cv: (await files.read(candidate.cvFile))?.byteLength ?? null,
  }
}

it('fuzzed: only the right password, alone, deletes the account; anything else is a French 400 that deletes nothing', async () => {
  const field = fc.constantFrom('password', 'password', 'confirmation', 'intent', 'email', 'userId')
  const value = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 30 }),
    fc.constantFrom('', ' ', PASSWORD, `${PASSWORD} `, PASSWORD.toUpperCase(), 'not-a-hash', 'x'.repeat(5_000), '1'),
  )
  await fc.assert(
    fc.asyncProperty(fc.array(fc.tuple(field, value), { maxLength: 6 }), async (pairs) => {
      // Each run starts within the rate limit; the limit has its own test below.
      await test.db.deleteFrom('rate_limit_events').execute()
      const passwords = pairs.filter(([k]) => k === 'password')
      const shouldDelete = passwords.length === 1 && passwords[0]![1] === PASSWORD
      const before = await snapshot(candidate.id)
      const outcome = await post(pairs)
      if (outcome instanceof Response) {
        expect(shouldDelete).toBe(true)
        expect(outcome.status).toBe(302)
        expect(outcome.headers.get('Location')).toBe('/compte-supprime')
        expect(outcome.headers.get('Set-Cookie')).toMatch(/passerelle_session=;.*Max-Age=0/)
        expect(await snapshot(candidate.id)).toMatchObject({ users: { n: 0 }, profiles: { n: 0 }, sessions: { n: 0 }, applications: [], cv: null })
        await newCandidate()
        return
      }
      expect(shouldDelete).toBe(false)
      expect(outcome.init.status).toBe(400)
      expect(await snapshot(candidate.id)).toEqual(before)
      const messages = Object.values(outcome.data.error ?? {}).flat().filter((m): m is string => Boolean(m))
      expect(messages.length).toBeGreaterThan(0)
      for (const message of messages) expect(message).toMatch(/^[A-ZÀ-ÝÉ].*[.:)]$/u)
    }),
    { numRuns: 120, examples: [[[['password', PASSWORD]]], [[['password', 'mauvais mot de passe']]], [[]]] },
  )
})

it('stops answering after ten wrong passwords, even to the right one', async () => {
  await test.db.deleteFrom('rate_limit_events').execute()
  for (let i = 0; i < 10; i++) expect(((await post([['password', `faux ${i}`]])) as { init: ResponseInit }).init.status).toBe(400)
  const blocked = (await post([['password', PASSWORD]])) as { data: { error: Record<string, string[]> }; init: ResponseInit }
  expect(blocked.init.status).toBe(429)
  expect(blocked.data.error['']).toEqual([expect.stringMatching(/^Trop de tentatives\. Réessayez dans 15 minutes\.$/)])
  expect((await snapshot(candidate.id)).users).toEqual({ n: 1 })
})

it('refuses other roles with a French 403 and anonymous visitors with the login page', async () => {
  const recruiter = await test.db
    .insertInto('users')
    .values({ email: 'rh@exemple.fr', password_hash: passwordHash, display_name: 'RH', role: 'recruiter',
      created_at: NOW.toISOString(), last_active_at: NOW.toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow()
  const recruiterCookie = await sessionCookieHeader((await createSession(test.db, recruiter.id, NOW)).token)
  const refused = await post([['password', PASSWORD]], recruiterCookie).catch((e: unknown) => e as Response)
  expect((refused as Response).status).toBe(403)
  expect(await (refused as Response).text()).toContain('écrivez à l’équipe Passerelle')
  expect(await test.db.selectFrom('users').select('id').where('id', '=', recruiter.id).executeTakeFirst()).toBeDefined()

  const anonymous = await post([['password', PASSWORD]], '').catch((e: unknown) => e as Response)
  expect((anonymous as Response).status).toBe(302)
  expect((anonymous as Response).headers.get('Location')).toBe('/connexion?redirectTo=%2Fcompte%2Fsupprimer')
})
