import { createServer, type AddressInfo } from 'node:net'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createTestCandidate, createTestCompany, createTestOffer } from '#db/seed/index.ts'
import { createTestDatabase } from '#db/test-database.ts'
import { createSearchEngine } from '#search/index.ts'
import { createMailer, type Mail } from '../utils/mail.server.ts'
import { action as answerAction, loader as contactsLoader } from './candidate-contacts.tsx'
import { action as requestAction, loader as profilesLoader } from './recruiter-offer-profiles.tsx'
import { sessionCookieFor, signedInUser } from '../utils/test-session.server.ts'

let test: Awaited<ReturnType<typeof createTestDatabase>>
let context: never
// Recorded here; the real SMTP delivery is followed in e2e/matching.spec.ts.
const mails: Mail[] = []
const mailer = { send: async (mail: Mail) => void mails.push(mail) }
let companyName = ''
const cookies: Record<string, string> = {}
let offerId: number
let otherOfferId: number
const candidates: number[] = []
let privateCandidate: number

const signIn = (role: 'recruiter' | 'candidate', email: string, companyId?: number) => signedInUser(test.db, { email, role, companyId })
const cookieOf = (userId: number) => sessionCookieFor(test.db, userId)

beforeAll(async () => {
  test = await createTestDatabase()
  context = { db: test.db, search: createSearchEngine({ engine: 'embedded' }, test.sqlite), mailer, publicUrl: 'https://passerelle.test' } as never
  const company = await createTestCompany(test.db, { verified_at: new Date().toISOString() })
  companyName = company.name
  const other = await createTestCompany(test.db, { verified_at: new Date().toISOString() })
  offerId = (await createTestOffer(test.db, { companyId: company.id, skills: [{ slug: 'php', required: true }] })).id
  otherOfferId = (await createTestOffer(test.db, { companyId: other.id, skills: [{ slug: 'php', required: true }] })).id
  cookies.recruiter = (await signIn('recruiter', 'r@exemple.fr', company.id)).cookie
  cookies.otherRecruiter = (await signIn('recruiter', 'autre@exemple.fr', other.id)).cookie
  for (let i = 0; i < 4; i++) {
    candidates.push((await createTestCandidate(test.db, { visibility: 'verified_recruiters', firstName: 'Inès', lastName: `Delattre${i}`, skills: [{ slug: 'php', level: 3 }] })).id)
  }
  privateCandidate = (await createTestCandidate(test.db, { skills: [{ slug: 'php', level: 4 }] })).id
})
afterAll(() => test.destroy())

const contactRows = () => test.db.selectFrom('contact_requests').selectAll().orderBy('id').execute()
type Outcome = Response | { data: { result: { error?: Record<string, string[] | null> } }; init: ResponseInit }
/** The action's answer, thrown Responses (404) included. */
async function run(fn: () => Promise<unknown>): Promise<Outcome> {
  try {
    return (await fn()) as Outcome
  } catch (thrown) {
    if (thrown instanceof Response) return thrown
    throw thrown
  }
}
function expectFrenchErrors(outcome: Exclude<Outcome, Response>) {
  const messages = Object.values(outcome.data.result.error ?? {}).flat().filter((m): m is string => Boolean(m))
  expect(messages.length).toBeGreaterThan(0)
  for (const m of messages) expect(m).toMatch(/^[A-ZÀ-ÝÉ].*[.:)]$/u)
}

describe('contact request forms', () => {
  it('the recruiter sees first name and initial only, until the candidate accepts; then full name and e-mail', async () => {
    const request = new Request(`http://localhost/recruteur/offres/${offerId}/profils`, { headers: { Cookie: cookies.recruiter! } })
    const before = await profilesLoader({ request, params: { id: String(offerId) }, context } as never)
    const shown = before.profiles.find((p) => p.id === candidates[0])!
    expect(shown.name).toBe('Inès D.')
    expect(shown.email).toBeNull()
    expect(before.profiles.map((p) => p.id)).not.toContain(privateCandidate)
    expect(JSON.stringify(before)).not.toContain('Delattre0')

    const body = new FormData()
    body.set('candidateId', String(candidates[0]))
    body.set('message', 'Bonjour, notre équipe recrute en alternance à Calais.')
    const sent = (await requestAction({ request: new Request(request.url, { method: 'POST', body, headers: { Cookie: cookies.recruiter! } }), params: { id: String(offerId) }, context } as never)) as Response
    expect(sent.status).toBe(302)
    const [row] = await contactRows()
    expect(row).toMatchObject({ candidate_id: candidates[0], offer_id: offerId, status: 'pending' })
    // The candidate is told by e-mail: the company's name and a link to answer, nothing of the recruiter's own.
    const { email: candidateEmail } = await test.db.selectFrom('users').select('email').where('id', '=', candidates[0]!).executeTakeFirstOrThrow()
    expect(mails).toHaveLength(1)
    expect(mails[0]).toMatchObject({ to: candidateEmail, subject: `${companyName} souhaite vous contacter` })
    expect(mails[0]!.text).toContain('Bonjour Inès,')
    expect(mails[0]!.text).toContain('https://passerelle.test/candidat/contacts')
    expect(mails[0]!.text).not.toContain('r@exemple.fr')
    expect(mails[0]!.text).not.toContain('notre équipe recrute')

    // Another candidate cannot answer it; its owner can.
    const answer = (userCookie: string) => {
      const form = new FormData()
      form.set('requestId', String(row!.id))
      form.set('answer', 'accept')
      return run(() => answerAction({ request: new Request('http://localhost/candidat/contacts', { method: 'POST', body: form, headers: { Cookie: userCookie } }), params: {}, context } as never))
    }
    expect(((await answer(await cookieOf(candidates[1]!))) as Exclude<Outcome, Response>).init.status).toBe(404)
    expect((await contactRows())[0]!.status).toBe('pending')
    const listed = await contactsLoader({ request: new Request('http://localhost/candidat/contacts', { headers: { Cookie: await cookieOf(candidates[0]!) } }), params: {}, context } as never)
    expect(listed.requests.map((r) => r.id)).toEqual([row!.id])
    expect(((await answer(await cookieOf(candidates[0]!))) as Response).status).toBe(302)

    const after = await profilesLoader({ request, params: { id: String(offerId) }, context } as never)
    const revealed = after.profiles.find((p) => p.id === candidates[0])!
    expect(revealed.name).toBe('Inès Delattre0')
    expect(revealed.email).toMatch(/@exemple\.fr$/)
  })

  it('the request is kept when the mail cannot leave (the board’s real mailer, SMTP server down)', async () => {
    // A port that was just free: nodemailer's connection is refused, as when the SMTP server is down.
    const server = createServer()
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    await new Promise<void>((resolve) => server.close(() => resolve()))
    const down = { ...(context as object), mailer: createMailer({ smtpUrl: `smtp://127.0.0.1:${port}`, from: 'Passerelle <test@passerelle.test>' }) }
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    const body = new FormData()
    body.set('candidateId', String(candidates[3]))
    body.set('message', 'Bonjour, nous aimerions vous présenter notre équipe.')
    const url = `http://localhost/recruteur/offres/${offerId}/profils`
    const answer = (await requestAction({ request: new Request(url, { method: 'POST', body, headers: { Cookie: cookies.recruiter! } }), params: { id: String(offerId) }, context: down } as never)) as Response
    expect(answer.status).toBe(302)
    expect(errors).toHaveBeenCalledWith('Envoi du courriel de demande de contact impossible', expect.anything())
    errors.mockRestore()
    expect((await contactRows()).filter((r) => r.candidate_id === candidates[3])).toMatchObject([{ status: 'pending', offer_id: offerId }])
    const listed = await contactsLoader({ request: new Request('http://localhost/candidat/contacts', { headers: { Cookie: await cookieOf(candidates[3]!) } }), params: {}, context } as never)
    expect(listed.requests).toHaveLength(1)
  })

  it('a request about an offer that is not published (draft, closed, taken down) is a 404: nothing saved, nothing mailed', async () => {
    const { company_id } = await test.db.selectFrom('offers').select('company_id').where('id', '=', offerId).executeTakeFirstOrThrow()
    const draft = await createTestOffer(test.db, { companyId: company_id, status: 'draft', title: 'Appelez le 06 12 34 56 78', skills: [{ slug: 'php', required: true }] })
    const body = new FormData()
    body.set('candidateId', String(candidates[2]))
    body.set('message', 'Bonjour, nous aimerions vous rencontrer.')
    const [rowsBefore, mailsBefore] = [await contactRows(), mails.length]
    const url = `http://localhost/recruteur/offres/${draft.id}/profils`
    const posted = await run(() => requestAction({ request: new Request(url, { method: 'POST', body, headers: { Cookie: cookies.recruiter! } }), params: { id: String(draft.id) }, context } as never))
    expect((posted as Response).status).toBe(404)
    expect(await contactRows()).toEqual(rowsBefore)
    expect(mails).toHaveLength(mailsBefore)
  })

  it('another company’s recruiter gets a 404 on the page and on the form', async () => {
    const url = `http://localhost/recruteur/offres/${offerId}/profils`
    const page = await run(() => profilesLoader({ request: new Request(url, { headers: { Cookie: cookies.otherRecruiter! } }), params: { id: String(offerId) }, context } as never))
    expect((page as Response).status).toBe(404)
    const body = new FormData()
    body.set('candidateId', String(candidates[1]))
    body.set('message', 'Bonjour, nous aimerions vous rencontrer.')
    const before = await contactRows()
    const posted = await run(() => requestAction({ request: new Request(url, { method: 'POST', body, headers: { Cookie: cookies.otherRecruiter! } }), params: { id: String(offerId) }, context } as never))
    expect((posted as Response).status).toBe(404)
    expect(await contactRows()).toEqual(before)
  })

  it('fuzzed recruiter form: a 302 that adds one request, or a French 4xx that changes nothing', async () => {
    const field = fc.constantFrom('candidateId', 'message', 'intent')
    const value = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.string({ unit: 'binary', maxLength: 20 }),
      fc.constantFrom(...candidates.map(String), String(privateCandidate), '0', '-1', '1e3', '99999999999999999999', 'Bonjour, parlons de ce poste !', 'x'.repeat(1200), ''),
    )
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(field, value), { maxLength: 6 }), fc.constantFrom(offerId, otherOfferId), async (pairs, target) => {
        const before = await contactRows()
        const body = new FormData()
        for (const [k, v] of pairs) body.append(k, v)
        const outcome = await run(() => requestAction({
          request: new Request(`http://localhost/recruteur/offres/${target}/profils`, { method: 'POST', body, headers: { Cookie: cookies.recruiter! } }),
          params: { id: String(target) }, context,
        } as never))
        if (outcome instanceof Response && outcome.status === 302) {
          expect((await contactRows()).length).toBe(before.length + 1)
          return
        }
        expect(await contactRows()).toEqual(before)
        if (outcome instanceof Response) expect(outcome.status).toBe(404)
        else {
          expect([400, 409]).toContain(outcome.init.status)
          expectFrenchErrors(outcome)
        }
      }),
      { numRuns: 200 },
    )
  })

  it('fuzzed candidate form: a 302 that answers one own pending request, or a French 4xx that changes nothing', async () => {
    const own = candidates[2]!
    const cookie = await cookieOf(own)
    const ids = (await contactRows()).map((r) => String(r.id))
    const field = fc.constantFrom('requestId', 'answer')
    const value = fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom(...ids, 'accept', 'decline', 'oui', '0', '-3', ''))
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(field, value), { maxLength: 5 }), async (pairs) => {
        const before = await contactRows()
        const body = new FormData()
        for (const [k, v] of pairs) body.append(k, v)
        const outcome = await run(() => answerAction({ request: new Request('http://localhost/candidat/contacts', { method: 'POST', body, headers: { Cookie: cookie } }), params: {}, context } as never))
        const after = await contactRows()
        if (outcome instanceof Response) {
          expect(outcome.status).toBe(302)
          const changed = after.filter((row, i) => row.status !== before[i]!.status)
          expect(changed.map((r) => r.candidate_id)).toEqual([own])
          return
        }
        expect(after).toEqual(before)
        expect([400, 404]).toContain(outcome.init.status)
        expectFrenchErrors(outcome)
      }),
      { numRuns: 200 },
    )
  })
})
