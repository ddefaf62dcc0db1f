import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Migrator } from 'kysely'
import { afterAll, expect, it } from 'vitest'
import { openDatabase } from './connection.ts'
import { migrateToLatest, migrations } from './migrate.ts'
import { prepareDatabase } from './prepare.ts'

const dir = mkdtempSync(path.join(tmpdir(), 'passerelle-upgrade-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

it('a database installed before 2026-12-04 upgrades in place: the newer migrations run after the older ones, then the demo seeds', async () => {
  const { db } = openDatabase(path.join(dir, 'installed.sqlite'))
  try {
    const older = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '2026-12-04'))
    expect(Object.keys(older)).toHaveLength(6)
    const first = await new Migrator({ db, provider: { getMigrations: async () => older } }).migrateToLatest()
    expect(first.error).toBeUndefined()

    await migrateToLatest(db)
    const ran = await db.selectFrom('kysely_migration' as never).select('name' as never).orderBy('name' as never).execute()
    expect(ran.map((r) => (r as { name: string }).name)).toEqual(Object.keys(migrations).sort())
    // The upgraded schema is the one the app uses: the reference data and the demo go in.
    expect(await prepareDatabase(db, { demo: true })).toEqual({ seeded: true })
    expect(Number((await db.selectFrom('communes').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBeGreaterThan(34_000)
  } finally {
    await db.destroy()
  }
}, 120_000)
