import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase } from '#db/test-database.ts'
import type { Mail } from '../utils/mail.server.ts'
import { action as forgotAction } from './forgot-password.tsx'
import { action as loginAction } from './login.tsx'
import { action as resetAction } from './reset-password.tsx'
import { action as signupAction } from './signup.tsx'

let test: Awaited<ReturnType<typeof createTestDatabase>>
// Stub: these runs exercise validation, not delivery (the browser journey uses a real SMTP server).
const sent: Mail[] = []
const context = () => ({
  db: test.db,
  mailer: { send: async (mail: Mail) => void sent.push(mail) },
  publicUrl: 'http://localhost:3000',
  clientIp: `10.0.0.${Math.floor(Math.random() * 250)}`,
  nonce: '',
})

beforeAll(async () => {
  test = await createTestDatabase()
})
afterAll(async () => {
  await test.destroy()
})

const text = fc.oneof(
  fc.constantFrom('', ' ', 'léa@exemple.fr', 'x@y', 'candidate', 'recruiter', 'admin', '/offres', '//evil.example', 'a'.repeat(300)),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ maxLength: 400 }),
  fc.emailAddress(),
)
const value = fc.oneof(text, fc.constant(new File(['%PDF'], 'cv.pdf', { type: 'application/pdf' })))
const form = (fields: string[]) =>
  fc.array(fc.tuple(fc.oneof(fc.constantFrom(...fields), fc.string({ maxLength: 10 })), value), { maxLength: 8 })

function post(pairs: [string, string | File][]) {
  const body = new FormData()
  for (const [k, v] of pairs) body.append(k, v)
  return new Request('http://localhost/formulaire', { method: 'POST', body })
}

type Outcome = Response | { data: unknown; init: ResponseInit | null }

function expectFrenchRejectionOrRedirect(outcome: Outcome) {
  if (outcome instanceof Response) {
    expect(outcome.status).toBe(302)
    expect(outcome.headers.get('Location')).toMatch(/^\/(?!\/)/)
    return
  }
  const status = outcome.init?.status ?? 200
  if (status === 200) return // "e-mail sent" answer of the forgotten-password form
  expect([400, 429]).toContain(status)
  const payload = outcome.data as { error?: Record<string, string[] | null> } & { result?: { error?: Record<string, string[] | null> } }
  const errors = Object.values(payload.error ?? payload.result?.error ?? {}).flat().filter((m): m is string => Boolean(m))
  expect(errors.length).toBeGreaterThan(0)
  for (const message of errors) {
    expect(message).not.toMatch(/Invalid|Required|expected|received/)
    expect(message).not.toMatch(/Entrée invalide/) // the locale safety net: each field should say what is wrong
    expect(message).toMatch(/[A-ZÀ-Ý].*[.:)]$/u)
  }
}

const run = async (handler: (args: never) => Promise<unknown>, request: Request) =>
  (await handler({ request, context: context(), params: {} } as never)) as Outcome

const users = async () =>
  (await test.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n

describe('account forms, fuzzed', () => {
  it('sign-up: a French 4xx or a new account, never an exception nor a half-created account', async () => {
    await fc.assert(
      fc.asyncProperty(form(['displayName', 'email', 'password', 'role']), async (pairs) => {
        const before = await users()
        const outcome = await run(signupAction, post(pairs))
        expectFrenchRejectionOrRedirect(outcome)
        expect(await users()).toBe(before + (outcome instanceof Response ? 1 : 0))
      }),
      {
        numRuns: 150,
        // Valid forms too, so the account-created branch runs (then the taken-address one).
        examples: [
          [[['displayName', 'Léa Martin'], ['email', 'lea@exemple.fr'], ['password', 'une phrase de passe'], ['role', 'candidate']]],
          [[['displayName', 'Léa M.'], ['email', 'LEA@exemple.fr '], ['password', 'une autre phrase'], ['role', 'recruiter']]],
        ],
      },
    )
  })

  it('login, forgotten password and reset: a French 4xx or a redirect, never an exception', async () => {
    for (const [handler, fields] of [
      [loginAction, ['email', 'password', 'redirectTo']],
      [forgotAction, ['email']],
      [resetAction, ['token', 'password', 'confirmation']],
    ] as const) {
      await fc.assert(
        fc.asyncProperty(form([...fields]), async (pairs) => expectFrenchRejectionOrRedirect(await run(handler, post(pairs)))),
        { numRuns: 150 },
      )
    }
  })
})
