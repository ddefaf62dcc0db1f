import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createFileStore } from '#db/files.ts'
import { createSession, createUser } from '#db/queries/accounts.ts'
import { createTestApplication, createTestCandidate, createTestCompany, createTestOffer } from '#db/seed/index.ts'
import { createTestDatabase } from '#db/test-database.ts'
import { sessionCookieHeader } from '../utils/session.server.ts'
import { loader as cvLoader } from './recruiter-application-cv.ts'
import { action, loader } from './recruiter-application.tsx'
import { loader as csvLoader } from './recruiter-applications-csv.ts'

let test: Awaited<ReturnType<typeof createTestDatabase>>
let files: ReturnType<typeof createFileStore>
let filesDir: string
let cookie: string
let outsiderCookie: string
let candidateCookie: string
let applicationId: number
let offerId: number
const PDF = new TextEncoder().encode('%PDF-1.7 le CV de Zoé')

async function account(email: string, role: 'recruiter' | 'candidate', companyId?: number) {
  const user = await createUser(test.db, { email, passwordHash: 'x', displayName: `Équipe ${email}`, role }, new Date())
  if (user === 'email-taken') throw new Error('taken')
  if (companyId) {
    await test.db.insertInto('company_members').values({ company_id: companyId, user_id: user.id, role: 'owner', created_at: new Date().toISOString() }).execute()
  }
  return sessionCookieHeader((await createSession(test.db, user.id, new Date())).token)
}

beforeAll(async () => {
  test = await createTestDatabase()
  filesDir = mkdtempSync(path.join(tmpdir(), 'passerelle-files-'))
  files = createFileStore(filesDir)
  const company = await createTestCompany(test.db, { name: 'Opale Candidatures', slug: 'opale-candidatures' })
  const other = await createTestCompany(test.db, { name: 'Autre', slug: 'autre-entreprise' })
  cookie = await account('r@exemple.fr', 'recruiter', company.id)
  outsiderCookie = await account('autre@exemple.fr', 'recruiter', other.id)
  candidateCookie = await account('c@exemple.fr', 'candidate')
  const offer = await createTestOffer(test.db, { companyId: company.id, title: 'Intégratrice web' })
  offerId = offer.id
  const candidate = await createTestCandidate(test.db, { firstName: 'Zoé', lastName: 'Dupré; "la Boulonnaise"', skills: [{ slug: 'react', level: 2 }] })
  await test.db.updateTable('candidate_profiles')
    .set({ cv_file: await files.save(PDF), cv_name: 'CV Zoé.pdf', school: 'ULCO', programme: 'BUT MMI', degree_level: 'bac3' })
    .where('user_id', '=', candidate.id).execute()
  applicationId = (await createTestApplication(test.db, { offerId, candidateId: candidate.id, message: '=HYPERLINK("http://x")\nmerci' })).id
})
afterAll(async () => {
  await test.destroy()
  rmSync(filesDir, { recursive: true, force: true })
})

type Reply = { data: { intent: string; result: { error: Record<string, string[] | null> } }; init: ResponseInit }
function post(pairs: [string, string][], who = cookie) {
  const body = new FormData()
  for (const [k, v] of pairs) body.append(k, v)
  return new Request(`http://localhost/recruteur/candidatures/${applicationId}`, { method: 'POST', body, headers: { Cookie: who } })
}
const call = (request: Request, id = String(applicationId)) =>
  (action({ request, params: { id }, context: { db: test.db, files } } as never) as Promise<Response | Reply>).catch((e: unknown) => e as Response)
const get = (fn: typeof cvLoader | typeof csvLoader | typeof loader, id: number, who = cookie) =>
  (fn({ request: new Request('http://localhost/x', { headers: { Cookie: who } }), params: { id: String(id) }, context: { db: test.db, files } } as never) as Promise<unknown>)
    .catch((e: unknown) => e)
const snapshot = () =>
  Promise.all([
    test.db.selectFrom('applications').select(['id', 'stage', 'stage_changed_at']).orderBy('id').execute(),
    test.db.selectFrom('application_notes').selectAll().orderBy('id').execute(),
  ])

it('moves the stage and adds a note the team sees with its author', async () => {
  expect(((await call(post([['intent', 'stage'], ['stage', 'interview']]))) as Response).status).toBe(302)
  expect(((await call(post([['intent', 'note'], ['body', '  Très bon échange au téléphone.  ']]))) as Response).status).toBe(302)
  const page = (await get(loader, applicationId)) as Awaited<ReturnType<typeof loader>>
  expect(page.application.stage).toBe('interview')
  expect(page.notes).toMatchObject([{ body: 'Très bon échange au téléphone.', author_name: 'Équipe r@exemple.fr' }])
  expect(page.candidate).toMatchObject({ training: 'BUT MMI, ULCO (Bac +3)', skills: [{ level: 'Intermédiaire' }] })
})

it('another company, a candidate and a bad id get 404, 403, 404, and nothing changes', async () => {
  const before = await snapshot()
  expect(((await call(post([['intent', 'stage'], ['stage', 'rejected']], outsiderCookie))) as Response).status).toBe(404)
  expect(((await call(post([['intent', 'note'], ['body', 'Intrus']], outsiderCookie))) as Response).status).toBe(404)
  expect(((await call(post([['intent', 'note'], ['body', 'Intrus']], candidateCookie))) as Response).status).toBe(403)
  expect(((await call(post([['intent', 'note'], ['body', 'x']]), '12abc')) as Response).status).toBe(404)
  expect(((await get(loader, applicationId, outsiderCookie)) as Response).status).toBe(404)
  expect(((await get(cvLoader, applicationId, outsiderCookie)) as Response).status).toBe(404)
  expect(((await get(csvLoader, offerId, outsiderCookie)) as Response).status).toBe(404)
  expect(await snapshot()).toEqual(before)
})

it('serves the CV as a PDF attachment', async () => {
  const response = (await get(cvLoader, applicationId)) as Response
  expect(response.headers.get('Content-Type')).toBe('application/pdf')
  expect(response.headers.get('Content-Disposition')).toBe(`attachment; filename="CV Zoe.pdf"; filename*=UTF-8''CV%20Zo%C3%A9.pdf`)
  expect(new Uint8Array(await response.arrayBuffer())).toEqual(PDF)
})

it('exports the CSV with BOM, semicolons, quoting and a defused formula', async () => {
  const response = (await get(csvLoader, offerId)) as Response
  expect(response.headers.get('Content-Disposition')).toMatch(/^attachment; filename="candidatures-integratrice-web-\d+\.csv"; filename\*=UTF-8''candidatures-integratrice-web-\d+\.csv$/)
  const bytes = new Uint8Array(await response.arrayBuffer())
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  const text = new TextDecoder().decode(bytes)
  const [header, row] = text.split('\r\n')
  // TextDecoder drops the BOM checked above.
  expect(header).toBe('Nom;E-mail;Étape;Date de candidature;Commune;Formation;Compétences;Message')
  expect(row).toContain('"Zoé Dupré; ""la Boulonnaise"""')
  expect(row).toContain(';Entretien;')
  expect(text).toContain(`"'=HYPERLINK(""http://x"")\nmerci"`)
})

it('fuzzed: a French 400 or a done change, never an exception nor a half-saved one', async () => {
  const field = fc.constantFrom('intent', 'stage', 'body')
  const value = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 20 }),
    fc.constantFrom('', '   ', 'stage', 'note', 'new', 'hired', 'rejected', 'Nouvelle', 'x'.repeat(6000), '<script>alert(1)</script>'),
  )
  await fc.assert(
    fc.asyncProperty(fc.array(fc.tuple(field, value), { maxLength: 8 }), async (pairs) => {
      const [applications, notes] = await snapshot()
      const outcome = await call(post(pairs))
      const [applicationsAfter, notesAfter] = await snapshot()
      if (outcome instanceof Response) {
        expect(outcome.status).toBe(302)
        // Exactly one thing changed: a stage, or one more note.
        expect(Number(notesAfter.length !== notes.length) + Number(JSON.stringify(applicationsAfter) !== JSON.stringify(applications))).toBeLessThanOrEqual(1)
        return
      }
      expect(outcome.init.status).toBe(400)
      expect([applicationsAfter, notesAfter]).toEqual([applications, notes])
      const messages = Object.values(outcome.data.result.error).flat().filter((m): m is string => Boolean(m))
      expect(messages.length).toBeGreaterThan(0)
      for (const message of messages) expect(message).toMatch(/^[A-ZÀ-ÝÉ].*[.:)]$/u)
    }),
    { numRuns: 300 },
  )
})
