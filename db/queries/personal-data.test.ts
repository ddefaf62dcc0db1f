import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFileStore } from '../files.ts'
import { createCandidateWithEverything, findTracesOf, TEST_CV } from '../seed/candidate-with-everything.ts'
import { createTestCandidate } from '../seed/factories.ts'
import { createTestDatabase } from '../test-database.ts'
import { deleteCandidateAccount, exportCandidateData } from './personal-data.ts'

const NOW = new Date('2026-11-20T10:00:00Z')
let test: Awaited<ReturnType<typeof createTestDatabase>>
const files = createFileStore(mkdtempSync(path.join(tmpdir(), 'passerelle-files-')))

beforeAll(async () => {
  test = await createTestDatabase()
})
afterAll(async () => {
  await test.destroy()
})

describe('personal data', () => {
  it('exports everything about the candidate in one JSON, accents and CV bytes intact, without secrets', async () => {
    const zoe = await createCandidateWithEverything(test.db, files, {
      email: 'zoe.lefevre@exemple.fr', firstName: 'Zoé', lastName: 'Lefèvre', now: NOW,
    })
    const exported = await exportCandidateData(test.db, files, zoe.id, NOW)
    const json = JSON.stringify(exported)
    const parsed = JSON.parse(json) as NonNullable<typeof exported>

    expect(parsed.account).toMatchObject({ email: 'zoe.lefevre@exemple.fr', displayName: 'Zoé Lefèvre', role: 'candidate' })
    expect(parsed.profile).toMatchObject({
      firstName: 'Zoé', lastName: 'Lefèvre', school: 'Université du Littoral Côte d’Opale', commune: 'Calais',
      contractTypes: ['cdi', 'alternance'], links: ['https://zoe.exemple.fr'], visibility: 'verified_recruiters',
      excludedContractTypes: ['interim'], mobileAnywhereInFrance: true, diplomaSpeciality: 'Génie logiciel', internshipMonths: 6,
    })
    expect(parsed.experiences).toEqual([
      { kind: 'apprenticeship', title: 'Alternance développeuse, Forêt Numérique', startMonth: '2024-09', endMonth: '2026-08' }])
    expect(parsed.skills).toEqual([{ name: 'C#', slug: 'csharp', level: 2 }, { name: 'TypeScript', slug: 'typescript', level: 3 }])
    expect(parsed.languages).toEqual([{ language: 'en', level: 'b2' }, { language: 'fr', level: 'native' }])
    expect(parsed.applications).toEqual([expect.objectContaining({
      offer: 'Développeur·se TypeScript à Calais', company: 'Forêt Numérique', stage: 'interview',
      message: 'Je m’appelle Zoé et j’aime TypeScript.',
    })])
    expect(parsed.reports).toEqual([expect.objectContaining({ offer: 'Développeur·se TypeScript à Calais', reason: 'outdated' })])
    expect(parsed.savedOffers).toEqual([expect.objectContaining({
      offer: 'Développeur·se TypeScript à Calais', company: 'Forêt Numérique', savedAt: NOW.toISOString() })])
    expect(parsed.cv).toMatchObject({ name: 'CV Zoé Lefèvre.pdf', size: TEST_CV.byteLength, uploadedAt: NOW.toISOString() })
    expect(new Uint8Array(Buffer.from(parsed.cv!.contentBase64, 'base64'))).toEqual(TEST_CV)

    // No password hash, no token, no internal file name, and recruiters' notes stay with the company.
    expect(json).not.toContain('not-a-hash')
    expect(json).not.toMatch(/password|token/i)
    expect(json).not.toContain(zoe.cvFile)
    expect(json).not.toContain('très bon entretien')
    expect(parsed.recruiterNotes).toContain('entreprise')
  })

  it('exports nothing for an account that is not a candidate', async () => {
    const recruiter = await test.db
      .insertInto('users')
      .values({ email: 'rh@exemple.fr', password_hash: 'x', display_name: 'RH', role: 'recruiter', created_at: NOW.toISOString(),
        last_active_at: NOW.toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow()
    expect(await exportCandidateData(test.db, files, recruiter.id, NOW)).toBeNull()
    expect(await deleteCandidateAccount(test.db, files, recruiter.id, NOW)).toBe(false)
    expect(await test.db.selectFrom('users').select('id').where('id', '=', recruiter.id).executeTakeFirst()).toBeDefined()
  })

  it('deletes a candidate so that no row of any table still names them, and keeps anonymous applications', async () => {
    const bystander = await createTestCandidate(test.db, { firstName: 'Autre', lastName: 'Personne' })
    const ines = await createCandidateWithEverything(test.db, files, {
      email: 'ines.dupre@exemple.fr', firstName: 'Inès', lastName: 'Duprébois', now: NOW,
    })
    expect(findTracesOf(test.sqlite, ines.id, ['ines.dupre@exemple.fr', 'Duprébois']).length).toBeGreaterThan(5)
    expect(findTracesOf(test.sqlite, ines.id, []).some((t) => t.startsWith('saved_offers.user_id'))).toBe(true)

    expect(await deleteCandidateAccount(test.db, files, ines.id, NOW)).toBe(true)

    expect(findTracesOf(test.sqlite, ines.id, ['ines.dupre@exemple.fr', 'Duprébois', 'Inès Duprébois', 'm’appelle Inès'])).toEqual([])
    expect(await files.read(ines.cvFile)).toBeNull()
    const application = await test.db.selectFrom('applications').selectAll().where('id', '=', ines.applicationId).executeTakeFirstOrThrow()
    expect(application).toMatchObject({ candidate_id: null, message: '', stage: 'interview' })
    expect(await test.db.selectFrom('application_notes').select('id').where('application_id', '=', ines.applicationId).execute()).toEqual([])
    expect(await test.db.selectFrom('offer_reports').select('reporter_id').where('offer_id', '=', ines.offerId).execute())
      .toEqual([{ reporter_id: null }])
    expect(await test.db.selectFrom('search_outbox').select('doc_id').where('doc_type', '=', 'profile').execute())
      .toContainEqual({ doc_id: ines.id })
    // Someone else's account is untouched.
    expect(await test.db.selectFrom('candidate_profiles').select('user_id').where('user_id', '=', bystander.id).executeTakeFirst())
      .toEqual({ user_id: bystander.id })
  })
})
