import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import path from 'node:path'
import SQLite from 'better-sqlite3'

/**
 * Backups of a live database. `VACUUM INTO` copies one read transaction's
 * snapshot (WAL: writers go on meanwhile), so every write committed before it
 * began is in the copy, whatever other processes do; the copy is then checked
 * with `PRAGMA integrity_check`. Uploaded files are written once under random
 * names and never changed, so copying the folder after the snapshot gives
 * every file the snapshot refers to (bar one deleted in between, which the
 * board already treats as gone).
 */
export type BackupResult = { file: string; bytes: number; uploads: number; integrity: 'ok' }

export const uploadsBackupDir = (file: string) => `${file}.uploads`

export function checkIntegrity(file: string): string {
  const copy = new SQLite(file, { readonly: true, fileMustExist: true })
  try {
    const rows = copy.pragma('integrity_check') as { integrity_check: string }[]
    return rows.map((r) => r.integrity_check).join('; ')
  } finally {
    copy.close()
  }
}

export function backupDatabase(sqlite: SQLite.Database, file: string, uploadsDir: string): BackupResult {
  const target = path.resolve(file)
  if (existsSync(target)) throw new Error(`${target} existe déjà : choisissez un autre nom de fichier`)
  mkdirSync(path.dirname(target), { recursive: true })
  sqlite.prepare('VACUUM INTO ?').run(target)
  const integrity = checkIntegrity(target)
  if (integrity !== 'ok') {
    rmSync(target, { force: true })
    throw new Error(`la copie est corrompue (integrity_check : ${integrity})`)
  }
  let uploads = 0
  if (existsSync(uploadsDir)) {
    const into = uploadsBackupDir(target)
    mkdirSync(into, { recursive: true })
    for (const name of readdirSync(uploadsDir)) {
      copyFileSync(path.join(uploadsDir, name), path.join(into, name))
      uploads++
    }
  }
  return { file: target, bytes: statSync(target).size, uploads, integrity: 'ok' }
}

const AUTOMATIC = /^passerelle-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z\.sqlite$/

/** The daily backup into BACKUP_DIR, then only the `keep` newest automatic backups stay (with their uploads). */
export function rotateBackups(sqlite: SQLite.Database, dir: string, uploadsDir: string, keep: number, now: Date): { made: BackupResult; removed: string[] } {
  const name = `passerelle-${now.toISOString().slice(0, 19).replace(/:/g, '-')}Z.sqlite`
  const made = backupDatabase(sqlite, path.join(dir, name), uploadsDir)
  const automatic = readdirSync(dir).filter((f) => AUTOMATIC.test(f)).sort()
  const removed = automatic.slice(0, Math.max(0, automatic.length - keep))
  for (const old of removed) {
    rmSync(path.join(dir, old), { force: true })
    rmSync(uploadsBackupDir(path.join(dir, old)), { recursive: true, force: true })
  }
  return { made, removed }
}

/**
 * Puts a backup in place of the database (the server must be stopped: the
 * caller checks). The current files are kept aside, never deleted.
 */
export function restoreDatabase(backup: string, databasePath: string, uploadsDir: string, now: Date): { keptAside: string[] } {
  const integrity = checkIntegrity(backup)
  if (integrity !== 'ok') throw new Error(`la sauvegarde est corrompue (integrity_check : ${integrity})`)
  const stamp = now.toISOString().replace(/[:.]/g, '-')
  const keptAside: string[] = []
  mkdirSync(path.dirname(path.resolve(databasePath)), { recursive: true })
  for (const suffix of ['', '-wal', '-shm']) {
    const current = databasePath + suffix
    if (!existsSync(current)) continue
    const aside = `${databasePath}.avant-restauration-${stamp}${suffix}`
    renameSync(current, aside)
    keptAside.push(aside)
  }
  copyFileSync(backup, databasePath)
  const savedUploads = uploadsBackupDir(backup)
  if (existsSync(savedUploads)) {
    if (existsSync(uploadsDir)) {
      const aside = `${uploadsDir.replace(/\/+$/, '')}.avant-restauration-${stamp}`
      renameSync(uploadsDir, aside)
      keptAside.push(aside)
    }
    mkdirSync(uploadsDir, { recursive: true })
    for (const name of readdirSync(savedUploads)) copyFileSync(path.join(savedUploads, name), path.join(uploadsDir, name))
  }
  return { keptAside }
}
