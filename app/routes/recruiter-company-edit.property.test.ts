import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createFileStore } from '#db/files.ts'
import { createSession, createUser } from '#db/queries/accounts.ts'
import { createTestCompany } from '#db/seed/index.ts'
import { createTestDatabase } from '#db/test-database.ts'
import { sessionCookieHeader } from '../utils/session.server.ts'
import { action } from './recruiter-company-edit.tsx'
import { loader as logoLoader } from './company-logo.ts'

let test: Awaited<ReturnType<typeof createTestDatabase>>
let files: ReturnType<typeof createFileStore>
let filesDir: string
let cookie: string
let outsiderCookie: string
const SLUG = 'opale-phares'

async function recruiter(email: string) {
  const user = await createUser(test.db, { email, passwordHash: 'x', displayName: 'R', role: 'recruiter' }, new Date())
  if (user === 'email-taken') throw new Error('taken')
  return { id: user.id, cookie: await sessionCookieHeader((await createSession(test.db, user.id, new Date())).token) }
}

beforeAll(async () => {
  test = await createTestDatabase()
  filesDir = mkdtempSync(path.join(tmpdir(), 'passerelle-files-'))
  files = createFileStore(filesDir)
  const company = await createTestCompany(test.db, { name: 'Opale Phares', slug: SLUG })
  const member = await recruiter('membre@exemple.fr')
  await test.db.insertInto('company_members').values({ company_id: company.id, user_id: member.id, role: 'member', created_at: new Date().toISOString() }).execute()
  cookie = member.cookie
  const outsider = await recruiter('autre@exemple.fr')
  await createTestCompany(test.db, { name: 'Autre', slug: 'autre' }).then((c) =>
    test.db.insertInto('company_members').values({ company_id: c.id, user_id: outsider.id, role: 'owner', created_at: new Date().toISOString() }).execute())
  outsiderCookie = outsider.cookie
})
afterAll(async () => {
  await test.destroy()
  rmSync(filesDir, { recursive: true, force: true })
})

const VALID: [string, string][] = [
  ['name', 'Opale Phares'],
  ['nafCode', '62.01Z'],
  ['sizeBand', '10-49'],
  ['communeInsee', '62193'],
  ['description', 'Nous équipons les phares du littoral de capteurs connectés.'],
]
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 9, 9])

function post(pairs: [string, string][], who = cookie, logo?: Uint8Array) {
  const body = new FormData()
  for (const [k, v] of pairs) body.append(k, v)
  if (logo) body.append('logo', new Blob([logo as BlobPart]), 'logo.png')
  return new Request(`http://localhost/recruteur/entreprises/${SLUG}`, { method: 'POST', body, headers: { Cookie: who } })
}
type Reply = { data: { error: Record<string, string[] | null> }; init: ResponseInit }
const call = (request: Request) =>
  (action({ request, params: { slug: SLUG }, context: { db: test.db, files } } as never) as Promise<Response | Reply>).catch((e: unknown) => e as Response)
const row = () => test.db.selectFrom('companies').selectAll().where('slug', '=', SLUG).executeTakeFirstOrThrow()
const stored = () => readdirSync(filesDir).sort()
const logo = async () => {
  const response = await logoLoader({ params: { slug: SLUG }, context: { db: test.db, files } } as never)
  return response
}

it('saves the fields, then stores a logo served with its type; a replaced logo is deleted after the commit', async () => {
  const saved = (await call(post(VALID.map(([k, v]) => [k, k === 'name' ? 'Opale Phares & Balises' : v]), cookie, PNG))) as Response
  expect(saved.status).toBe(302)
  expect((await row()).name).toBe('Opale Phares & Balises')
  const first = (await row()).logo_file
  expect(stored()).toEqual([first])
  let served = await logo()
  expect(served.headers.get('Content-Type')).toBe('image/png')
  expect(new Uint8Array(await served.arrayBuffer())).toEqual(PNG)

  expect(((await call(post(VALID, cookie, JPEG))) as Response).status).toBe(302)
  const second = (await row()).logo_file
  expect(stored()).toEqual([second])
  served = await logo()
  expect(served.headers.get('Content-Type')).toBe('image/jpeg')

  expect(((await call(post([['intent', 'remove-logo']]))) as Response).status).toBe(302)
  expect(await row()).toMatchObject({ logo_file: null, logo_mime: null })
  expect(stored()).toEqual([])
  expect((await logo()).status).toBe(404)
})

it('refuses a logo too large (413) or not an image (415) in French, next to the field, keeping everything', async () => {
  await call(post(VALID, cookie, PNG))
  const before = await row()
  const large = new Uint8Array(1024 * 1024 + 10)
  large.set(PNG)
  const tooLarge = (await call(post(VALID.map(([k, v]) => [k, k === 'name' ? 'Changé' : v]), cookie, large))) as Reply
  expect(tooLarge.init.status).toBe(413)
  expect(tooLarge.data.error.logo).toEqual(['Le logo ne peut dépasser 1 Mo.'])
  const wrong = (await call(post(VALID.map(([k, v]) => [k, k === 'name' ? 'Changé' : v]), cookie, new TextEncoder().encode('<svg onload=alert(1)>')))) as Reply
  expect(wrong.init.status).toBe(415)
  expect(wrong.data.error.logo).toEqual(['Le logo doit être une image PNG, JPEG ou WebP.'])
  expect(await row()).toEqual(before)
  expect(stored()).toEqual([before.logo_file])
})

it('answers 404 to a recruiter of another company and changes nothing', async () => {
  const before = await row()
  const refused = (await call(post(VALID.map(([k, v]) => [k, k === 'name' ? 'Piratée' : v]), outsiderCookie, PNG))) as Response
  expect(refused.status).toBe(404)
  expect(await row()).toEqual(before)
  expect(stored()).toEqual([before.logo_file])
})

it('fuzzed: a French 4xx or a saved company, never an exception nor a half-saved change', async () => {
  const field = fc.constantFrom('name', 'siren', 'nafCode', 'sizeBand', 'clusterSlug', 'communeInsee', 'website', 'description', 'intent')
  const value = fc.oneof(
    fc.string({ maxLength: 60 }),
    fc.string({ unit: 'binary', maxLength: 30 }),
    fc.constantFrom('', '62.01Z', '250+', '62193', '99999', '216201939', 'javascript:alert(1)', 'https://exemple.fr', 'x'.repeat(4000), 'save'),
  )
  const file = fc.option(fc.oneof(fc.uint8Array({ maxLength: 40 }), fc.constant(PNG), fc.constant(JPEG)), { nil: undefined })
  await fc.assert(
    fc.asyncProperty(fc.array(fc.tuple(field, value), { maxLength: 10 }), fc.boolean(), file, async (pairs, startValid, bytes) => {
      const before = await row()
      const outcome = await call(post(startValid ? [...VALID, ...pairs] : pairs, cookie, bytes))
      const after = await row()
      // Whatever happened, the files on disk are exactly the one the company points to.
      expect(stored()).toEqual(after.logo_file ? [after.logo_file] : [])
      if (outcome instanceof Response) {
        expect(outcome.status).toBe(302)
        return
      }
      expect([400, 413, 415]).toContain(outcome.init.status)
      expect(after).toEqual(before)
      const messages = Object.values(outcome.data.error).flat().filter((m): m is string => Boolean(m))
      expect(messages.length).toBeGreaterThan(0)
      for (const message of messages) expect(message).toMatch(/^[A-ZÀ-ÝÉ].*[.:)]$/u)
    }),
    { numRuns: 200 },
  )
})
