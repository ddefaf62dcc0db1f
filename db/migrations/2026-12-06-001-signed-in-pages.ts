import { sql, type Kysely } from 'kysely'

// Frozen in time: this migration never imports application code.
// The counts the signed-in lists show above their pages (decision 007), read from an index alone: without
// these, counting a company's 1,000 offers per state or an offer's 5,000 applications per stage read each row.
export async function up(db: Kysely<any>): Promise<void> {
  // A company's offers per state (the recruiter's offers list).
  await db.schema.createIndex('offers_company_status').on('offers').columns(['company_id', 'status']).execute()
  // An offer's applications per stage, the withdrawn ones apart (the applicants list).
  await db.schema.createIndex('applications_offer_stage_withdrawn').on('applications').columns(['offer_id', 'stage', 'withdrawn_at']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const name of ['offers_company_status', 'applications_offer_stage_withdrawn']) {
    await sql`drop index if exists ${sql.id(name)}`.execute(db)
  }
}
