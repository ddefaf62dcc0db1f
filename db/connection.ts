import SQLite from 'better-sqlite3'
import { CompiledQuery, Kysely, SqliteDialect, SqliteDriver, type DatabaseConnection, type SqliteDatabase, type SqliteDialectConfig } from 'kysely'
import type { Database } from './schema.ts'

export type DB = Kysely<Database>

/**
 * Transactions begin IMMEDIATE: they take the write lock at once, waiting for it (busy_timeout). A deferred
 * transaction that reads, then writes after another process has written, fails at once with "database is
 * locked" (SQLITE_BUSY_SNAPSHOT: the busy timeout does not apply): a CV upload (select, then update) failed so
 * on the loaded CI while the other worker wrote.
 */
class ImmediateTransactionsDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'))
  }
}
class ImmediateTransactionsDialect extends SqliteDialect {
  constructor(private readonly settings: SqliteDialectConfig) {
    super(settings)
  }
  override createDriver() {
    return new ImmediateTransactionsDriver(this.settings)
  }
}

/**
 * Opens the SQLite file with the settings every connection needs: WAL so that
 * readers never wait for the writer, foreign keys enforced, and a busy timeout
 * so a second process (a CLI, a test) waits instead of failing. 10 s, not 5: on a starved machine (CI on 2
 * cores, a browser test's maintenance process beside the workers) a write once waited more than 5 s and a
 * visitor got an error page; a transaction left open across another request's CPU work is the usual holder.
 */
export function openDatabase(path: string): { db: DB; sqlite: SQLite.Database } {
  const sqlite = new SQLite(path)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 10000')
  sqlite.pragma('synchronous = NORMAL')
  const db = new Kysely<Database>({ dialect: new ImmediateTransactionsDialect({ database: reusingStatements(sqlite) }) })
  return { db, sqlite }
}

/**
 * Kysely prepares every statement it runs; a page runs the same few SQL texts at each request, and
 * preparing one costs as much as running it. They are kept by text (500 at most, the oldest dropped);
 * one being iterated (a streamed query) is busy, so a second use meanwhile gets a fresh one.
 */
function reusingStatements(sqlite: SQLite.Database, max = 500): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>()
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      const kept = statements.get(sql)
      if (kept && !kept.busy) {
        // The most recently used last: the oldest dropped is the least recently used.
        statements.delete(sql)
        statements.set(sql, kept)
        return kept
      }
      const statement = sqlite.prepare(sql)
      if (!kept) {
        if (statements.size >= max) statements.delete(statements.keys().next().value!)
        statements.set(sql, statement)
      }
      return statement
    },
  }
}
