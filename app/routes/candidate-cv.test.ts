import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createUser } from '#db/queries/accounts.ts'
import { createFileStore } from '#db/files.ts'
import { createTestCandidate } from '#db/seed/index.ts'
import { createTestDatabase } from '#db/test-database.ts'
import { cleanFileName } from '../utils/candidate-profile.server.ts'
import { attachmentDisposition } from '../utils/download.server.ts'
import { loader as download } from './candidate-cv.tsx'
import { action } from './candidate-profile.tsx'
import { sessionCookieFor } from '../utils/test-session.server.ts'

let test: Awaited<ReturnType<typeof createTestDatabase>>
let filesDir: string
let files: ReturnType<typeof createFileStore>
const cookies = { owner: '', other: '', noProfile: '', recruiter: '' }

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n')
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])

const cookieFor = (userId: number) => sessionCookieFor(test.db, userId)

beforeAll(async () => {
  test = await createTestDatabase()
  filesDir = mkdtempSync(path.join(tmpdir(), 'passerelle-files-'))
  files = createFileStore(filesDir)
  cookies.owner = await cookieFor((await createTestCandidate(test.db)).id)
  cookies.other = await cookieFor((await createTestCandidate(test.db)).id)
  const bare = await createUser(test.db, { email: 'sans-profil@exemple.fr', passwordHash: 'x', displayName: 'S', role: 'candidate' }, new Date())
  const recruiter = await createUser(test.db, { email: 'r@exemple.fr', passwordHash: 'x', displayName: 'R', role: 'recruiter' }, new Date())
  if (bare === 'email-taken' || recruiter === 'email-taken') throw new Error('taken')
  cookies.noProfile = await cookieFor(bare.id)
  cookies.recruiter = await cookieFor(recruiter.id)
})
afterAll(async () => {
  await test.destroy()
  rmSync(filesDir, { recursive: true, force: true })
})

async function upload(cookie: string, bytes: Uint8Array, name: string) {
  const body = new FormData()
  body.append('intent', 'cv-upload')
  body.append('cv', new Blob([bytes as BlobPart], { type: 'application/pdf' }), name)
  const request = new Request('http://localhost/candidat/profil', { method: 'POST', body, headers: { Cookie: cookie } })
  return (await action({ request, params: {}, context: { db: test.db, files } } as never)) as
    | Response
    | { data: { intent: string; error: string }; init: ResponseInit }
}
const get = (cookie: string) =>
  download({ request: new Request('http://localhost/candidat/cv', { headers: cookie ? { Cookie: cookie } : {} }), params: {},
    context: { db: test.db, files } } as never).catch((thrown: unknown) => thrown) as Promise<Response>

it('stores a PDF under a random name and serves it to its owner as an attachment with its (encoded) name', async () => {
  const outcome = await upload(cookies.owner, PDF, 'CV Zoé; été.pdf')
  expect((outcome as Response).status).toBe(302)
  expect(readdirSync(filesDir)).toHaveLength(1)
  expect(readdirSync(filesDir)[0]).toMatch(/^[0-9a-f]{32}$/)
  const response = await get(cookies.owner)
  expect(response.status).toBe(200)
  expect(response.headers.get('Content-Type')).toBe('application/pdf')
  // nosniff is on every response (app/security-headers.ts, checked by e2e/http.spec.ts).
  expect(response.headers.get('Content-Disposition')).toBe(
    `attachment; filename="CV Zoe_ ete.pdf"; filename*=UTF-8''CV%20Zo%C3%A9%3B%20%C3%A9t%C3%A9.pdf`,
  )
  expect(new Uint8Array(await response.arrayBuffer())).toEqual(PDF)
})

it('a name with quotes, backslashes or line breaks cannot break out of the header', () => {
  expect(attachmentDisposition('a"b\\c\r\nSet-Cookie: x.pdf')).toBe(
    `attachment; filename="a_b_c__Set-Cookie: x.pdf"; filename*=UTF-8''a%22b%5Cc%0D%0ASet-Cookie%3A%20x.pdf`,
  )
  expect(cleanFileName('C:\\Users\\zoé\\cv\u0000.pdf')).toBe('cv.pdf')
  expect(cleanFileName('../../')).toBe('cv.pdf')
})

it('replacing the CV removes the old file; deleting it removes the last one', async () => {
  const first = readdirSync(filesDir)
  await upload(cookies.owner, PDF, 'nouveau.pdf')
  const second = readdirSync(filesDir)
  expect(second).toHaveLength(1)
  expect(second).not.toEqual(first)
  const body = new FormData()
  body.append('intent', 'cv-delete')
  await action({ request: new Request('http://localhost/candidat/profil', { method: 'POST', body, headers: { Cookie: cookies.owner } }),
    params: {}, context: { db: test.db, files } } as never)
  expect(readdirSync(filesDir)).toEqual([])
  expect((await get(cookies.owner)).status).toBe(404)
})

it('refuses a PNG named .pdf (415) and a file over 5 MB (413) in French, storing nothing', async () => {
  const png = await upload(cookies.owner, PNG, 'cv.pdf')
  expect(png).toMatchObject({ init: { status: 415 }, data: { intent: 'cv', error: expect.stringMatching(/^Votre CV doit être un fichier PDF\./) } })
  const big = new Uint8Array(5 * 1024 * 1024 + 1)
  big.set(PDF)
  const large = await upload(cookies.owner, big, 'gros.pdf')
  expect(large).toMatchObject({ init: { status: 413 }, data: { error: expect.stringMatching(/^Votre CV dépasse 5 Mo/) } })
  expect(readdirSync(filesDir)).toEqual([])
})

it('a CV needs a profile first; nothing is stored', async () => {
  const outcome = await upload(cookies.noProfile, PDF, 'cv.pdf')
  expect(outcome).toMatchObject({ init: { status: 400 }, data: { error: 'Enregistrez d’abord votre profil (prénom et nom).' } })
  expect(readdirSync(filesDir)).toEqual([])
})

it('only the owner downloads their CV: another candidate has none, a recruiter is refused, a visitor must sign in', async () => {
  await upload(cookies.owner, PDF, 'moi.pdf')
  expect((await get(cookies.other)).status).toBe(404)
  expect((await get(cookies.recruiter)).status).toBe(403)
  const anonymous = await get('')
  expect(anonymous.status).toBe(302)
  expect(anonymous.headers.get('Location')).toBe('/connexion?redirectTo=%2Fcandidat%2Fcv')
})
