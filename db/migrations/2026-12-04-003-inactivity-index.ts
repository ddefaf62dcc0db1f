import { sql, type Kysely } from 'kysely'

// Frozen in time: this migration never imports application code.
export async function up(db: Kysely<any>): Promise<void> {
  // The daily inactivity purge finds candidates to warn (never warned, inactive since a date) and to delete
  // (warned before a date): without it, both read every user (app/routes/query-plans.test.ts).
  await db.schema
    .createIndex('users_role_inactivity')
    .on('users')
    .columns(['role', 'inactivity_warned_at', 'last_active_at'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists users_role_inactivity`.execute(db)
}
