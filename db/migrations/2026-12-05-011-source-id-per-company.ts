import { sql, type Kysely } from 'kysely'

// Frozen in time: this migration never imports application code.
export async function up(db: Kysely<any>): Promise<void> {
  // An imported offer is one company's: two companies' career pages may both say `identifier: "1"`
  // (db/import/offers.ts looks offers up by source, company and id). The former index spanned every company,
  // so one company's import could fail, or be blocked on purpose, by another's ids.
  await sql`drop index if exists offers_source_id`.execute(db)
  await sql`create unique index offers_source_company_id on offers (source, company_id, source_id) where source_id is not null`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists offers_source_company_id`.execute(db)
  await sql`create unique index offers_source_id on offers (source, source_id) where source_id is not null`.execute(db)
}
