import { sql, type Kysely } from 'kysely'

// Frozen in time: this migration never imports application code.
export async function up(db: Kysely<any>): Promise<void> {
  // Offers a candidate keeps for later. The primary key (user, offer) answers both "my saved offers"
  // and "which of these 20 results did I save" from the index alone; both sides go with their row.
  await db.schema
    .createTable('saved_offers')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('offer_id', 'integer', (c) => c.notNull().references('offers.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('saved_offers_pk', ['user_id', 'offer_id'])
    .execute()

  // A candidate may withdraw an application. The stage stays what it was (the company sees "retirée" and
  // where it stood): the stage's CHECK constraint cannot change without rebuilding the table.
  await db.schema.alterTable('applications').addColumn('withdrawn_at', 'text').execute()

  // What the organiser e-mailed each participant of a forum: sending again mails only those whose
  // programme changed since (the hash of the text they received).
  await db.schema
    .createTable('forum_programme_mails')
    .addColumn('forum_id', 'integer', (c) => c.notNull().references('forums.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('programme_hash', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('forum_programme_mails_pk', ['forum_id', 'user_id'])
    .execute()
  await db.schema.createIndex('forum_programme_mails_user').on('forum_programme_mails').column('user_id').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists forum_programme_mails`.execute(db)
  await sql`alter table applications drop column withdrawn_at`.execute(db)
  await sql`drop table if exists saved_offers`.execute(db)
}
