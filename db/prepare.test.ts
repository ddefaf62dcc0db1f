import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { APPLICATION_STAGES } from './domain.ts'
import { openDatabase, type DB } from './connection.ts'
import { prepareDatabase } from './prepare.ts'

const dir = mkdtempSync(path.join(tmpdir(), 'passerelle-demo-'))
let db: DB
beforeAll(async () => {
  db = openDatabase(path.join(dir, 'demo.sqlite')).db
  expect(await prepareDatabase(db, { demo: true })).toEqual({ seeded: true })
}, 60_000)
afterAll(async () => {
  await db.destroy()
  rmSync(dir, { recursive: true, force: true })
})

it('the demo recruiter sees applications at every stage of the pipeline, with notes', async () => {
  const rows = await db
    .selectFrom('applications as a')
    .innerJoin('offers as o', 'o.id', 'a.offer_id')
    .innerJoin('company_members as m', 'm.company_id', 'o.company_id')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['a.stage', 'a.id'])
    .where('u.email', '=', 'recruteur@demo.passerelle.fr')
    .execute()
  expect(new Set(rows.map((r) => r.stage))).toEqual(new Set(APPLICATION_STAGES))
  const notes = await db.selectFrom('application_notes').select('application_id').where('application_id', 'in', rows.map((r) => r.id)).execute()
  expect(notes.length).toBeGreaterThan(5)
})

it('the demo candidate has a visible profile and follows applications at several stages', async () => {
  const candidate = await db
    .selectFrom('users as u')
    .innerJoin('candidate_profiles as p', 'p.user_id', 'u.id')
    .select(['u.id', 'p.first_name', 'p.visibility', 'p.programme'])
    .where('u.email', '=', 'candidate@demo.passerelle.fr')
    .executeTakeFirstOrThrow()
  expect(candidate).toMatchObject({ first_name: 'Inès', visibility: 'verified_recruiters', programme: 'BUT Informatique' })
  const stages = await db.selectFrom('applications').select('stage').where('candidate_id', '=', candidate.id).execute()
  expect(stages.map((s) => s.stage).sort()).toEqual(['interview', 'new', 'rejected'])
})

it('demo candidates come with skills and languages; some keep their profile private', async () => {
  const profiles = await db.selectFrom('candidate_profiles').select(['user_id', 'visibility']).execute()
  expect(profiles.length).toBeGreaterThan(50)
  const visibilities = new Set(profiles.map((p) => p.visibility))
  expect(visibilities).toEqual(new Set(['private', 'verified_recruiters']))
  const withoutSkills = await db
    .selectFrom('candidate_profiles as p')
    .select('p.user_id')
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('candidate_skills as s').select('s.user_id').whereRef('s.user_id', '=', 'p.user_id'))))
    .execute()
  expect(withoutSkills).toEqual([])
})

it('companies whose offers wait for moderation are not verified yet, except the demo recruiter’s', async () => {
  const unverified = await db.selectFrom('companies').select('id').where('verified_at', 'is', null).execute()
  expect(unverified.length).toBeGreaterThan(0)
  const first = await db.selectFrom('companies').select('id').orderBy('id').executeTakeFirstOrThrow()
  expect(unverified.map((c) => c.id)).not.toContain(first.id)
  const pendingOfVerified = await db
    .selectFrom('offers as o')
    .innerJoin('companies as c', 'c.id', 'o.company_id')
    .select('o.id')
    .where('o.status', '=', 'pending')
    .where('c.verified_at', 'is not', null)
    .where('c.id', '!=', first.id)
    .execute()
  expect(pendingOfVerified).toEqual([])
})

it('the demo organiser runs an open forum with companies bringing offers and confirmed candidates', async () => {
  const forum = await db
    .selectFrom('forums as f')
    .innerJoin('users as u', 'u.id', 'f.organiser_id')
    .select(['f.id', 'f.status'])
    .where('u.email', '=', 'organisation@demo.passerelle.fr')
    .executeTakeFirstOrThrow()
  expect(forum.status).toBe('open')
  const count = async (table: 'forum_companies' | 'forum_offers' | 'forum_candidates' | 'forum_wishes') =>
    (await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('forum_id', '=', forum.id).executeTakeFirstOrThrow()).n
  expect(await count('forum_companies')).toBe(8)
  expect(await count('forum_offers')).toBeGreaterThanOrEqual(8)
  expect(await count('forum_candidates')).toBe(40)
  expect(await count('forum_wishes')).toBeGreaterThan(5)
  const unconfirmed = await db.selectFrom('forum_candidates').select('candidate_id').where('forum_id', '=', forum.id).where('consent_at', 'is', null).execute()
  expect(unconfirmed).toEqual([])
})
