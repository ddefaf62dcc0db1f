import type { DB } from '../connection.ts'
import { Random } from './random.ts'
import { activeRegionDefinition } from './region.ts'

/**
 * An open forum run by the demo organiser, a few weeks ahead: eight demo
 * companies have accepted and bring up to two published offers each, forty
 * consenting demo graduates are registered and confirmed, with wishes on both
 * sides. The schedule is left for the organiser to compute (Planning page).
 */
export async function seedDemoForum(db: DB, now: Date, { seed = 11 } = {}): Promise<void> {
  const organiser = await db.selectFrom('users').select('id').where('email', '=', 'organisation@demo.passerelle.fr').executeTakeFirst()
  if (!organiser) return
  const rng = new Random(seed)
  const { demo, centre } = await activeRegionDefinition(db)
  const iso = now.toISOString()
  const date = new Date(now.getTime() + 21 * 86_400_000).toISOString().slice(0, 10)
  await db.transaction().execute(async (trx) => {
    const forum = await trx
      .insertInto('forums')
      .values({ slug: `${demo.forum.slug}-${date}`, name: demo.forum.name, organiser_id: organiser.id,
        date, commune_insee: centre.commune, venue: demo.forum.venue, opens_at: '09:00', closes_at: '12:20', slot_minutes: 20,
        tables_per_company: 2, max_interviews_per_candidate: 4, status: 'open', created_at: iso, updated_at: iso })
      .returning('id')
      .executeTakeFirstOrThrow()
    const companies = await trx
      .selectFrom('companies as c')
      .select('c.id')
      .where('c.verified_at', 'is not', null)
      .where(({ exists, selectFrom }) => exists(selectFrom('offers as o').select('o.id').whereRef('o.company_id', '=', 'c.id').where('o.status', '=', 'published')))
      .orderBy('c.id')
      .limit(8)
      .execute()
    for (const { id: companyId } of companies) {
      await trx.insertInto('forum_companies').values({ forum_id: forum.id, company_id: companyId, status: 'accepted', invited_at: iso, answered_at: iso }).execute()
      const offers = await trx.selectFrom('offers').select('id').where('company_id', '=', companyId).where('status', '=', 'published').orderBy('id').limit(2).execute()
      if (offers.length) await trx.insertInto('forum_offers').values(offers.map((o) => ({ forum_id: forum.id, company_id: companyId, offer_id: o.id }))).execute()
    }
    const candidates = await trx
      .selectFrom('candidate_profiles as p')
      .innerJoin('users as u', 'u.id', 'p.user_id')
      .select('p.user_id')
      .where('p.visibility', '=', 'verified_recruiters')
      .where('u.email', 'like', '%.%@demo.passerelle.fr')
      .orderBy('p.user_id')
      .limit(40)
      .execute()
    for (const { user_id } of candidates) {
      await trx.insertInto('forum_candidates').values({ forum_id: forum.id, candidate_id: user_id, source: 'self', registered_at: iso, consent_at: iso }).execute()
      // A third of the candidates name one or two companies they want to meet; companies ask for a few candidates.
      if (rng.chance(0.33)) {
        const wanted = new Set([rng.pick(companies).id, rng.pick(companies).id])
        for (const companyId of wanted) {
          await trx.insertInto('forum_wishes').values({ forum_id: forum.id, company_id: companyId, candidate_id: user_id, by: 'candidate', created_at: iso }).execute()
        }
      }
      if (rng.chance(0.15)) {
        await trx.insertInto('forum_wishes')
          .values({ forum_id: forum.id, company_id: rng.pick(companies).id, candidate_id: user_id, by: 'company', created_at: iso })
          .onConflict((oc) => oc.doNothing())
          .execute()
      }
    }
  })
}
