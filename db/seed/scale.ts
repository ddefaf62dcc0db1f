import { hash } from '@node-rs/argon2'
import { rebuildOfferIndex } from '#search/embedded/offer-index.ts'
import { rebuildProfileIndex } from '#search/embedded/profile-index.ts'
import type { DB } from '../connection.ts'
import { APPLICATION_STAGES } from '../domain.ts'
import { DEMO_PASSWORD, seedDemoAccounts } from './accounts.ts'
import { generateCandidates } from './candidates.ts'
import { seedDemoApplications } from './demo-applications.ts'
import { seedDemoForum } from './demo-forum.ts'
import { seedDemo } from './index.ts'
import { Random } from './random.ts'

/** How big a board the benchmarks (and the query-plan test, smaller) build. */
export type Scale = {
  companies: number
  offers: number
  candidates: number
  applications: number
  /** Offers moved to the demo recruiter's company (their "Mes offres" list). */
  recruiterOffers: number
  /** Applications to the demo recruiter's first offer (its applicants list). */
  applicantsOfOneOffer: number
  /** Consenting candidates registered to the demo organiser's forum. */
  forumCandidates: number
  /** Titles, skills and phrases drawn from the ROME referential: well over 100,000 distinct words at 100k offers. */
  wideVocabulary?: boolean
}

/**
 * The demo board, scaled: the demo accounts (same e-mails and password) see
 * a recruiter with `recruiterOffers` offers, one of them with
 * `applicantsOfOneOffer` applicants, an organiser's forum with
 * `forumCandidates` candidates, and an admin queue. Deterministic for a
 * seed. Run on a migrated database holding the reference data.
 */
export async function seedScale(db: DB, scale: Scale, { seed = 42, now = new Date() } = {}): Promise<void> {
  await seedDemo(db, { companies: scale.companies, offers: scale.offers, seed, now, index: false, wideVocabulary: scale.wideVocabulary })
  const first = await db.selectFrom('companies').select('id').orderBy('id').executeTakeFirstOrThrow()
  // Verified, except companies whose offers wait for moderation: the admin's queue (as in the demo).
  await db
    .updateTable('companies')
    .set((eb) => ({ verified_at: eb.ref('created_at') }))
    .where((eb) =>
      eb.or([
        eb('id', '=', first.id),
        eb.not(eb.exists(eb.selectFrom('offers').select('offers.id').whereRef('offers.company_id', '=', 'companies.id').where('offers.status', '=', 'pending'))),
      ]),
    )
    .execute()
  await db
    .updateTable('offers')
    .set({ company_id: first.id })
    .where('id', 'in', (eb) => eb.selectFrom('offers').select('id').where('company_id', '!=', first.id).where('status', '!=', 'pending').orderBy('id').limit(scale.recruiterOffers))
    .execute()

  await seedDemoAccounts(db, now)
  await seedDemoApplications(db, now)
  await seedDemoForum(db, now)
  await addCandidates(db, scale, seed, now)
  await addApplications(db, scale, first.id, seed, now)
  await addForumCandidates(db, scale.forumCandidates, now)
  await rebuildOfferIndex(db)
  await rebuildProfileIndex(db)
}

async function addCandidates(db: DB, scale: Scale, seed: number, now: Date) {
  const count = Math.max(0, scale.candidates - 61)
  const communes = await db
    .selectFrom('communes')
    .select(['insee', 'name', 'population', 'territory_id'])
    .where('latitude', 'is not', null)
    .orderBy('insee')
    .execute()
  const skillIds = new Map((await db.selectFrom('skills').select(['id', 'slug']).execute()).map((s) => [s.slug, s.id]))
  const rng = new Random(seed + 1)
  const passwordHash = await hash(DEMO_PASSWORD)
  const iso = now.toISOString()
  for (let start = 0; start < count; start += 2000) {
    const batch = generateCandidates(rng, Math.min(2000, count - start), communes, { now, emailDomain: `scale${start}.passerelle.fr` })
    await db.transaction().execute(async (trx) => {
      const ids: number[] = []
      for (const rows of chunks(batch, 400)) {
        const inserted = await trx
          .insertInto('users')
          .values(rows.map((c) => ({ email: c.email, password_hash: passwordHash, display_name: `${c.firstName} ${c.lastName}`,
            role: 'candidate' as const, created_at: iso, last_active_at: iso })))
          .returning('id')
          .execute()
        ids.push(...inserted.map((r) => r.id))
      }
      const profiles = batch.map((c, i) => ({
        user_id: ids[i]!, first_name: c.firstName, last_name: c.lastName, school: c.training.school,
        programme: c.training.programme, degree_level: c.training.degree, graduation_year: c.graduationYear,
        commune_insee: c.communeInsee, mobility_km: c.mobilityKm, remote_preference: c.remotePreference,
        contract_types: JSON.stringify(c.contractTypes), links: '[]', available_from: c.availableFrom, bio: c.bio,
        visibility: c.consenting ? ('verified_recruiters' as const) : ('private' as const), consent_at: c.consenting ? iso : null,
        updated_at: iso,
      }))
      for (const rows of chunks(profiles, 200)) await trx.insertInto('candidate_profiles').values(rows).execute()
      const skills = batch.flatMap((c, i) => c.skills.map((s) => ({ user_id: ids[i]!, skill_id: skillIds.get(s.slug)!, level: s.level })))
      for (const rows of chunks(skills, 2000)) await trx.insertInto('candidate_skills').values(rows).execute()
      const languages = batch.flatMap((c, i) => c.languages.map(([language, level]) => ({ user_id: ids[i]!, language, level })))
      for (const rows of chunks(languages, 2000)) await trx.insertInto('candidate_languages').values(rows).execute()
      const occupations = batch.flatMap((c, i) => c.occupations.map((code) => ({ user_id: ids[i]!, occupation_code: code })))
      for (const rows of chunks(occupations, 2000)) await trx.insertInto('candidate_occupations').values(rows).execute()
    })
  }
}

async function addApplications(db: DB, scale: Scale, recruiterCompanyId: number, seed: number, now: Date) {
  const existing = await db.selectFrom('applications').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  const candidates = (await db.selectFrom('candidate_profiles').select('user_id').orderBy('user_id').execute()).map((r) => r.user_id)
  const published = (await db.selectFrom('offers').select('id').where('status', '=', 'published').orderBy('id').execute()).map((r) => r.id)
  const big = await db.selectFrom('offers').select('id').where('company_id', '=', recruiterCompanyId).where('status', '=', 'published').orderBy('id').executeTakeFirst()
  if (candidates.length === 0 || published.length === 0) return
  const rng = new Random(seed + 2)
  const message = 'Bonjour, votre offre correspond à ma formation et je serais ravi·e d’en discuter avec vous.'
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * 86_400_000).toISOString()
  const rows: { offer_id: number; candidate_id: number }[] = []
  if (big) for (let k = 0; k < Math.min(scale.applicantsOfOneOffer, candidates.length); k++) rows.push({ offer_id: big.id, candidate_id: candidates[candidates.length - 1 - k]! })
  const wanted = Math.max(0, scale.applications - existing.n - rows.length)
  for (let k = 0; k < wanted; k++) rows.push({ offer_id: published[rng.int(0, published.length - 1)]!, candidate_id: candidates[k % candidates.length]! })
  await db.transaction().execute(async (trx) => {
    for (const batch of chunks(rows, 1000)) {
      await trx
        .insertInto('applications')
        .values(batch.map((r) => {
          const applied = rng.int(1, 60)
          const stage = rng.pickWeighted(APPLICATION_STAGES.map((s, i) => [s, APPLICATION_STAGES.length - i] as const))
          return { ...r, stage, message, created_at: at(applied), stage_changed_at: at(stage === 'new' ? applied : rng.int(0, applied)) }
        }))
        .onConflict((oc) => oc.doNothing())
        .execute()
    }
  })
}

async function addForumCandidates(db: DB, count: number, now: Date) {
  const forum = await db.selectFrom('forums').select('id').orderBy('id').executeTakeFirst()
  if (!forum) return
  const iso = now.toISOString()
  const registered = db.selectFrom('forum_candidates').select('candidate_id').where('forum_id', '=', forum.id)
  const more = await db
    .selectFrom('candidate_profiles')
    .select('user_id')
    .where('visibility', '=', 'verified_recruiters')
    .where('user_id', 'not in', registered)
    .orderBy('user_id')
    .limit(count)
    .execute()
  const already = await registered.execute()
  const rows = more.slice(0, Math.max(0, count - already.length))
  await db.transaction().execute(async (trx) => {
    for (const batch of chunks(rows, 500)) {
      await trx
        .insertInto('forum_candidates')
        .values(batch.map((r) => ({ forum_id: forum.id, candidate_id: r.user_id, source: 'self' as const, registered_at: iso, consent_at: iso })))
        .execute()
    }
  })
}

function* chunks<T>(items: T[], size: number): Generator<T[]> {
  for (let start = 0; start < items.length; start += size) yield items.slice(start, start + size)
}
