import { afterAll, beforeAll, expect, it } from 'vitest'
import { createTestCandidate } from '../seed/index.ts'
import { createTestDatabase } from '../test-database.ts'
import { createUser } from './accounts.ts'
import { findOwnCv, findOwnProfile, replaceOwnCv, saveOwnProfile, setOwnVisibility, type ProfileInput } from './candidate-profiles.ts'

let test: Awaited<ReturnType<typeof createTestDatabase>>
const NOW = new Date('2026-11-20T10:00:00Z')

const input = (overrides: Partial<ProfileInput> = {}): ProfileInput => ({
  firstName: 'Inès',
  lastName: 'Delattre',
  school: 'Université du Littoral Côte d’Opale',
  programme: 'BUT informatique',
  degreeLevel: 'bac3',
  graduationYear: 2026,
  communeInsee: '62193',
  mobilityKm: 40,
  remotePreference: 'hybrid',
  contractTypes: ['cdi', 'alternance'],
  availableFrom: '2027-01-04',
  bio: 'Développeuse web curieuse.',
  links: ['https://github.com/ines'],
  skills: [{ slug: 'typescript', level: 3 }, { slug: 'react', level: 2 }],
  languages: [{ code: 'en', level: 'b2' }],
  ...overrides,
})
const outbox = async (userId: number) =>
  (await test.db.selectFrom('search_outbox').select('id').where('doc_type', '=', 'profile').where('doc_id', '=', userId).execute()).length

async function newCandidate(email: string) {
  const user = await createUser(test.db, { email, passwordHash: 'x', displayName: 'X', role: 'candidate' }, NOW)
  if (user === 'email-taken') throw new Error('taken')
  return user.id
}

beforeAll(async () => {
  test = await createTestDatabase()
})
afterAll(async () => {
  await test.destroy()
})

it('creates the profile on first save, replaces skills and languages on the next, and queues it for the index each time', async () => {
  const id = await newCandidate('ines@exemple.fr')
  expect(await findOwnProfile(test.db, id)).toBeUndefined()
  await saveOwnProfile(test.db, id, input(), NOW)
  const saved = await findOwnProfile(test.db, id)
  expect(saved).toMatchObject({
    first_name: 'Inès', visibility: 'private', consent_at: null, contract_types: ['cdi', 'alternance'], links: ['https://github.com/ines'],
    languages: [{ language: 'en', level: 'b2' }],
  })
  expect(saved?.skills.map((s) => [s.slug, s.level])).toEqual([['react', 2], ['typescript', 3]])
  expect(await outbox(id)).toBe(1)

  await saveOwnProfile(test.db, id, input({ skills: [{ slug: 'python', level: 4 }], languages: [] }), NOW)
  const again = await findOwnProfile(test.db, id)
  expect(again?.skills.map((s) => [s.slug, s.level])).toEqual([['python', 4]])
  expect(again?.languages).toEqual([])
  expect(await outbox(id)).toBe(2)
})

it('a failing save changes nothing: the skills already saved stay', async () => {
  const id = await newCandidate('rollback@exemple.fr')
  await saveOwnProfile(test.db, id, input(), NOW)
  // A commune that does not exist breaks the foreign key after the skills were deleted in the transaction.
  await expect(saveOwnProfile(test.db, id, input({ communeInsee: '00000', skills: [] }), NOW)).rejects.toThrow()
  const profile = await findOwnProfile(test.db, id)
  expect(profile?.commune_insee).toBe('62193')
  expect(profile?.skills).toHaveLength(2)
})

it('consent is given and withdrawn at once; without a profile nothing happens', async () => {
  const id = await newCandidate('consent@exemple.fr')
  expect(await setOwnVisibility(test.db, id, true, NOW)).toBe(false)
  expect(await outbox(id)).toBe(0)
  await saveOwnProfile(test.db, id, input(), NOW)
  expect(await setOwnVisibility(test.db, id, true, NOW)).toBe(true)
  expect(await findOwnProfile(test.db, id)).toMatchObject({ visibility: 'verified_recruiters', consent_at: NOW.toISOString() })
  expect(await setOwnVisibility(test.db, id, false, NOW)).toBe(true)
  expect(await findOwnProfile(test.db, id)).toMatchObject({ visibility: 'private', consent_at: null })
  expect(await outbox(id)).toBe(3)
})

it('candidate A never reads nor changes candidate B’s profile or CV', async () => {
  const a = await createTestCandidate(test.db, { firstName: 'Aline' })
  const b = await createTestCandidate(test.db, { firstName: 'Bruno', skills: [{ slug: 'java', level: 3 }] })
  await replaceOwnCv(test.db, b.id, { file: 'b'.repeat(32), name: 'bruno.pdf', size: 10 }, NOW)
  await replaceOwnCv(test.db, a.id, { file: 'a'.repeat(32), name: 'aline.pdf', size: 10 }, NOW)
  await saveOwnProfile(test.db, a.id, input({ firstName: 'Aline', skills: [] }), NOW)
  await setOwnVisibility(test.db, a.id, true, NOW)

  const bProfile = await findOwnProfile(test.db, b.id)
  expect(bProfile).toMatchObject({ first_name: 'Bruno', visibility: 'private' })
  expect(bProfile?.skills.map((s) => s.slug)).toEqual(['java'])
  expect(await findOwnCv(test.db, a.id)).toEqual({ cv_file: 'a'.repeat(32), cv_name: 'aline.pdf' })
  expect(await findOwnCv(test.db, b.id)).toEqual({ cv_file: 'b'.repeat(32), cv_name: 'bruno.pdf' })
})

it('replacing the CV answers the previous file for removal; removing it clears the row', async () => {
  const id = (await createTestCandidate(test.db)).id
  expect(await replaceOwnCv(test.db, id, { file: '1'.repeat(32), name: 'v1.pdf', size: 1 }, NOW)).toEqual({ previousFile: null })
  expect(await replaceOwnCv(test.db, id, { file: '2'.repeat(32), name: 'v2.pdf', size: 2 }, NOW)).toEqual({ previousFile: '1'.repeat(32) })
  expect(await replaceOwnCv(test.db, id, null, NOW)).toEqual({ previousFile: '2'.repeat(32) })
  expect(await findOwnCv(test.db, id)).toBeUndefined()
  expect(await replaceOwnCv(test.db, await newCandidate('sans-profil@exemple.fr'), null, NOW)).toBe('no-profile')
})

it('keeps the occupations a candidate aims for (ROME codes), replaced on each save, kept when a save leaves them out', async () => {
  const id = await newCandidate('metiers@example.fr')
  await saveOwnProfile(test.db, id, input({ targetOccupations: ['M1855', 'M1805', 'Z9999'] }), NOW)
  expect((await findOwnProfile(test.db, id))?.target_occupations).toEqual(['M1805', 'M1855'])
  await saveOwnProfile(test.db, id, input(), NOW)
  expect((await findOwnProfile(test.db, id))?.target_occupations).toEqual(['M1805', 'M1855'])
  await saveOwnProfile(test.db, id, input({ targetOccupations: ['M1811'] }), NOW)
  expect((await findOwnProfile(test.db, id))?.target_occupations).toEqual(['M1811'])
})
