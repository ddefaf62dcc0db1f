import { readFileSync, rmSync, writeFileSync } from 'node:fs'

/**
 * A running server writes its pid next to the database file, so that a
 * command that must not run under it (`npm run db:restore`) can tell. A file
 * left by a killed server names a dead process and is ignored.
 */
export const serverLockPath = (databasePath: string) => `${databasePath}.server.pid`

export function claimServerLock(databasePath: string): () => void {
  const file = serverLockPath(databasePath)
  writeFileSync(file, String(process.pid))
  return () => {
    if (runningServerPid(databasePath) === process.pid) rmSync(file, { force: true })
  }
}

/** The pid of the live server using this database, or null. */
export function runningServerPid(databasePath: string): number | null {
  let pid: number
  try {
    pid = Number(readFileSync(serverLockPath(databasePath), 'utf8').trim())
  } catch {
    return null
  }
  if (!Number.isSafeInteger(pid) || pid <= 0) return null
  try {
    process.kill(pid, 0)
    return pid
  } catch (error) {
    // EPERM: alive, but another user's.
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? pid : null
  }
}
