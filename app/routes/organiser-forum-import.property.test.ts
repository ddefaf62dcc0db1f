import fc from 'fast-check'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createSession, createUser } from '#db/queries/accounts.ts'
import { createTestForum } from '#db/seed/forum-factories.ts'
import { createTestDatabase } from '#db/test-database.ts'
import type { Mail } from '../utils/mail.server.ts'
import { sessionCookieHeader } from '../utils/session.server.ts'
import { action } from './organiser-forum-import.tsx'

let test: Awaited<ReturnType<typeof createTestDatabase>>
let cookie = ''
let forum: { id: number; slug: string }
const sent: Mail[] = []
const mailer = { async send(mail: Mail) { sent.push(mail) } }

beforeAll(async () => {
  test = await createTestDatabase()
  const organiser = await createUser(test.db, { email: 'orga@exemple.fr', passwordHash: 'x', displayName: 'Orga', role: 'organiser' }, new Date())
  const recruiter = await createUser(test.db, { email: 'rh@exemple.fr', passwordHash: 'x', displayName: 'RH', role: 'recruiter' }, new Date())
  if (organiser === 'email-taken' || recruiter === 'email-taken') throw new Error('taken')
  cookie = await sessionCookieHeader((await createSession(test.db, organiser.id, new Date())).token)
  forum = await createTestForum(test.db, { organiserId: organiser.id })
})
afterAll(async () => {
  await test.destroy()
})

const counts = async () => {
  const n = (table: 'users' | 'candidate_profiles' | 'forum_candidates' | 'password_resets') =>
    test.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow().then((r) => r.n)
  return { users: await n('users'), profiles: await n('candidate_profiles'), registered: await n('forum_candidates'), links: await n('password_resets') }
}
const upload = (text: string | Uint8Array<ArrayBuffer>) => {
  const body = new FormData()
  body.append('fichier', new File([text], 'liste.csv', { type: 'text/csv' }))
  return new Request(`http://localhost/organisation/forums/${forum.slug}/import`, { method: 'POST', body, headers: { Cookie: cookie } })
}
type Outcome = { data: { problems?: { line: number; column: string | null; message: string }[]; imported?: number; alreadyRegistered?: number }; init?: ResponseInit }
const run = async (text: string | Uint8Array<ArrayBuffer>) =>
  (await action({ request: upload(text), params: { slug: forum.slug }, context: { db: test.db, mailer, publicUrl: 'http://localhost' } } as never)) as Outcome

const HEADERS = ['prenom;nom;email;formation;ecole', 'Prénom;NOM;E-mail;Formation;École', 'prenom,nom,email,formation,ecole',
  'nom;prenom;ecole;email;formation', 'prenom;nom;email;formation', 'prenom;nom;email;formation;ecole;ecole', '']

it('fuzzed CSV: either every line imported (and mailed) or a French line report with nothing imported', async () => {
  const goodCell = fc.constantFrom('Zoé', 'Caron', 'BTS SIO', 'Lycée du Détroit', 'Anne-Sophie', '"Dupont; fils"', '=1+1')
  const badCell = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('', '   ', 'pas-une-adresse', 'rh@exemple.fr', 'x'.repeat(200), '"non fermé'))
  const email = fc.integer({ min: 1, max: 40 }).map((n) => `eleve${n}@ecole.fr`)
  const line = fc.tuple(goodCell, goodCell, fc.oneof({ weight: 4, arbitrary: email }, { weight: 1, arbitrary: badCell }), goodCell,
    fc.oneof({ weight: 4, arbitrary: goodCell }, { weight: 1, arbitrary: badCell }))
  const csv = fc.record({
    header: fc.constantFrom(...HEADERS),
    lines: fc.array(line, { maxLength: 6 }),
    newline: fc.constantFrom('\n', '\r\n'),
    bom: fc.boolean(),
    noise: fc.option(fc.string({ maxLength: 20 }), { freq: 5 }),
  })
  await fc.assert(
    fc.asyncProperty(csv, async ({ header, lines, newline, bom, noise }) => {
      const separator = header.includes(',') ? ',' : ';'
      const text = (bom ? '\uFEFF' : '') + [header, ...lines.map((cells) => cells.join(separator)), ...(noise ? [noise] : [])].join(newline)
      const before = await counts()
      const mailsBefore = sent.length
      const outcome = await run(text)
      if (outcome.data.imported !== undefined) {
        expect(outcome.init?.status ?? 200).toBe(200)
        const after = await counts()
        expect(after.registered - before.registered).toBe(outcome.data.imported)
        expect(sent.length - mailsBefore).toBe(outcome.data.imported)
        return
      }
      expect(outcome.init?.status).toBeGreaterThanOrEqual(400)
      expect(outcome.init?.status).toBeLessThan(500)
      expect(await counts()).toEqual(before)
      expect(sent.length).toBe(mailsBefore)
      expect(outcome.data.problems!.length).toBeGreaterThan(0)
      for (const p of outcome.data.problems!) {
        expect(p.line).toBeGreaterThanOrEqual(0)
        expect(p.message).toMatch(/^[A-ZÀ-ÝÉ«].*[.:)]$/u)
      }
    }),
    { numRuns: 200 },
  )
})

it('reports every bad line of a file and imports nothing; imports the corrected file whole', async () => {
  const before = await counts()
  const bad = await run('prenom;nom;email;formation;ecole\nLéa;Dufour;lea@ecole.fr;BTS SIO;Lycée Coubertin\nHugo;Martel;pas-une-adresse;BTS SIO;\n;Roux;rh@exemple.fr;BTS;Lycée\n')
  expect(bad.init?.status).toBe(400)
  expect(bad.data.problems).toEqual([
    { line: 3, column: 'email', message: expect.stringMatching(/n’est pas valide/) },
    { line: 3, column: 'école', message: 'Indiquez l’école.' },
    { line: 4, column: 'prénom', message: 'Indiquez le prénom.' },
  ])
  expect(await counts()).toEqual(before)
  const wrongRole = await run('prenom;nom;email;formation;ecole\nLéa;Dufour;lea@ecole.fr;BTS SIO;Lycée\nPaul;Roux;rh@exemple.fr;BTS;Lycée\n')
  expect(wrongRole.data.problems).toEqual([{ line: 3, column: 'email', message: 'Cette adresse appartient à un compte qui n’est pas un compte candidat.' }])
  expect(await counts()).toEqual(before)
  const notText = await run(new Uint8Array([0xff, 0xfe, 0x00, 0x41]))
  expect(notText.init?.status).toBe(415)

  const good = await run('\uFEFFPrénom,Nom,E-mail,Formation,École\r\nLéa,Dufour,lea@ecole.fr,BTS SIO,"Lycée Coubertin, Calais"\r\n')
  expect(good.data).toEqual({ imported: 1, alreadyRegistered: 0 })
  const mail = sent.at(-1)!
  expect(mail.to).toBe('lea@ecole.fr')
  expect(mail.text).toMatch(/reinitialiser-mot-de-passe\?jeton=[\w-]+&suite=%2Fforums%2Fforum-test-\d+%2Fconfirmer/)
  expect(await test.db.selectFrom('candidate_profiles').select(['first_name', 'school']).where('first_name', '=', 'Léa').executeTakeFirst())
    .toEqual({ first_name: 'Léa', school: 'Lycée Coubertin, Calais' })
})
