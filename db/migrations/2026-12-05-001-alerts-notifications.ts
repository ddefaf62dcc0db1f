import { sql, type Kysely } from 'kysely'

// Frozen in time: this migration never imports application code.
export async function up(db: Kysely<any>): Promise<void> {
  // A saved search mailed daily or weekly. `email` is where it goes (the account's address when
  // user_id is set, or a visitor's, confirmed by the link before anything is sent). `token` is the
  // capability in every link of its mails (confirm, unsubscribe, manage): unguessable, 32 random bytes.
  await db.schema
    .createTable('alerts')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('search', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('frequency', 'text', (c) => c.notNull().check(sql`frequency in ('daily', 'weekly')`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'active', 'paused')`))
    .addColumn('token', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text')
    // Offers published after this (less an overlap, deduplicated by alert_sent_offers) are new…
    .addColumn('since', 'text', (c) => c.notNull())
    // …but never those published before the alert was confirmed or last resumed.
    .addColumn('started_at', 'text', (c) => c.notNull())
    // The durable job: an active alert whose next_run_at is past is due.
    .addColumn('next_run_at', 'text', (c) => c.notNull())
    .addColumn('last_sent_at', 'text')
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await db.schema.createIndex('alerts_due').on('alerts').columns(['status', 'next_run_at']).execute()
  await db.schema.createIndex('alerts_user_id').on('alerts').column('user_id').execute()
  await db.schema.createIndex('alerts_email').on('alerts').column('email').execute()

  // One mail of an alert: claimed ('sending') before the SMTP call, 'sent' after it. A 'sending'
  // row left by a crash stays (its offers are never mailed again: at most once).
  await db.schema
    .createTable('alert_deliveries')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('alert_id', 'integer', (c) => c.notNull().references('alerts.id').onDelete('cascade'))
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('sending', 'sent', 'uncertain')`))
    .addColumn('offer_count', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute()
  await db.schema.createIndex('alert_deliveries_alert').on('alert_deliveries').column('alert_id').execute()
  await db.schema.createIndex('alert_deliveries_state').on('alert_deliveries').columns(['state', 'created_at']).execute()

  await db.schema
    .createTable('alert_sent_offers')
    .addColumn('alert_id', 'integer', (c) => c.notNull().references('alerts.id').onDelete('cascade'))
    .addColumn('offer_id', 'integer', (c) => c.notNull().references('offers.id').onDelete('cascade'))
    .addColumn('delivery_id', 'integer', (c) => c.notNull().references('alert_deliveries.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('alert_sent_offers_pk', ['alert_id', 'offer_id'])
    .execute()
  await db.schema.createIndex('alert_sent_offers_delivery').on('alert_sent_offers').column('delivery_id').execute()
  await db.schema.createIndex('alert_sent_offers_offer').on('alert_sent_offers').column('offer_id').execute()

  // What each account wants by e-mail. No row: the defaults (everything on, applications immediately).
  await db.schema
    .createTable('notification_preferences')
    .addColumn('user_id', 'integer', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('new_applications', 'text', (c) => c.notNull().check(sql`new_applications in ('immediate', 'daily', 'off')`))
    .addColumn('application_updates', 'integer', (c) => c.notNull())
    .addColumn('forum_reminders', 'integer', (c) => c.notNull())
    // Where the last daily digest of applications stopped.
    .addColumn('digest_until', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()

  // The two-day forum reminder, once per candidate and forum.
  await db.schema
    .createTable('forum_reminders')
    .addColumn('forum_id', 'integer', (c) => c.notNull().references('forums.id').onDelete('cascade'))
    .addColumn('candidate_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('forum_reminders_pk', ['forum_id', 'candidate_id'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists forum_reminders`.execute(db)
  await sql`drop table if exists notification_preferences`.execute(db)
  await sql`drop table if exists alert_sent_offers`.execute(db)
  await sql`drop table if exists alert_deliveries`.execute(db)
  await sql`drop table if exists alerts`.execute(db)
}
