import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAccountAlert } from '#db/queries/alerts.ts'
import { createTestDatabase } from '#db/test-database.ts'
import type { Mail } from '../utils/mail.server.ts'
import { signedInUser } from '../utils/test-session.server.ts'
import { action as accountAlertsAction } from './account-alerts.tsx'
import { action as preferencesAction } from './account-notifications.tsx'
import { action as newAlertAction } from './alert-new.tsx'
import { action as unsubscribeAction } from './alert-unsubscribe.tsx'

/**
 * The alert and notification forms, fuzzed: whatever is posted, a French 4xx
 * or one done change, never an exception; and nobody touches another
 * account's alert. The mailer is a STUB (these runs check validation; the
 * journeys of e2e/alerts.spec.ts use the real SMTP server).
 */
let test: Awaited<ReturnType<typeof createTestDatabase>>
const sent: Mail[] = []
const context = () => ({
  db: test.db,
  mailer: { send: async (mail: Mail) => void sent.push(mail) },
  publicUrl: 'http://localhost:3000',
  clientIp: `10.1.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
  nonce: '',
})
let owner: { id: number; cookie: string }
let intruder: { id: number; cookie: string }
let ownersAlert: number

beforeAll(async () => {
  test = await createTestDatabase()
  owner = await signedInUser(test.db, { email: 'proprietaire@exemple.fr', role: 'candidate' })
  intruder = await signedInUser(test.db, { email: 'intrus@exemple.fr', role: 'recruiter' })
  ownersAlert = (await createAccountAlert(test.db, { userId: owner.id, email: 'proprietaire@exemple.fr', search: 'q=rust', label: '« rust »', frequency: 'daily' }, new Date())).id
})
afterAll(() => test.destroy())

const text = fc.oneof(
  fc.constantFrom('', ' ', 'daily', 'weekly', 'monthly', 'pause', 'resume', 'delete', 'frequency', 'search', 'on', 'immediate', 'off',
    'q=rust&contrat=cdi', '?q=%00', 'léa@exemple.fr', 'x@y', '-1', '0', '1', '99999999999', 'a'.repeat(3000)),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.emailAddress(),
  fc.integer().map(String),
)
const form = (fields: string[]) => fc.array(fc.tuple(fc.oneof(fc.constantFrom(...fields), fc.string({ maxLength: 8 })), text), { maxLength: 8 })

function post(pairs: [string, string][], cookie?: string, url = 'http://localhost/formulaire') {
  const body = new URLSearchParams()
  for (const [k, v] of pairs) body.append(k, v)
  return new Request(url, { method: 'POST', body, headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...(cookie ? { Cookie: cookie } : {}) } })
}
type Outcome = Response | { data: unknown; init: ResponseInit | null }
async function run(handler: (args: never) => Promise<unknown>, request: Request): Promise<Outcome> {
  try {
    return (await handler({ request, context: context(), params: {} } as never)) as Outcome
  } catch (thrown) {
    if (thrown instanceof Response) return thrown
    if (thrown && typeof thrown === 'object' && 'init' in thrown) return thrown as Outcome
    throw thrown
  }
}
const statusOf = (o: Outcome) => (o instanceof Response ? o.status : (o.init?.status ?? 200))
function frenchMessages(o: Outcome): string[] {
  if (o instanceof Response) return []
  const payload = o.data as { error?: unknown; result?: { error?: Record<string, string[] | null> } }
  if (typeof payload.error === 'string') return [payload.error]
  return Object.values(payload.result?.error ?? {}).flat().filter((m): m is string => Boolean(m))
}
const count = async () => Number((await test.db.selectFrom('alerts').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)

describe('alert and notification forms, fuzzed', () => {
  it('"Créer une alerte": a French 400/429, a confirmation page (visitor) or a redirect (account), one alert at most', async () => {
    await fc.assert(
      fc.asyncProperty(form(['recherche', 'frequence', 'email']), fc.boolean(), async (pairs, signedIn) => {
        const before = await count()
        const outcome = await run(newAlertAction, post(pairs, signedIn ? owner.cookie : undefined))
        const status = statusOf(outcome)
        const added = (await count()) - before
        if (status === 302) expect(added).toBe(1)
        else if (status === 200) expect(added).toBe(1)
        else {
          expect([400, 429]).toContain(status)
          expect(added).toBe(0)
          const messages = frenchMessages(outcome)
          expect(messages.length).toBeGreaterThan(0)
          for (const m of messages) expect(m).toMatch(/^[A-ZÀ-Ý]/u)
        }
        // Past the cap, further alerts are refused: start afresh now and then.
        if (await count() > 15) await test.db.deleteFrom('alerts').where('id', '!=', ownersAlert).execute()
      }),
      { numRuns: 150 },
    )
  })

  it('"Mes alertes" and the preferences: a French 400, a 404 for another account\'s alert, or a redirect; the owner\'s alert stays untouched by others', async () => {
    const ownersRow = () => test.db.selectFrom('alerts').select(['status', 'frequency', 'search', 'label']).where('id', '=', ownersAlert).executeTakeFirst()
    const before = await ownersRow()
    await fc.assert(
      fc.asyncProperty(form(['intent', 'alerte', 'frequence', 'recherche']), fc.boolean(), async (pairs, pointAtOwners) => {
        const withId = pointAtOwners ? [...pairs.filter(([k]) => k !== 'alerte'), ['alerte', String(ownersAlert)] as [string, string]] : pairs
        const outcome = await run(accountAlertsAction, post(withId, intruder.cookie))
        expect([302, 400, 404]).toContain(statusOf(outcome))
        if (statusOf(outcome) === 302) expect((outcome as Response).headers.get('Location')).toMatch(/^\/compte\/alertes\?fait=/)
        expect(await ownersRow()).toEqual(before)
        const prefs = await run(preferencesAction, post(pairs.map(([k, v]) => [k.replace('intent', 'newApplications'), v]), intruder.cookie))
        expect([302, 400]).toContain(statusOf(prefs))
        if (statusOf(prefs) === 400) expect(frenchMessages(prefs)[0]).toMatch(/^[A-ZÀ-Ý]/u)
      }),
      { numRuns: 150 },
    )
  })

  it('unsubscribing with a fuzzed token deletes nothing; with the right one, exactly that alert', async () => {
    await fc.assert(
      // Well-formed but wrong tokens reach the database; the others stop at the form's check.
      fc.asyncProperty(fc.oneof(fc.stringMatching(/^[A-Za-z0-9_-]{43}$/), fc.string({ maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 60 })), async (token) => {
        const before = await count()
        const outcome = await run(unsubscribeAction, post([['List-Unsubscribe', 'One-Click']], undefined, `http://localhost/alertes/desabonnement?${new URLSearchParams({ jeton: token })}`))
        expect(statusOf(outcome)).toBe(200)
        expect(await count()).toBe(before)
      }),
      { numRuns: 100 },
    )
    const { token } = await test.db.selectFrom('alerts').select('token').where('id', '=', ownersAlert).executeTakeFirstOrThrow()
    await run(unsubscribeAction, post([['List-Unsubscribe', 'One-Click']], undefined, `http://localhost/alertes/desabonnement?jeton=${token}`))
    expect(await test.db.selectFrom('alerts').select('id').where('id', '=', ownersAlert).executeTakeFirst()).toBeUndefined()
  })
})
