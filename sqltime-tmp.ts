import { readFileSync } from 'node:fs'
import { openDatabase } from '#db/connection.ts'
import { createFileStore } from '#db/files.ts'
import { EmbeddedSearchEngine } from '#search/embedded/engine.ts'
import { getOptionalUser } from '#app/utils/session.server.ts'
const t = JSON.parse(readFileSync('/tmp/hsigned/targets.json', 'utf8'))
const { db, sqlite } = openDatabase('/tmp/hsigned/run.sqlite')
const stats = new Map<string, { n: number; ms: number }>()
const prepare = sqlite.prepare.bind(sqlite)
let prepMs = 0, prepN = 0
sqlite.prepare = ((source: string) => {
  const s0 = performance.now(); const statement = prepare(source); prepMs += performance.now() - s0; prepN++
  for (const method of ['all', 'get', 'run'] as const) {
    const original = (statement[method] as (...args: unknown[]) => unknown).bind(statement)
    ;(statement as any)[method] = (...args: unknown[]) => { const s = performance.now(); const r = original(...args); const e = stats.get(source) ?? { n: 0, ms: 0 }; e.n++; e.ms += performance.now() - s; stats.set(source, e); return r }
  }
  return statement
}) as typeof sqlite.prepare
const search = new EmbeddedSearchEngine(sqlite)
const context = { db, search, nonce: 'n', clientIp: '127.0.0.1', publicUrl: 'http://localhost', files: createFileStore('/tmp/hsigned/uploads'), mailer: { send: async () => {} } }
const pages: [string, string, Record<string, string>][] = [
  ['offers', 'recruiter-company-offers', { slug: 'corsaire-software' }], ['applicants', 'recruiter-applications', { id: '2' }],
  ['admin', 'admin-offers', {}], ['planning', 'organiser-forum-planning', { slug: 'forum-numerique-calaisis-2026-12-26' }],
]
const which = process.argv[2]
for (const [key, module, params] of pages) {
  if (which && which !== key) continue
  const route = await import(`#app/routes/${module}.tsx`)
  const [url, cookie] = t[key]
  const call = async () => { const request = new Request('http://localhost' + url, { headers: { cookie } }); await getOptionalUser(request, db); return route.loader({ request, params, context }) }
  for (let i = 0; i < 20; i++) await call()
  stats.clear(); prepMs = 0; prepN = 0
  const N = 100; const s = performance.now(); const cpu0 = process.cpuUsage()
  for (let i = 0; i < N; i++) await call()
  const cpu = process.cpuUsage(cpu0)
  console.log(`\n== ${key}: ${((performance.now() - s) / N).toFixed(2)} ms wall, ${((cpu.user + cpu.system) / 1000 / N).toFixed(2)} ms cpu per root+page loader; prepare ${(prepMs / N).toFixed(3)} ms (${prepN / N}/req)`)
  for (const [sql, e] of [...stats].sort((a, b) => b[1].ms - a[1].ms)) console.log(`${(e.ms / N).toFixed(3).padStart(8)} ms ${String(e.n / N).padStart(4)}x  ${sql.replace(/\s+/g, ' ').slice(0, 230)}`)
}
await db.destroy()
