import type { DB } from '../connection.ts'
import { createTestCandidate, createTestCompany, createTestOffer } from './factories.ts'

/**
 * A small forum for the export, agenda, dashboard and outcome tests, written
 * straight into the tables: two accepted companies and one still invited,
 * three consenting candidates (one whose first name is a spreadsheet formula)
 * and one imported candidate who never consented — she must appear nowhere.
 * 09:00–12:00 in 20-minute slots, 2 tables per company.
 */
export async function createTestForum(db: DB, input: { organiserId: number; slug: string; date?: string; name?: string }) {
  const now = new Date().toISOString()
  const opale = await createTestCompany(db, { name: `Opale Numérique ${input.slug}` })
  const data = await createTestCompany(db, { name: `Côte d’Opale Data ${input.slug}` })
  const invited = await createTestCompany(db, { name: `Invitée ${input.slug}` })
  const offer = await createTestOffer(db, { companyId: opale.id, title: 'Développeur·se React' })
  const zoe = await createTestCandidate(db, { firstName: 'Zoé', lastName: 'Lefèvre' })
  const lea = await createTestCandidate(db, { firstName: 'Léa', lastName: 'Martin' })
  const formula = await createTestCandidate(db, { firstName: '=cmd|\' /C calc\'!A0', lastName: 'Piège' })
  const secret = await createTestCandidate(db, { firstName: 'Secrète', lastName: 'Sansconsentement' })
  await db.updateTable('candidate_profiles').set({ programme: 'Master informatique', school: 'ULCO', degree_level: 'bac5' })
    .where('user_id', '=', zoe.id).execute()

  return db.transaction().execute(async (trx) => {
    const forum = await trx.insertInto('forums')
      .values({ slug: input.slug, name: input.name ?? `Forum ${input.slug}`, organiser_id: input.organiserId, date: input.date ?? '2026-11-20',
        commune_insee: '62193', venue: 'Halle aux poissons', opens_at: '09:00', closes_at: '12:00', slot_minutes: 20,
        tables_per_company: 2, max_interviews_per_candidate: 3, status: 'closed', created_at: now, updated_at: now })
      .returningAll().executeTakeFirstOrThrow()
    await trx.insertInto('forum_companies').values([
      { forum_id: forum.id, company_id: opale.id, status: 'accepted', invited_at: now, answered_at: now },
      { forum_id: forum.id, company_id: data.id, status: 'accepted', invited_at: now, answered_at: now },
      { forum_id: forum.id, company_id: invited.id, status: 'invited', invited_at: now, answered_at: null },
    ]).execute()
    await trx.insertInto('forum_offers').values({ forum_id: forum.id, company_id: opale.id, offer_id: offer.id }).execute()
    await trx.insertInto('forum_candidates').values([
      { forum_id: forum.id, candidate_id: zoe.id, source: 'self', registered_at: now, consent_at: now },
      { forum_id: forum.id, candidate_id: lea.id, source: 'self', registered_at: now, consent_at: now },
      { forum_id: forum.id, candidate_id: formula.id, source: 'self', registered_at: now, consent_at: now },
      { forum_id: forum.id, candidate_id: secret.id, source: 'import', registered_at: now, consent_at: null },
    ]).execute()
    await trx.insertInto('forum_wishes').values([
      { forum_id: forum.id, company_id: opale.id, candidate_id: zoe.id, by: 'company', created_at: now },
      { forum_id: forum.id, company_id: data.id, candidate_id: lea.id, by: 'candidate', created_at: now },
      { forum_id: forum.id, company_id: opale.id, candidate_id: secret.id, by: 'candidate', created_at: now },
    ]).execute()
    const interview = (companyId: number, candidateId: number, table: number, slot: number, score: number, offerId: number | null = null) =>
      trx.insertInto('forum_interviews')
        .values({ forum_id: forum.id, company_id: companyId, candidate_id: candidateId, offer_id: offerId, table_no: table, slot_no: slot, score })
        .returning('id').executeTakeFirstOrThrow()
    const interviews = {
      zoe: await interview(opale.id, zoe.id, 1, 0, 87, offer.id),
      lea: await interview(opale.id, lea.id, 2, 0, 64),
      formula: await interview(data.id, formula.id, 1, 1, 50),
      zoeAtData: await interview(data.id, zoe.id, 2, 2, 41),
      secret: await interview(data.id, secret.id, 1, 0, 99),
    }
    return { forum, companies: { opale, data, invited }, offer, candidates: { zoe, lea, formula, secret }, interviews }
  })
}
