/**
 * What the primary and its workers say to each other, in a module of its own
 * so each side loads only its own code (the server bundle splits them).
 */

/** How long a stopping worker lets the requests it has accepted finish. */
export const DRAIN_MS = 20_000

/** A worker asks once it listens for the answer; the primary answers once the database is migrated and seeded. */
export const WAITING_FOR_DATABASE = { passerelle: 'waiting-for-database' } as const
export const DATABASE_PREPARED = { passerelle: 'database-prepared' } as const

export const isMessage = (message: unknown, expected: { passerelle: string }) =>
  (message as { passerelle?: string } | null)?.passerelle === expected.passerelle

/**
 * In a worker: resolves when the primary says the database is ready to open.
 * The worker asks only after it listens, so the answer is never missed, however
 * early or late the primary is.
 */
export function databasePrepared(): Promise<void> {
  return new Promise((resolve) => {
    const listener = (message: unknown) => {
      if (!isMessage(message, DATABASE_PREPARED)) return
      process.off('message', listener)
      resolve()
    }
    process.on('message', listener)
    process.send!(WAITING_FOR_DATABASE)
  })
}
