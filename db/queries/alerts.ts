import { randomBytes } from 'node:crypto'
import type { DB } from '../connection.ts'
import type { AlertFrequency } from '../domain.ts'

/**
 * Saved searches mailed daily or weekly. Account alerts are read and changed
 * only with the owner's id in the query; visitor alerts only with their token
 * (the capability every link of their mails carries).
 */

export { ALERT_FREQUENCIES, type AlertFrequency } from '../domain.ts'
const DAY_MS = 86_400_000
/** One person cannot pile up alerts: past this, the form says so. */
export const MAX_ALERTS_PER_ADDRESS = 20

export function periodMs(frequency: AlertFrequency): number {
  return frequency === 'daily' ? DAY_MS : 7 * DAY_MS
}

/**
 * The first sending: a period after the alert starts. Runs are at most a few
 * minutes late, so the next one is scheduled an hour early to keep daily
 * alerts daily rather than drifting to every other day.
 */
export function nextRunAfter(now: Date, frequency: AlertFrequency): string {
  return new Date(now.getTime() + periodMs(frequency) - 3_600_000).toISOString()
}

const newAlertToken = () => randomBytes(32).toString('base64url')

/**
 * A visitor's alert left unconfirmed this long is forgotten, as its mail says: its link stops working and the
 * maintenance deletes it (an address typed by someone else is not kept).
 */
export const PENDING_ALERT_DAYS = 7
export const pendingAlertCutoff = (now: Date) => new Date(now.getTime() - PENDING_ALERT_DAYS * DAY_MS).toISOString()

/**
 * The alerts counted against MAX_ALERTS_PER_ADDRESS: confirmed ones only, so a stranger filing unconfirmed
 * alerts for someone's address (rate-limited, forgotten after PENDING_ALERT_DAYS) cannot lock its owner out.
 */
export async function countAlertsOf(db: DB, email: string): Promise<number> {
  const row = await db.selectFrom('alerts').select((eb) => eb.fn.countAll<number>().as('n')).where('email', '=', email).where('status', '!=', 'pending').executeTakeFirstOrThrow()
  return Number(row.n)
}

/** A signed-in user's alert: active at once (they are who they say). */
export async function createAccountAlert(
  db: DB,
  input: { userId: number; email: string; search: string; label: string; frequency: AlertFrequency },
  now: Date,
) {
  return db
    .insertInto('alerts')
    .values({
      user_id: input.userId,
      email: input.email,
      search: input.search,
      label: input.label,
      frequency: input.frequency,
      status: 'active',
      token: newAlertToken(),
      created_at: now.toISOString(),
      confirmed_at: now.toISOString(),
      since: now.toISOString(),
      started_at: now.toISOString(),
      next_run_at: nextRunAfter(now, input.frequency),
    })
    .returning(['id', 'token'])
    .executeTakeFirstOrThrow()
}

/** A visitor's alert: pending until the link mailed to the address is followed (double opt-in). */
export async function createPendingAlert(
  db: DB,
  input: { email: string; search: string; label: string; frequency: AlertFrequency },
  now: Date,
) {
  return db
    .insertInto('alerts')
    .values({
      user_id: null,
      email: input.email,
      search: input.search,
      label: input.label,
      frequency: input.frequency,
      status: 'pending',
      token: newAlertToken(),
      created_at: now.toISOString(),
      since: now.toISOString(),
      started_at: now.toISOString(),
      next_run_at: nextRunAfter(now, input.frequency),
    })
    .returning(['id', 'token'])
    .executeTakeFirstOrThrow()
}

const TOKEN = /^[A-Za-z0-9_-]{43}$/
export const isAlertToken = (token: string) => TOKEN.test(token)

export function findAlertByToken(db: DB, token: string) {
  if (!isAlertToken(token)) return Promise.resolve(undefined)
  return db
    .selectFrom('alerts')
    .select(['id', 'label', 'search', 'frequency', 'status', 'confirmed_at'])
    .where('token', '=', token)
    .executeTakeFirst()
}

/** Confirms a pending alert; the offers it mails are those published from now on. */
export async function confirmAlert(db: DB, token: string, now: Date): Promise<boolean> {
  if (!isAlertToken(token)) return false
  const alert = await db.selectFrom('alerts').select(['id', 'status', 'frequency', 'created_at']).where('token', '=', token).executeTakeFirst()
  if (!alert) return false
  if (alert.status !== 'pending') return true
  if (alert.created_at <= pendingAlertCutoff(now)) return false
  await db
    .updateTable('alerts')
    .set({ status: 'active', confirmed_at: now.toISOString(), since: now.toISOString(), started_at: now.toISOString(), next_run_at: nextRunAfter(now, alert.frequency) })
    .where('id', '=', alert.id)
    .where('status', '=', 'pending')
    .execute()
  return true
}

/** Unsubscribing deletes the alert (and what was sent with it): nothing is kept that is no longer used. */
export async function deleteAlertByToken(db: DB, token: string): Promise<boolean> {
  if (!isAlertToken(token)) return false
  const result = await db.deleteFrom('alerts').where('token', '=', token).executeTakeFirst()
  return result.numDeletedRows > 0n
}

export function listAlertsOf(db: DB, userId: number) {
  return db
    .selectFrom('alerts')
    .select(['id', 'label', 'search', 'frequency', 'status', 'created_at', 'last_sent_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute()
}

export async function deleteAlertOf(db: DB, userId: number, alertId: number): Promise<boolean> {
  const result = await db.deleteFrom('alerts').where('id', '=', alertId).where('user_id', '=', userId).executeTakeFirst()
  return result.numDeletedRows > 0n
}

/** Pause or resume; a resumed alert starts afresh (offers published while paused are not mailed). */
export async function setAlertPausedOf(db: DB, userId: number, alertId: number, paused: boolean, now: Date): Promise<boolean> {
  const alert = await db
    .selectFrom('alerts')
    .select(['frequency', 'status'])
    .where('id', '=', alertId)
    .where('user_id', '=', userId)
    .executeTakeFirst()
  if (!alert || alert.status === 'pending') return false
  if (paused) {
    await db.updateTable('alerts').set({ status: 'paused' }).where('id', '=', alertId).where('user_id', '=', userId).execute()
  } else if (alert.status === 'paused') {
    await db
      .updateTable('alerts')
      .set({ status: 'active', since: now.toISOString(), started_at: now.toISOString(), next_run_at: nextRunAfter(now, alert.frequency) })
      .where('id', '=', alertId)
      .where('user_id', '=', userId)
      .execute()
  }
  return true
}

export async function setAlertFrequencyOf(db: DB, userId: number, alertId: number, frequency: AlertFrequency, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('alerts')
    .set({ frequency, next_run_at: nextRunAfter(now, frequency) })
    .where('id', '=', alertId)
    .where('user_id', '=', userId)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

/** Replaces the saved search of one of the user's alerts (already canonical); false if it is not theirs. */
export async function setAlertSearchOf(db: DB, userId: number, alertId: number, search: string, label: string): Promise<boolean> {
  const result = await db.updateTable('alerts').set({ search, label }).where('id', '=', alertId).where('user_id', '=', userId).executeTakeFirst()
  return result.numUpdatedRows > 0n
}

/** For the GDPR export: the account's alerts, and those a visitor made with the same address. */
export function alertsForExport(db: DB, userId: number, email: string) {
  return db
    .selectFrom('alerts')
    .select(['label', 'search', 'frequency', 'status', 'created_at as createdAt', 'confirmed_at as confirmedAt', 'last_sent_at as lastSentAt'])
    .where((eb) => eb.or([eb('user_id', '=', userId), eb('email', '=', email)]))
    .orderBy('created_at')
    .execute()
}
