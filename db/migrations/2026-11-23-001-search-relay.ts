import { sql, type Kysely } from 'kysely'

// Frozen in time: this migration never imports application code.
export async function up(db: Kysely<any>): Promise<void> {
  // Where the outbox relay stands for each kind of document (offer, profile).
  // The relay applies events strictly in id order and never skips one, so
  // "done" is always a prefix of the outbox: one cursor per kind says it all,
  // and marking a batch done is one row update instead of one per event.
  await db.schema
    .createTable('search_relay')
    .addColumn('doc_type', 'text', (c) => c.primaryKey())
    // Every outbox event of this kind with an id up to this one is applied in the external engine.
    .addColumn('relayed_through_id', 'integer', (c) => c.notNull().defaultTo(0))
    // Failed attempts at the batch after the cursor, and why the last one failed (null once it succeeds).
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('last_error_at', 'text')
    // One relay at a time across processes (several app instances share the file): a renewable lease.
    .addColumn('leased_by', 'text')
    .addColumn('leased_until', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  // The relay reads one kind's events after its cursor.
  await db.schema.createIndex('search_outbox_doc_type_id').on('search_outbox').columns(['doc_type', 'id']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists search_outbox_doc_type_id`.execute(db)
  await sql`drop table if exists search_relay`.execute(db)
}
