import fc from 'fast-check'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createSession, createUser } from '#db/queries/accounts.ts'
import { createTestCompany } from '#db/seed/index.ts'
import { createTestDatabase } from '#db/test-database.ts'
import type { Mail } from '../utils/mail.server.ts'
import { sessionCookieHeader } from '../utils/session.server.ts'
import { action as acceptAction, loader as invitationLoader } from './invitation.tsx'
import { action } from './recruiter-team.tsx'

let test: Awaited<ReturnType<typeof createTestDatabase>>
const sent: Mail[] = []
const mailer = { send: async (mail: Mail) => void sent.push(mail) }
let companyId: number
const SLUG = 'opale-equipe'
const users: Record<string, { id: number; cookie: string }> = {}

async function account(email: string, role: 'recruiter' | 'candidate') {
  const user = await createUser(test.db, { email, passwordHash: 'x', displayName: email.split('@')[0]!, role }, new Date())
  if (user === 'email-taken') throw new Error('taken')
  return { id: user.id, cookie: await sessionCookieHeader((await createSession(test.db, user.id, new Date())).token) }
}
const join = (userId: number, role: 'owner' | 'member', company = companyId) =>
  test.db.insertInto('company_members').values({ company_id: company, user_id: userId, role, created_at: new Date().toISOString() }).execute()

beforeAll(async () => {
  test = await createTestDatabase()
  companyId = (await createTestCompany(test.db, { name: 'Opale Équipe', slug: SLUG })).id
  users.owner = await account('proprio@exemple.fr', 'recruiter')
  users.member = await account('membre@exemple.fr', 'recruiter')
  users.outsider = await account('autre@exemple.fr', 'recruiter')
  users.invitee = await account('Nouvelle.Recrue@exemple.fr', 'recruiter')
  users.candidate = await account('candidate@exemple.fr', 'candidate')
  await join(users.owner.id, 'owner')
  await join(users.member.id, 'member')
  const other = await createTestCompany(test.db, { name: 'Autre', slug: 'autre-boite' })
  await join(users.outsider.id, 'owner', other.id)
})
afterAll(async () => {
  await test.destroy()
})

const context = () => ({ db: test.db, mailer, publicUrl: 'https://passerelle.test', clientIp: '127.0.0.1' })
function post(url: string, pairs: [string, string][], cookie?: string) {
  const body = new FormData()
  for (const [k, v] of pairs) body.append(k, v)
  return new Request(`http://localhost${url}`, { method: 'POST', body, headers: cookie ? { Cookie: cookie } : {} })
}
type Reply = { data: { intent: string; result: { error: Record<string, string[] | null> } }; init: ResponseInit }
const team = (pairs: [string, string][], cookie = users.owner!.cookie) =>
  (action({ request: post(`/recruteur/entreprises/${SLUG}/equipe`, pairs, cookie), params: { slug: SLUG }, context: context() } as never) as Promise<Response | Reply>)
    .catch((e: unknown) => e as Response)
const snapshot = () =>
  Promise.all([
    test.db.selectFrom('company_members').select(['user_id', 'role']).where('company_id', '=', companyId).orderBy('user_id').execute(),
    test.db.selectFrom('company_invitations').selectAll().orderBy('id').execute(),
  ])
const tokenIn = (mail: Mail) => new URL(/https:\/\/passerelle\.test\/invitation\?jeton=\S+/.exec(mail.text)![0]).searchParams.get('jeton')!
const accept = (token: string, cookie: string) =>
  (acceptAction({ request: post(`/invitation?jeton=${encodeURIComponent(token)}`, [], cookie), params: {}, context: context() } as never) as Promise<Response>)
    .catch((e: unknown) => e as Response)
const view = async (token: string, cookie?: string) => {
  const request = new Request(`http://localhost/invitation?jeton=${encodeURIComponent(token)}`, { headers: cookie ? { Cookie: cookie } : {} })
  return (await invitationLoader({ request, params: {}, context: context() } as never)) as unknown as { data: { state: string }; init: ResponseInit }
}

it('an owner invites by e-mail; only the hash is stored; the invitee joins once, then the link is dead', async () => {
  const invited = (await team([['intent', 'invite'], ['email', 'nouvelle.recrue@exemple.fr']])) as Response
  expect(invited.status).toBe(302)
  const mail = sent.at(-1)!
  expect(mail.to).toBe('nouvelle.recrue@exemple.fr')
  expect(mail.subject).toContain('Opale Équipe')
  const token = tokenIn(mail)
  const [, invitations] = await snapshot()
  expect(invitations).toHaveLength(1)
  expect(invitations[0]!.token_hash).not.toContain(token)
  expect(JSON.stringify(invitations)).not.toContain(token)

  expect((await view(token)).data.state).toBe('anonymous')
  // Someone else, signed in, is refused and nothing changes.
  const before = await snapshot()
  expect((await view(token, users.outsider!.cookie)).init.status).toBe(403)
  expect((await accept(token, users.outsider!.cookie)).status).toBe(403)
  expect((await accept(token, users.candidate!.cookie)).status).toBe(403)
  expect(await snapshot()).toEqual(before)

  // The invitee's account address differs only by case: it matches.
  const joined = await accept(token, users.invitee!.cookie)
  expect(joined.status).toBe(302)
  expect(joined.headers.get('Location')).toBe(`/recruteur/entreprises/${SLUG}/offres?fait=equipe-rejointe`)
  const [members] = await snapshot()
  expect(members).toContainEqual({ user_id: users.invitee!.id, role: 'member' })
  expect((await accept(token, users.invitee!.cookie)).status).toBe(404)
  expect((await view(token)).init.status).toBe(404)
  await test.db.deleteFrom('company_members').where('user_id', '=', users.invitee!.id).execute()
})

it('an expired or unknown token is a French 404', async () => {
  await team([['intent', 'invite'], ['email', 'nouvelle.recrue@exemple.fr']])
  const token = tokenIn(sent.at(-1)!)
  await test.db.updateTable('company_invitations').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).execute()
  expect((await view(token)).init.status).toBe(404)
  const refused = await accept(token, users.invitee!.cookie)
  expect(refused.status).toBe(404)
  expect(await refused.text()).toMatch(/^Cette invitation n’existe pas/)
  expect((await view('inconnu')).data.state).toBe('invalid')
  await test.db.deleteFrom('company_invitations').execute()
})

it('re-inviting replaces the pending link; an owner revokes it; a member may not invite; another company gets 404', async () => {
  await team([['intent', 'invite'], ['email', 'x@exemple.fr']])
  const first = tokenIn(sent.at(-1)!)
  await team([['intent', 'invite'], ['email', 'X@exemple.fr']])
  const [, invitations] = await snapshot()
  expect(invitations).toHaveLength(1)
  expect((await view(first)).init.status).toBe(404)

  expect(((await team([['intent', 'invite'], ['email', 'y@exemple.fr']], users.member!.cookie)) as Response).status).toBe(403)
  expect(((await team([['intent', 'revoke'], ['invitationId', String(invitations[0]!.id)]], users.outsider!.cookie)) as Response).status).toBe(404)
  expect((await snapshot())[1]).toHaveLength(1)
  expect(((await team([['intent', 'revoke'], ['invitationId', String(invitations[0]!.id)]])) as Response).status).toBe(302)
  expect((await snapshot())[1]).toHaveLength(0)
})

it('refuses to invite a member twice and to remove the last owner, in French', async () => {
  const twice = (await team([['intent', 'invite'], ['email', 'membre@exemple.fr']])) as Reply
  expect(twice.init.status).toBe(400)
  expect(twice.data.result.error.email).toEqual(['Cette personne fait déjà partie de l’équipe.'])
  const before = await snapshot()
  const last = (await team([['intent', 'remove'], ['userId', String(users.owner!.id)]])) as Reply
  expect(last.init.status).toBe(400)
  expect(last.data.result.error['']).toEqual(['L’entreprise doit garder au moins un·e propriétaire : pour la transmettre, invitez la personne puis écrivez à l’équipe Passerelle.'])
  expect(await snapshot()).toEqual(before)
})

it('fuzzed: a French 4xx or a done change, never an exception nor a half-saved one', async () => {
  const field = fc.constantFrom('intent', 'email', 'invitationId', 'userId')
  const value = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 20 }),
    fc.integer({ min: -5, max: 20 }).map(String),
    fc.constantFrom('', 'invite', 'revoke', 'remove', 'a@exemple.fr', 'membre@exemple.fr', 'pas-une-adresse', '1e400', 'x'.repeat(300)),
  )
  await fc.assert(
    fc.asyncProperty(fc.array(fc.tuple(field, value), { maxLength: 8 }), async (pairs) => {
      const before = await snapshot()
      const mails = sent.length
      const outcome = await team(pairs)
      // The owner always stays.
      expect((await snapshot())[0]).toContainEqual({ user_id: users.owner!.id, role: 'owner' })
      if (outcome instanceof Response) {
        expect([302, 404]).toContain(outcome.status)
        if (outcome.status === 404) {
          expect(await outcome.text()).toMatch(/^[A-ZÀ-ÝÉ].*[.:)]$/u)
          expect(await snapshot()).toEqual(before)
        }
        return
      }
      expect([400, 429]).toContain(outcome.init.status)
      expect(await snapshot()).toEqual(before)
      expect(sent.length).toBe(mails)
      const messages = Object.values(outcome.data.result.error).flat().filter((m): m is string => Boolean(m))
      expect(messages.length).toBeGreaterThan(0)
      for (const message of messages) expect(message).toMatch(/^[A-ZÀ-ÝÉ].*[.:)]$/u)
    }),
    { numRuns: 200 },
  )
})

it('stops an owner after 20 invitations in an hour, in French with a 429', async () => {
  await test.db.deleteFrom('rate_limit_events').execute()
  for (let i = 0; i < 20; i++) expect(((await team([['intent', 'invite'], ['email', `n${i}@exemple.fr`]])) as Response).status).toBe(302)
  const blocked = (await team([['intent', 'invite'], ['email', 'n21@exemple.fr']])) as Reply
  expect(blocked.init.status).toBe(429)
  expect(blocked.data.result.error['']![0]).toMatch(/^Trop d’invitations envoyées depuis une heure\. Réessayez dans \d+ minutes?\.$/)
})
