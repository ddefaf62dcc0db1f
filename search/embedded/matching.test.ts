import { activeRegionDefinition, demoCommunes } from '#db/seed/region.ts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DB } from '#db/connection.ts'
import { setOwnVisibility } from '#db/queries/candidate-profiles.ts'
import { deleteCandidateAccount } from '#db/queries/personal-data.ts'
import { generateCandidates } from '#db/seed/candidates.ts'
import { createTestCandidate, createTestCompany, createTestOffer } from '#db/seed/index.ts'
import { Random } from '#db/seed/random.ts'
import { createTestDatabase } from '#db/test-database.ts'
import { rankOffers } from '../match-shortlist.ts'
import { EmbeddedSearchEngine } from './engine.ts'
import { MatchFacts } from './match-facts.ts'
import { shortlistOffers } from './offer-shortlist.ts'
import { OfferStore } from './offer-store.ts'
import { indexOffer } from './offer-index.ts'
import { rebuildProfileIndex } from './profile-index.ts'

const NOW = new Date('2026-11-22T10:00:00Z')
const CALAIS = '62193'
const DUNKERQUE = '59183'
const LILLE = '59350'

let test: Awaited<ReturnType<typeof createTestDatabase>>
let engine: EmbeddedSearchEngine
const offers: Record<string, number> = {}
let privateIds: Set<number>

/** Generated graduates of the region, inserted as they would be by the demo seed. */
async function insertGenerated(db: DB, count: number) {
  const communes = await demoCommunes(db, await activeRegionDefinition(db))
  const skillIds = new Map((await db.selectFrom('skills').select(['id', 'slug']).execute()).map((s) => [s.slug, s.id]))
  const generated = generateCandidates(new Random(11), count, communes, { now: NOW, emailDomain: 'exemple.fr' })
  const privates: number[] = []
  await db.transaction().execute(async (trx) => {
    for (const c of generated) {
      const { id } = await trx.insertInto('users')
        .values({ email: c.email, password_hash: 'x', display_name: c.firstName, role: 'candidate', created_at: NOW.toISOString(), last_active_at: NOW.toISOString() })
        .returning('id').executeTakeFirstOrThrow()
      if (!c.consenting) privates.push(id)
      await trx.insertInto('candidate_profiles').values({
        user_id: id, first_name: c.firstName, last_name: c.lastName, school: c.training.school, programme: c.training.programme,
        degree_level: c.training.degree, graduation_year: c.graduationYear, commune_insee: c.communeInsee, mobility_km: c.mobilityKm,
        remote_preference: c.remotePreference, contract_types: JSON.stringify(c.contractTypes), available_from: c.availableFrom,
        bio: c.bio, visibility: c.consenting ? 'verified_recruiters' : 'private', consent_at: c.consenting ? NOW.toISOString() : null,
        updated_at: NOW.toISOString(),
      }).execute()
      await trx.insertInto('candidate_skills').values(c.skills.map((s) => ({ user_id: id, skill_id: skillIds.get(s.slug)!, level: s.level }))).execute()
      await trx.insertInto('candidate_languages').values(c.languages.map(([language, level]) => ({ user_id: id, language, level }))).execute()
    }
  })
  await rebuildProfileIndex(db)
  return new Set(privates)
}

beforeAll(async () => {
  test = await createTestDatabase()
  const db = test.db
  const company = await createTestCompany(db, { commune_insee: CALAIS })
  const add = async (key: string, fields: Omit<Parameters<typeof createTestOffer>[1], 'companyId'>) => {
    offers[key] = (await createTestOffer(db, { companyId: company.id, published_at: NOW.toISOString(), ...fields })).id
  }
  await add('phpAlternance', { title: 'Développeur·se PHP en alternance', contract_type: 'alternance', experience_level: 'entry',
    skills: [{ slug: 'php', required: true }, { slug: 'symfony', required: true }, { slug: 'mysql', required: false }] })
  await add('seniorJava', { title: 'Architecte Java', commune_insee: DUNKERQUE, experience_level: 'senior',
    skills: [{ slug: 'java', required: true }, { slug: 'spring', required: true }] })
  await add('lilleOnSite', { title: 'Développeur PHP sur site', commune_insee: LILLE, remote_policy: 'on_site',
    skills: [{ slug: 'php', required: true }] })
  await add('lilleRemote', { title: 'Développeur PHP à distance', commune_insee: LILLE, remote_policy: 'full_remote',
    skills: [{ slug: 'php', required: true }] })
  await add('draftPhp', { title: 'Brouillon PHP', status: 'draft', skills: [{ slug: 'php', required: true }] })
  await add('expiredPhp', { title: 'PHP expirée', published_at: '2026-06-01T00:00:00Z', expires_at: '2026-08-01T00:00:00Z',
    skills: [{ slug: 'php', required: true }] })
  privateIds = await insertGenerated(db, 600)
  engine = new EmbeddedSearchEngine(test.sqlite)
}, 60_000)

afterAll(() => test.destroy())

describe('candidatesForOffer', () => {
  it('returns consenting candidates only, best score first, from a shortlist that holds the offer’s skills', async () => {
    const found = await engine.candidatesForOffer(offers.phpAlternance!, { limit: 20, now: NOW })
    // Only graduates open to an apprenticeship and within reach are proposed (decision 014).
    expect(found.length).toBeGreaterThanOrEqual(5)
    expect(found.every((m) => m.reasons.excluded.length === 0 && m.reasons.contract.wished !== false && m.reasons.reachable !== false)).toBe(true)
    expect(found.every((m) => !privateIds.has(m.userId))).toBe(true)
    const scores = found.map((m) => m.score)
    expect(scores).toEqual([...scores].sort((a, b) => b - a))
    // The best matches are PHP graduates (BTS SIO SLAM, licence pro): PHP met, not missing.
    expect(found[0]!.reasons.requiredMet).toContain('PHP')
    expect(found[0]!.score).toBeGreaterThan(70)
  })

  it('for an offer listing no skill, finds the candidates holding the tools its text names', async () => {
    const company = await createTestCompany(test.db, { commune_insee: CALAIS })
    const untagged = await createTestOffer(test.db, { companyId: company.id, title: 'Administrateur réseau', published_at: NOW.toISOString(),
      experience_level: 'entry', description_md: 'Vous administrez les pare-feu Fortinet et les commutateurs Cisco.' })
    const { id: userId } = await createTestCandidate(test.db, { visibility: 'verified_recruiters',
      skills: [{ slug: 'fortinet', level: 3 }, { slug: 'pare-feu', level: 3 }] })
    const found = await engine.candidatesForOffer(untagged.id, { limit: 20, now: NOW })
    expect(found.map((m) => m.userId)).toContain(userId)
  })

  it('a candidate who withdraws consent disappears at once, and comes back when consenting again', async () => {
    const before = await engine.candidatesForOffer(offers.phpAlternance!, { limit: 5, now: NOW })
    const top = before[0]!.userId
    await setOwnVisibility(test.db, top, false, NOW)
    const after = await engine.candidatesForOffer(offers.phpAlternance!, { limit: 50, now: NOW })
    expect(after.map((m) => m.userId)).not.toContain(top)
    expect(test.sqlite.prepare('select count(*) as n from profiles_fts where rowid = ?').get(top)).toEqual({ n: 0 })
    await setOwnVisibility(test.db, top, true, NOW)
    expect((await engine.candidatesForOffer(offers.phpAlternance!, { limit: 5, now: NOW }))[0]!.userId).toBe(top)
  })

  it('a deleted account leaves the index in the deletion’s transaction', async () => {
    const candidate = await createTestCandidate(test.db, { visibility: 'verified_recruiters', skills: [{ slug: 'php', level: 4 }, { slug: 'symfony', level: 4 }] })
    const ids = async () => (await engine.candidatesForOffer(offers.phpAlternance!, { limit: 500, now: NOW })).map((m) => m.userId)
    expect(await ids()).toContain(candidate.id)
    const files = { remove: async () => {}, save: async () => '', read: async () => null } as never
    expect(await deleteCandidateAccount(test.db, files, candidate.id, NOW)).toBe(true)
    expect(await ids()).not.toContain(candidate.id)
    expect(test.sqlite.prepare('select count(*) as n from profiles_fts where rowid = ?').get(candidate.id)).toEqual({ n: 0 })
  })
})

describe('offersForCandidate', () => {
  it('gives the same top 10 as the scorer run over every open offer, from a shortlist smaller than the board', async () => {
    const random = new Random(5)
    const company = await createTestCompany(test.db, { commune_insee: LILLE })
    const slugs = ['php', 'symfony', 'mysql', 'java', 'spring', 'javascript', 'react', 'python', 'sql', 'git', 'docker', 'linux']
    // 600 offers (the shortlist holds 100): random skills, places, contracts and levels, mostly open to graduates and
    // often remote, so that more than 100 pass a graduate's constraints (decision 014).
    for (let i = 0; i < 600; i++) {
      const skills = [...new Set(Array.from({ length: random.int(0, 4) }, () => random.pick(slugs)))]
      await createTestOffer(test.db, {
        companyId: company.id, title: `Offre ${i}`, published_at: NOW.toISOString(),
        commune_insee: random.pick([CALAIS, DUNKERQUE, LILLE, '62160', '59606']),
        contract_type: random.pick(['cdi', 'cdi', 'alternance', 'stage'] as const),
        remote_policy: random.pick(['hybrid', 'full_remote', 'full_remote', 'full_remote'] as const),
        experience_level: random.pick(['entry', 'entry', 'junior', 'senior'] as const),
        skills: skills.map((slug) => ({ slug, required: random.int(0, 2) > 0 })),
      })
    }
    // The uncapped ranking: every offer passing the hard filters, all scored.
    const store = new OfferStore(test.sqlite)
    store.refresh()
    const facts = new MatchFacts(test.sqlite)
    const users = test.sqlite.prepare<[], number>('select user_id from candidate_profiles order by user_id limit 12').pluck().all()
    let compared = 0
    for (const userId of users) {
      const profile = facts.profilesById([userId]).get(userId)!
      const every = shortlistOffers(store, profile, Infinity, NOW)
      const ideal = rankOffers(profile, every, facts.offersById(every), { limit: 10, now: NOW }).map((m) => m.score)
      const found = await engine.offersForCandidate(userId, { limit: 10, now: NOW })
      expect(found.map((m) => m.score)).toEqual(ideal)
      if (every.length > 100) compared++
    }
    // Many of them (their constraints leave fewer offers to the others) had more offers to choose from than the 100 the shortlist scores.
    expect(compared).toBeGreaterThanOrEqual(5)
  }, 60_000)

  it('finds an offer listing no skill and no occupation by the tools its title names, which the candidate holds', async () => {
    const company = await createTestCompany(test.db, { commune_insee: CALAIS })
    const dba = await createTestOffer(test.db, { companyId: company.id, title: 'Administrateur de bases de données Oracle et PostgreSQL',
      published_at: NOW.toISOString(), experience_level: 'entry', occupation: null })
    const { id: userId } = await createTestCandidate(test.db, { skills: [{ slug: 'oracle', level: 2 }, { slug: 'postgresql', level: 2 }] })
    const found = await engine.offersForCandidate(userId, { limit: 10, now: NOW })
    expect(found.map((m) => m.offerId)).toContain(dba.id)
  })

  it('scores an offer it has already read with its new skills once the recruiter edits them', async () => {
    const company = await createTestCompany(test.db, { commune_insee: CALAIS })
    const offer = await createTestOffer(test.db, { companyId: company.id, title: 'Intégrateur Svelte', published_at: NOW.toISOString(),
      experience_level: 'entry', skills: [{ slug: 'svelte', required: true }, { slug: 'rust', required: true }] })
    const { id: userId } = await createTestCandidate(test.db, { skills: [{ slug: 'svelte', level: 3 }] })
    const scoreOf = async () => (await engine.offersForCandidate(userId, { limit: 10, now: NOW })).find((m) => m.offerId === offer.id)
    const before = await scoreOf()
    expect(before?.reasons.requiredMissing).toEqual(['Rust'])
    // As every write of an offer does: the change, its index entry and its outbox event in one transaction.
    await test.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('offer_skills').where('offer_id', '=', offer.id).where('skill_id', '=', (eb) =>
        eb.selectFrom('skills').select('id').where('slug', '=', 'rust')).execute()
      await indexOffer(trx, offer.id)
    })
    const after = await scoreOf()
    expect(after?.reasons.requiredMissing).toEqual([])
    expect(after!.score).toBeGreaterThan(before!.score)
  })
})
