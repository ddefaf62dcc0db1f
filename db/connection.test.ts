import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import SQLite from 'better-sqlite3'
import { sql } from 'kysely'
import { expect, it } from 'vitest'
import { openDatabase } from './connection.ts'

it('a transaction holds the write lock from its first statement, so a read then a write never fails on another process\'s commit', async () => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'passerelle-connection-')), 'test.sqlite')
  const { db, sqlite } = openDatabase(file)
  sqlite.exec('create table t (x integer)')
  // Another process's connection, which does not wait.
  const other = new SQLite(file)
  other.pragma('busy_timeout = 0')
  await db.transaction().execute(async (trx) => {
    await sql`select count(*) from t`.execute(trx)
    // Deferred, the transaction would hold no write lock yet: the other process could write, and this
    // transaction's own write would then fail at once (SQLITE_BUSY_SNAPSHOT).
    expect(() => other.exec('insert into t values (1)')).toThrow(/locked|busy/i)
    await sql`insert into t values (2)`.execute(trx)
  })
  other.exec('insert into t values (3)')
  expect(sqlite.prepare('select x from t order by x').pluck().all()).toEqual([2, 3])
  other.close()
  sqlite.close()
})
