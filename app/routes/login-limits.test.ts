import { afterAll, beforeAll, expect, it } from 'vitest'
import { createUser } from '#db/queries/accounts.ts'
import { createTestDatabase } from '#db/test-database.ts'
import { hashPassword } from '../utils/password.server.ts'
import { ACCOUNT_FAILURES, ADDRESS_FAILURES, action as loginAction } from './login.tsx'
import { SIGNUPS_PER_WINDOW, action as signupAction } from './signup.tsx'

let test: Awaited<ReturnType<typeof createTestDatabase>>
const PASSWORD = 'le phare de Gravelines'

beforeAll(async () => {
  test = await createTestDatabase()
})
afterAll(async () => {
  await test.destroy()
})

const context = (clientIp: string) => ({ db: test.db, clientIp, publicUrl: 'http://localhost', nonce: '' }) as never

async function login(email: string, password: string, { ip = '192.0.2.1', cookie = '' } = {}) {
  const request = new Request('http://localhost/connexion', {
    method: 'POST',
    headers: cookie ? { Cookie: cookie } : {},
    body: new URLSearchParams({ email, password }),
  })
  const outcome = (await loginAction({ request, context: context(ip), params: {} } as never)) as Response | { init: ResponseInit | null }
  if (outcome instanceof Response) return { status: outcome.status, cookies: outcome.headers.getSetCookie(), retryAfter: null }
  const headers = new Headers(outcome.init?.headers)
  return { status: outcome.init?.status ?? 200, cookies: [], retryAfter: headers.get('Retry-After') }
}

async function account(email: string) {
  const user = await createUser(test.db, { email, passwordHash: await hashPassword(PASSWORD), displayName: email, role: 'candidate' }, new Date())
  if (user === 'email-taken') throw new Error(email)
  return user
}

const cookieHeader = (setCookies: string[]) => setCookies.map((c) => c.split(';')[0]).join('; ')

it('successful sign-ins never count: a whole school behind one address signs in', async () => {
  for (let i = 0; i < ADDRESS_FAILURES + 20; i++) {
    const email = `eleve${i}@lycee.example`
    await account(email)
    expect((await login(email, PASSWORD, { ip: '198.51.100.7' })).status, email).toBe(302)
  }
})

it('failures lock the account for new browsers with Retry-After, but not a browser that signed in before, nor other accounts', async () => {
  await account('zoe@exemple.fr')
  const before = await login('zoe@exemple.fr', PASSWORD, { ip: '192.0.2.10' })
  expect(before.status).toBe(302)
  const device = cookieHeader(before.cookies.filter((c) => c.startsWith('passerelle_appareil=')))
  expect(device).toContain('passerelle_appareil=')

  // Someone elsewhere guesses.
  for (let i = 0; i < ACCOUNT_FAILURES; i++) expect((await login('zoe@exemple.fr', `faux ${i}`, { ip: `203.0.113.${i}` })).status).toBe(400)
  const locked = await login('zoe@exemple.fr', PASSWORD, { ip: '203.0.113.99' })
  expect(locked.status).toBe(429)
  expect(Number(locked.retryAfter)).toBeGreaterThan(0)

  // Zoé's own browser still gets in; new browsers wait out the window (or use the reset link).
  expect((await login('zoe@exemple.fr', PASSWORD, { ip: '192.0.2.10', cookie: device })).status).toBe(302)
  expect((await login('zoe@exemple.fr', PASSWORD, { ip: '203.0.113.100' })).status).toBe(429)
  // Other accounts are untouched.
  await account('ines@exemple.fr')
  expect((await login('ines@exemple.fr', PASSWORD, { ip: '203.0.113.0' })).status).toBe(302)
})

it('parallel guesses count each other: a burst of 30 wrong passwords gets at most the limit checked, the rest 429', async () => {
  await account('parallele@exemple.fr')
  const burst = await Promise.all(
    Array.from({ length: 30 }, (_, i) => login('parallele@exemple.fr', `rafale ${i}`, { ip: `198.51.100.${100 + i}` })),
  )
  const statuses = burst.map((b) => b.status)
  expect(statuses.filter((s) => s === 400)).toHaveLength(ACCOUNT_FAILURES)
  expect(statuses.filter((s) => s === 429)).toHaveLength(30 - ACCOUNT_FAILURES)
})

it('one address that keeps failing is stopped at its higher ceiling, with Retry-After', async () => {
  await account('leo@exemple.fr')
  for (let i = 0; i < ADDRESS_FAILURES; i++) await login(`inconnu${i}@exemple.fr`, 'devine', { ip: '203.0.113.200' })
  const refused = await login('leo@exemple.fr', PASSWORD, { ip: '203.0.113.200' })
  expect(refused.status).toBe(429)
  expect(Number(refused.retryAfter)).toBeGreaterThan(0)
  expect((await login('leo@exemple.fr', PASSWORD, { ip: '203.0.113.201' })).status).toBe(302)
})

it('sign-up is limited per address, with Retry-After', async () => {
  const signup = async (i: number, ip: string) => {
    const body = new URLSearchParams({ displayName: `Compte ${i}`, email: `robot${i}-${ip}@exemple.fr`, password: 'un mot de passe long', role: 'candidate' })
    const request = new Request('http://localhost/inscription', { method: 'POST', body })
    const outcome = (await signupAction({ request, context: context(ip), params: {} } as never)) as Response | { init: ResponseInit | null }
    return outcome instanceof Response ? { status: outcome.status, retryAfter: null } : { status: outcome.init?.status, retryAfter: new Headers(outcome.init?.headers).get('Retry-After') }
  }
  for (let i = 0; i < SIGNUPS_PER_WINDOW; i++) expect((await signup(i, '203.0.113.50')).status).toBe(302)
  const refused = await signup(SIGNUPS_PER_WINDOW, '203.0.113.50')
  expect(refused.status).toBe(429)
  expect(Number(refused.retryAfter)).toBeGreaterThan(500)
  expect((await signup(SIGNUPS_PER_WINDOW + 1, '203.0.113.51')).status).toBe(302)
})

it('wrong reset links from one address are limited (the password is never hashed for them), with Retry-After', async () => {
  const { action: resetAction } = await import('./reset-password.tsx')
  const reset = async (ip: string) => {
    const body = new URLSearchParams({ token: `faux-${Math.random()}`, password: 'un mot de passe long', confirmation: 'un mot de passe long' })
    const outcome = (await resetAction({ request: new Request('http://localhost/reinitialiser-mot-de-passe', { method: 'POST', body }), context: context(ip), params: {} } as never)) as { init: ResponseInit | null }
    return { status: outcome.init?.status, retryAfter: new Headers(outcome.init?.headers).get('Retry-After') }
  }
  for (let i = 0; i < 30; i++) expect((await reset('203.0.113.60')).status).toBe(400)
  const refused = await reset('203.0.113.60')
  expect(refused.status).toBe(429)
  expect(Number(refused.retryAfter)).toBeGreaterThan(0)
  expect((await reset('203.0.113.61')).status).toBe(400)
})
