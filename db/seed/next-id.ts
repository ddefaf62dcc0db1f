import { sql, type Transaction } from 'kysely'
import type { Database } from '../schema.ts'

/**
 * The id the next row of `table` will get. Read inside the writing
 * transaction: a concurrent writer then makes our insert fail (busy or
 * primary key) instead of two rows silently sharing an id.
 */
export async function nextId(trx: Transaction<Database>, table: 'companies' | 'offers' | 'users' | 'forums'): Promise<number> {
  const { rows } = await sql<{ next: number }>`select coalesce(max(id), 0) + 1 as next from ${sql.table(table)}`.execute(trx)
  return rows[0]!.next
}
