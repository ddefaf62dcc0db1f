import { sql, type Kysely } from 'kysely'

// Frozen in time: this migration never imports application code.
export async function up(db: Kysely<any>): Promise<void> {
  // Pairs the organiser took out of the schedule: every later run leaves them out.
  await db.schema
    .createTable('forum_removed_pairs')
    .addColumn('forum_id', 'integer', (c) => c.notNull().references('forums.id').onDelete('cascade'))
    .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id').onDelete('cascade'))
    .addColumn('candidate_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('removed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('forum_removed_pairs_pk', ['forum_id', 'company_id', 'candidate_id'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists forum_removed_pairs`.execute(db)
}
