import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createSession } from '#db/queries/accounts.ts'
import { saveOwnProfile, setOwnVisibility, type ProfileInput } from '#db/queries/candidate-profiles.ts'
import { createFileStore } from '#db/files.ts'
import { createTestCandidate } from '#db/seed/index.ts'
import { createTestDatabase } from '#db/test-database.ts'
import { sessionCookieHeader } from '../utils/session.server.ts'
import { action } from './candidate-profile.tsx'

let test: Awaited<ReturnType<typeof createTestDatabase>>
let filesDir: string
let files: ReturnType<typeof createFileStore>
let userId: number
let cookie: string

const BASE: ProfileInput = {
  firstName: 'Léa', lastName: 'Vasseur', school: 'ULCO', programme: 'Master', degreeLevel: 'bac5', graduationYear: 2025,
  communeInsee: '62193', mobilityKm: 50, remotePreference: 'hybrid', contractTypes: ['cdi'], availableFrom: null, bio: '',
  links: [], skills: [{ slug: 'python', level: 3 }, { slug: 'sql', level: 2 }], languages: [{ code: 'en', level: 'c1' }],
  mobileAnywhere: false, excludedContractTypes: [], diplomaSpeciality: '', internshipMonths: null,
  experiences: [{ kind: 'internship', title: 'Stage data, Calais', start: '2025-03', end: '2025-08' }],
}

beforeAll(async () => {
  test = await createTestDatabase()
  filesDir = mkdtempSync(path.join(tmpdir(), 'passerelle-files-'))
  files = createFileStore(filesDir)
  userId = (await createTestCandidate(test.db)).id
  cookie = await sessionCookieHeader((await createSession(test.db, userId, new Date())).token)
})
afterAll(async () => {
  await test.destroy()
  rmSync(filesDir, { recursive: true, force: true })
})

/** Everything the page's forms may change, to compare before and after a refused post. */
const snapshot = () =>
  Promise.all([
    test.db.selectFrom('candidate_profiles').selectAll().where('user_id', '=', userId).executeTakeFirst(),
    test.db.selectFrom('candidate_skills').selectAll().where('user_id', '=', userId).orderBy('skill_id').execute(),
    test.db.selectFrom('candidate_languages').selectAll().where('user_id', '=', userId).orderBy('language').execute(),
    test.db.selectFrom('candidate_experiences').selectAll().where('user_id', '=', userId).orderBy('id').execute(),
    test.db.selectFrom('search_outbox').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    readdirSync(filesDir),
  ])

type Reply = { data: { intent: string; result?: { error?: Record<string, string[] | null> }; error?: string }; init: ResponseInit }

async function post(pairs: [string, string | Blob][]) {
  const body = new FormData()
  for (const [k, v] of pairs) body.append(k, v)
  const request = new Request('http://localhost/candidat/profil', { method: 'POST', body, headers: { Cookie: cookie } })
  return (await action({ request, params: {}, context: { db: test.db, files } } as never)) as Response | Reply
}

function frenchMessages(reply: Reply): string[] {
  const messages = reply.data.error !== undefined ? [reply.data.error] : Object.values(reply.data.result?.error ?? {}).flat()
  return messages.filter((m): m is string => Boolean(m))
}

const VALID: [string, string][] = [
  ['intent', 'profile'],
  ['firstName', 'Léa'],
  ['lastName', 'Vasseur'],
  ['communeInsee', '62193'],
  ['skills', 'react:3'],
  ['skills', ''],
  ['languages', 'en:b2'],
  ['contractTypes', 'alternance'],
  ['links', 'https://exemple.fr/portfolio\nhttp://github.com/lea'],
]

/** The valid form where each fuzzed field replaces the valid value (and a field fuzzed twice is sent twice). */
function overriding(valid: [string, string][], pairs: [string, string][]): [string, string][] {
  const fuzzed = new Set(pairs.map(([k]) => k))
  return [...valid.filter(([k]) => !fuzzed.has(k)), ...pairs]
}

/** After a refused post, the profile, its skills, its CV files and the outbox are exactly as before. */
async function checkOutcome(outcome: Response | Reply, before: Awaited<ReturnType<typeof snapshot>>) {
  if (outcome instanceof Response) {
    expect(outcome.status).toBe(302)
    expect(outcome.headers.get('Location')).toMatch(/^\/candidat\/profil\?fait=/)
    return
  }
  expect(outcome.init.status).toBeGreaterThanOrEqual(400)
  expect(outcome.init.status).toBeLessThan(500)
  const messages = frenchMessages(outcome)
  expect(messages.length).toBeGreaterThan(0)
  for (const message of messages) expect(message).toMatch(/^[A-ZÀ-ÝÉ].*[.:)]$/u)
  expect(await snapshot()).toEqual(before)
}

it('saves a valid profile: skills with levels, languages, contracts and links', async () => {
  const outcome = await post(VALID)
  expect(outcome).toBeInstanceOf(Response)
  const [profile, skills, languages] = await snapshot()
  expect(profile).toMatchObject({ first_name: 'Léa', contract_types: '["alternance"]', links: '["https://exemple.fr/portfolio","http://github.com/lea"]' })
  expect(skills.map((s) => s.level)).toEqual([3])
  expect(languages).toEqual([{ user_id: userId, language: 'en', level: 'b2' }])
})

it('saves what matching reads: dated experience (month input or 09/2025), speciality, excluded contracts, mobile anywhere, internship length', async () => {
  const outcome = await post([...VALID, ['diplomaSpeciality', 'SISR'], ['mobileAnywhere', 'on'], ['excludedContractTypes', 'interim'],
    ['internshipMonths', '6'], ['experiences[0].kind', 'apprenticeship'], ['experiences[0].title', 'Alternance, Calais'],
    ['experiences[0].start', '09/2024'], ['experiences[0].end', '2026-08'], ['experiences[1].kind', ''], ['experiences[1].title', '']])
  expect(outcome).toBeInstanceOf(Response)
  const [profile, , , experiences] = await snapshot()
  expect(profile).toMatchObject({ diploma_speciality: 'SISR', mobile_anywhere: 1, excluded_contract_types: '["interim"]', internship_months: 6 })
  expect(experiences.map((e) => [e.kind, e.title, e.start_month, e.end_month])).toEqual([['apprenticeship', 'Alternance, Calais', '2024-09', '2026-08']])
  const both = (await post([...VALID, ['excludedContractTypes', 'alternance']])) as Reply
  expect(both.init.status).toBe(400)
  expect(frenchMessages(both)).toContain('Un contrat ne peut être à la fois recherché et exclu.')
  const half = (await post([...VALID, ['experiences[0].kind', 'job']])) as Reply
  expect(frenchMessages(half)).toContain('Pour chaque expérience, indiquez le type, l’intitulé et le mois de début.')
})

it('refuses a javascript: link and an unknown skill in French, keeping the saved skills', async () => {
  await saveOwnProfile(test.db, userId, BASE, new Date())
  const before = await snapshot()
  const outcome = (await post([...VALID.filter(([k]) => k !== 'links'), ['links', 'https://ok.fr\njavascript:alert(1)']])) as Reply
  expect(outcome.init.status).toBe(400)
  expect(outcome.data.result?.error?.links).toEqual(['Chaque lien doit être une adresse web complète commençant par https:// ou http://.'])
  expect(await snapshot()).toEqual(before)
  const unknown = (await post([...VALID.filter(([k]) => k !== 'skills'), ['skills', 'klingon:2']])) as Reply
  expect(unknown.data.result?.error?.skills).toEqual(['Choisissez les compétences et leur niveau dans les listes.'])
  expect(await snapshot()).toEqual(before)
})

it('fuzzed profile form: a French 4xx or a saved profile, never an exception nor a half-saved profile', async () => {
  // Generic junk, plus each field's own edge values so that boundaries are really crossed.
  const year = new Date().getFullYear()
  const EDGES: Record<string, string[]> = {
    firstName: ['', ' ', 'É', 'x'.repeat(80), 'x'.repeat(81)],
    lastName: ['', 'Lefebvre', 'x'.repeat(81)],
    school: ['x'.repeat(120), 'x'.repeat(121)],
    programme: ['BUT', 'x'.repeat(121)],
    degreeLevel: ['bac', 'bac8', 'bac+5', 'bac4'],
    graduationYear: ['1979', '1980', String(year + 5), String(year + 6), '2026.5', 'deux mille'],
    skills: ['react:1', 'react:4', 'react:5', 'react:0', 'klingon:1', 'typescript:2', 'react'],
    languages: ['en:native', 'fr:c2', 'xx:b1', 'en:c3', 'en'],
    communeInsee: ['62193', '62160', '00000', '2A004', '75056'],
    mobilityKm: ['-1', '0', '200', '201', '500', '501', '1e2', '12.5'],
    remotePreference: ['any', 'on_site', 'full_remote', 'remote'],
    contractTypes: ['cdi', 'stage', 'interim', 'benevolat'],
    availableFrom: ['2027-03-01', '2027-02-30', '01/03/2027', '2027-3-1'],
    bio: ['x'.repeat(2000), 'x'.repeat(2001), '<script>alert(1)</script>'],
    mobileAnywhere: ['on', 'off', ''],
    excludedContractTypes: ['interim', 'alternance', 'stage', 'benevolat'],
    diplomaSpeciality: ['SLAM', 'x'.repeat(120), 'x'.repeat(121)],
    internshipMonths: ['0', '1', '6', '12', '13', '4.5', 'six'],
    'experiences[0].kind': ['internship', 'apprenticeship', 'job', 'volunteer', ''],
    'experiences[0].title': ['Stage chez Opale Data', 'x'.repeat(120), 'x'.repeat(121), ''],
    'experiences[0].start': ['2025-09', '09/2025', '2025-13', '13/2025', '1969-01', '2025-9', ''],
    'experiences[0].end': ['2026-06', '2024-01', 'en cours', ''],
    'experiences[3].start': ['2020-01'],
    'experiences[4].kind': ['job'],
    links: ['https://a.fr', 'ftp://a.fr', 'javascript:alert(1)', 'https://a.fr\nhttps://b.fr\nhttps://c.fr\nhttps://d.fr\nhttps://e.fr',
      'https://a.fr\nhttps://b.fr\nhttps://c.fr\nhttps://d.fr\nhttps://e.fr\nhttps://f.fr', `https://a.fr/${'x'.repeat(300)}`],
  }
  const generic = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 }), fc.integer({ min: -10, max: 3000 }).map(String))
  const pair = fc
    .constantFrom(...Object.keys(EDGES))
    .chain((field) => fc.tuple(fc.constant(field), fc.oneof({ arbitrary: generic, weight: 1 }, { arbitrary: fc.constantFrom(...EDGES[field]!), weight: 3 })))
  let saved = 0
  await fc.assert(
    fc.asyncProperty(fc.array(pair, { maxLength: 6 }), fc.boolean(), async (pairs, startValid) => {
      // Each run starts from a saved profile with skills: a refused post must leave them.
      await saveOwnProfile(test.db, userId, BASE, new Date())
      const before = await snapshot()
      const outcome = await post([['intent', 'profile'], ...(startValid ? overriding(VALID, pairs) : pairs)])
      await checkOutcome(outcome, before)
      if (outcome instanceof Response) saved++
    }),
    {
      numRuns: 250,
      // The limits the database also checks: the form must answer them before the database throws.
      examples: [[[['mobilityKm', '501']], true], [[['mobilityKm', '201']], true], [[['communeInsee', '00000']], true],
        [[['skills', 'klingon:1']], true], [[['languages', 'en:c3']], true], [[['degreeLevel', 'bac4']], true]],
    },
  )
  // Both outcomes were explored, or the property proved little.
  expect(saved).toBeGreaterThan(10)
})

it('fuzzed consent form: consent needs the box ticked; withdrawing is immediate', async () => {
  const field = fc.constantFrom('intent', 'consent')
  const value = fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('', 'on', 'off', 'true', 'consent', 'withdraw', 'profile'))
  await fc.assert(
    fc.asyncProperty(fc.array(fc.tuple(field, value), { maxLength: 4 }), fc.boolean(), async (pairs, visible) => {
      await saveOwnProfile(test.db, userId, BASE, new Date())
      await setOwnVisibility(test.db, userId, visible, new Date())
      const before = await snapshot()
      const outcome = await post([['intent', 'consent'], ...pairs])
      await checkOutcome(outcome, before)
      if (outcome instanceof Response && outcome.headers.get('Location') === '/candidat/profil?fait=visible') {
        expect((await snapshot())[0]).toMatchObject({ visibility: 'verified_recruiters', consent_at: expect.any(String) })
      }
    }),
    { numRuns: 150, examples: [[[], false], [[['consent', 'on']], false]] },
  )
  await post([['intent', 'consent'], ['consent', 'on']])
  expect((await snapshot())[0]).toMatchObject({ visibility: 'verified_recruiters' })
  await post([['intent', 'withdraw']])
  expect((await snapshot())[0]).toMatchObject({ visibility: 'private', consent_at: null })
})
