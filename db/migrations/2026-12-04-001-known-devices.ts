import { sql, type Kysely } from 'kysely'

// Frozen in time: this migration never imports application code.
export async function up(db: Kysely<any>): Promise<void> {
  // Browsers that signed in to an account: they may still sign in while the account is locked
  // by failed attempts from elsewhere. The cookie holds a random token; the table its SHA-256.
  await db.schema
    .createTable('known_devices')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('known_devices_user_id').on('known_devices').column('user_id').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists known_devices`.execute(db)
}
