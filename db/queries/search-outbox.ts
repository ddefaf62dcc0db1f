import { sql } from 'kysely'
import type { DB } from '../connection.ts'
import type { SearchOutboxTable } from '../schema.ts'

/**
 * The search outbox (written by search/embedded/*-index.ts in the transaction
 * of every offer and profile change) and the relay's bookkeeping
 * (`search_relay`, one row per kind of document once a full reindex has
 * loaded that kind into the external engine; see search/sync/).
 */

export type OutboxKind = SearchOutboxTable['doc_type']
export type OutboxEvent = { id: number; doc_id: number }

/** How long events stay once relayed (or, with no external engine, once written). */
export const OUTBOX_KEEP_DAYS = 7

export async function lastOutboxId(db: DB): Promise<number> {
  const row = await db.selectFrom('search_outbox').select((eb) => eb.fn.max('id').as('id')).executeTakeFirstOrThrow()
  return Number(row.id ?? 0)
}

/** The oldest event still kept, or null for an empty outbox. */
export async function firstOutboxId(db: DB): Promise<number | null> {
  const row = await db.selectFrom('search_outbox').select((eb) => eb.fn.min('id').as('id')).executeTakeFirstOrThrow()
  return row.id === null ? null : Number(row.id)
}

/** One kind's events after `afterId`, oldest first. */
export function outboxEventsAfter(db: DB, kind: OutboxKind, afterId: number, limit: number): Promise<OutboxEvent[]> {
  return db
    .selectFrom('search_outbox')
    .select(['id', 'doc_id'])
    .where('doc_type', '=', kind)
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute()
}

export function findRelayState(db: DB, kind: OutboxKind) {
  return db
    .selectFrom('search_relay')
    .select(['doc_type', 'relayed_through_id', 'attempts', 'last_error', 'last_error_at', 'leased_by', 'leased_until'])
    .where('doc_type', '=', kind)
    .executeTakeFirst()
}

/**
 * Takes or renews the relay lease of a kind, so that one relay at a time
 * sends its events (several app processes may share the database). False
 * when another owner holds an unexpired lease, or when the kind was never
 * loaded by a full reindex (no row: nothing to follow yet).
 */
export async function takeRelayLease(db: DB, kind: OutboxKind, owner: string, now: Date, leaseMs: number): Promise<boolean> {
  const at = now.toISOString()
  const result = await db
    .updateTable('search_relay')
    .set({ leased_by: owner, leased_until: new Date(now.getTime() + leaseMs).toISOString() })
    .where('doc_type', '=', kind)
    .where((eb) => eb.or([eb('leased_by', 'is', null), eb('leased_by', '=', owner), eb('leased_until', '<=', at)]))
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

export async function releaseRelayLease(db: DB, kind: OutboxKind, owner: string): Promise<void> {
  await db.updateTable('search_relay').set({ leased_by: null, leased_until: null }).where('doc_type', '=', kind).where('leased_by', '=', owner).execute()
}

/**
 * Every event of the kind up to `throughId` is applied in the external
 * engine. The cursor only moves forward (the relay and a reindex may both
 * advance it), and the failure streak ends.
 */
export async function markRelayed(db: DB, kind: OutboxKind, throughId: number, now: Date): Promise<void> {
  await db
    .insertInto('search_relay')
    .values({ doc_type: kind, relayed_through_id: throughId, updated_at: now.toISOString() })
    .onConflict((oc) =>
      oc.column('doc_type').doUpdateSet({
        relayed_through_id: sql`max(relayed_through_id, excluded.relayed_through_id)`,
        attempts: 0,
        last_error: null,
        last_error_at: null,
        updated_at: now.toISOString(),
      }),
    )
    .execute()
}

/**
 * Moves the cursor back (never forward) so that the relay sends again the
 * events after `throughId`; creates the kind's row when missing. Only for
 * whoever holds the kind's lease (a reindex whose catch-up failed).
 */
export async function rewindRelayCursor(db: DB, kind: OutboxKind, throughId: number, now: Date): Promise<void> {
  await db
    .insertInto('search_relay')
    .values({ doc_type: kind, relayed_through_id: throughId, updated_at: now.toISOString() })
    .onConflict((oc) =>
      oc.column('doc_type').doUpdateSet({ relayed_through_id: sql`min(relayed_through_id, excluded.relayed_through_id)`, updated_at: now.toISOString() }),
    )
    .execute()
}

/** One more failed attempt at the events after the cursor; returns the streak's length. */
export async function recordRelayFailure(db: DB, kind: OutboxKind, error: string, now: Date): Promise<number> {
  const row = await db
    .updateTable('search_relay')
    .set((eb) => ({ attempts: eb('attempts', '+', 1), last_error: error, last_error_at: now.toISOString(), updated_at: now.toISOString() }))
    .where('doc_type', '=', kind)
    .returning('attempts')
    .executeTakeFirst()
  return row?.attempts ?? 0
}

/** Per kind: events waiting for the relay, and the current failure streak. */
export async function relayBacklog(db: DB) {
  const relays = await db.selectFrom('search_relay').select(['doc_type', 'relayed_through_id', 'attempts', 'last_error', 'last_error_at']).execute()
  return Promise.all(
    relays.map(async (relay) => {
      const pending = await db
        .selectFrom('search_outbox')
        .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.min('created_at').as('oldest')])
        .where('doc_type', '=', relay.doc_type)
        .where('id', '>', relay.relayed_through_id)
        .executeTakeFirstOrThrow()
      return { kind: relay.doc_type, pending: pending.count, oldestPendingAt: pending.oldest, attempts: relay.attempts, lastError: relay.last_error }
    }),
  )
}

/**
 * Deletes events older than OUTBOX_KEEP_DAYS that nobody needs any more:
 * those relayed already, for every kind an external engine follows. Always a
 * prefix of the outbox (ids below one bound), and never the newest event, so
 * that the embedded engine's store, which follows the outbox by id, can tell
 * it missed pruned events (its cursor is below the oldest kept id) and reload.
 * Ids are AUTOINCREMENT: never reused, even after pruning.
 */
export async function pruneSearchOutbox(db: DB, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - OUTBOX_KEEP_DAYS * 86_400_000).toISOString()
  return db.transaction().execute(async (trx) => {
    const bounds = await trx
      .selectFrom('search_outbox')
      .select((eb) => [
        eb.fn.max('id').as('newest'),
        eb.selectFrom('search_outbox').select((e) => e.fn.max('id').as('id')).where('created_at', '<', cutoff).as('oldEnough'),
        eb.selectFrom('search_relay').select((e) => e.fn.min('relayed_through_id').as('id')).as('relayed'),
      ])
      .executeTakeFirstOrThrow()
    const limits = [Number(bounds.newest ?? 0) - 1, Number(bounds.oldEnough ?? 0)]
    if (bounds.relayed !== null) limits.push(Number(bounds.relayed))
    const through = Math.min(...limits)
    if (through <= 0) return 0
    const result = await trx.deleteFrom('search_outbox').where('id', '<=', through).executeTakeFirst()
    return Number(result.numDeletedRows)
  })
}
