import { sql, type Kysely } from 'kysely'

// Frozen in time: this migration never imports application code.
// The signed-in lists read one page at a time in their display order (decision 007): without these, a company
// with 1,000 offers, an offer with 5,000 applications or a queue of 3,000 pending offers sorted every row per page.
export async function up(db: Kysely<any>): Promise<void> {
  // A company's offers, latest change first (the recruiter's offers list).
  await db.schema.createIndex('offers_company_updated').on('offers').columns(['company_id', 'updated_at']).execute()
  // The moderation queue: pending offers, oldest change first.
  await db.schema.createIndex('offers_status_updated').on('offers').columns(['status', 'updated_at']).execute()
  // An offer's applications, latest first, all of them or at one stage; the counts per stage read the second alone.
  await db.schema.createIndex('applications_offer_created').on('applications').columns(['offer_id', 'created_at']).execute()
  await db.schema.createIndex('applications_offer_stage_created').on('applications').columns(['offer_id', 'stage', 'created_at']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const name of ['offers_company_updated', 'offers_status_updated', 'applications_offer_created', 'applications_offer_stage_created']) {
    await sql`drop index if exists ${sql.id(name)}`.execute(db)
  }
}
