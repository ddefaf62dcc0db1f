/**
 * npm run bench:pages — the pages people load, on the real production server.
 *
 * For each size (BENCH_SIZES, offers; default 1000,10000,100000) it builds a
 * board with the deterministic generator and the ROME vocabulary (cached in
 * bench/tmp/ by seed and size, so a rerun starts at once): at 100k offers,
 * 2,000 companies, 50,000 candidates, 200,000 applications, a recruiter with
 * 1,000 offers and one offer with 5,000 applicants, a forum of 2,000
 * candidates. It copies the file, starts the server as `npm start` does
 * (`node build/start/server.js` after `npm run build`, every worker), measures the
 * time to the first answer and the CPU the server's processes spent until then — twice: a first start loads the engines from the
 * database and saves their snapshot (search/embedded/snapshot.ts), the second,
 * as every later start does, loads that snapshot — then drives each page with autocannon at 16 and
 * 64 connections (BENCH_CONNECTIONS) for BENCH_DURATION seconds each (5), after
 * BENCH_WARMUP seconds (2) of the same load that are not measured;
 * anonymous pages once more with `Cache-Control: no-cache`, which the
 * one-second page cache (app/page-cache.server.ts) honours by rendering afresh
 * (a cookie no longer skips it unless it is the session's), to time the
 * rendering itself. "search: varied keywords" cycles over 200 distinct searches
 * of the engine's query mix (bench/query-mix.ts, bench/relevance-queries.ts),
 * rendered each time too: real traffic spreads over many search addresses,
 * so this is the honest figure of what a search costs. "Offres pour vous" is
 * asked by 200 candidates in turn (and by the demo candidate apart).
 * It prints req/s, p50/p95/p99, bytes, the growth from the smallest size to
 * the largest, and the peak RSS of every server process.
 * BENCH_PAGES=home,offer keeps only the pages named; BENCH_SKIP_BUILD=1 reuses build/.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process'
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import autocannon from 'autocannon'
import { openDatabase } from '#db/connection.ts'
import { createSession } from '#db/queries/accounts.ts'
import { createFileStore } from '#db/files.ts'
import { runMaintenance } from '#db/maintenance.ts'
import { seedScale, type Scale } from '#db/seed/scale.ts'
import { sessionCookieHeader } from '#app/utils/session.server.ts'
import { offerQueryToParams } from '#search/query-params.ts'
import { BENCH_TMP, cachedBoard } from './cached-board.ts'
import { summarize } from './stats.ts'
import { queryMix } from './query-mix.ts'
import { LABELLED_QUERIES } from './relevance-queries.ts'
import { BENCH_OPERATOR_ENV } from './operator-env.ts'

const SEED = 42
// Offers are dated around the day the board is built (they expire after 60 days): the cache is kept for that day.
// BENCH_DAY=2026-12-04 reuses the boards built that day (a run just past midnight).
const NOW = new Date((process.env.BENCH_DAY ?? new Date().toISOString().slice(0, 10)) + 'T06:00:00Z')
const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number)
const CONNECTIONS = (process.env.BENCH_CONNECTIONS ?? '16,64').split(',').map(Number)
const DURATION = Number(process.env.BENCH_DURATION ?? 5)
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2)
const ONLY = process.env.BENCH_PAGES?.split(',')
const PORT = Number(process.env.BENCH_PORT ?? 3311)
const TMP = BENCH_TMP

function scaleFor(offers: number): Scale {
  return {
    offers,
    companies: Math.max(48, Math.round(offers / 50)),
    candidates: Math.max(100, Math.round(offers / 2)),
    applications: offers * 2,
    recruiterOffers: Math.min(1000, Math.round(offers / 10)),
    applicantsOfOneOffer: Math.min(5000, Math.round(offers / 20)),
    forumCandidates: Math.min(2000, Math.round(offers / 50)),
    wideVocabulary: true,
  }
}

async function buildDatabase(offers: number): Promise<string> {
  const family = `pages-seed${SEED}-${offers}-`
  const { file, builtMs } = await cachedBoard(`${family}${NOW.toISOString().slice(0, 10)}`, (old) => old.startsWith(family),
    (db) => seedScale(db, scaleFor(offers), { seed: SEED, now: NOW }))
  if (builtMs !== null) console.log(`  built ${offers} offers in ${(builtMs / 1000).toFixed(0)} s → ${path.relative('.', file)}`)
  return file
}

type Targets = { pages: [name: string, url: string | string[], who: Who | null][]; cookies: Record<Who, string | string[]> }
/** What a visitor sends to get a fresh render (a reload): the page cache answers it with a new render. */
const FRESH = { 'cache-control': 'no-cache' }

/**
 * 200 distinct search addresses, always the same: the labelled queries of
 * bench:relevance (words of titles, typos, synonyms), then the text queries of
 * bench:search's mix (keywords, prefixes, typos) until there are 200.
 */
function variedSearches(): string[] {
  const texts = new Set(LABELLED_QUERIES.map((q) => q.text))
  for (const { kind, query } of queryMix(2000)) if (kind === 'keywords' || kind === 'prefix' || kind === 'typo') texts.add(query.text)
  return [...texts].slice(0, 200).map((text) => `/offres?${offerQueryToParams({ text })}`)
}
// 'candidates': a different candidate at each request (the sessions of CANDIDATE_SESSIONS of them), so no cache of one person's page helps.
type Who = 'candidate' | 'candidates' | 'recruiter' | 'organiser' | 'admin'
const CANDIDATE_SESSIONS = 200

/** URLs of the pages, and sessions for the demo accounts, written into the copy the server will open. */
async function prepareRun(file: string): Promise<{ runFile: string; targets: Targets }> {
  const runFile = path.join(TMP, 'pages-run.sqlite')
  for (const suffix of ['', '-wal', '-shm', '.engine']) rmSync(runFile + suffix, { force: true })
  copyFileSync(file, runFile)
  const { db } = openDatabase(runFile)
  const now = new Date()
  // Today's expiries now, not in the server's boot maintenance: a few thousand at once would reload the engine mid-run.
  await runMaintenance({ db, files: createFileStore(path.join(TMP, 'uploads')), mailer: { send: async () => {} } as never, publicUrl: 'http://localhost', now })
  const user = (email: string) => db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()
  const cookie = async (email: string) => sessionCookieHeader((await createSession(db, (await user(email)).id, now)).token)
  // Candidates with skills, spread over the board's ids (deterministic).
  const withSkills = await db.selectFrom('candidate_skills').select('user_id').distinct().orderBy('user_id').execute()
  const sampled = withSkills.filter((_, i) => i % Math.max(1, Math.floor(withSkills.length / CANDIDATE_SESSIONS)) === 0).slice(0, CANDIDATE_SESSIONS)
  const cookies: Record<Who, string | string[]> = {
    candidate: await cookie('candidate@demo.passerelle.fr'),
    candidates: await Promise.all(sampled.map(async ({ user_id }) => sessionCookieHeader((await createSession(db, user_id, now)).token))),
    recruiter: await cookie('recruteur@demo.passerelle.fr'),
    organiser: await cookie('organisation@demo.passerelle.fr'),
    admin: await cookie('admin@demo.passerelle.fr'),
  }
  // Visible for the whole run: published, and not expiring within the hour.
  const offer = await db.selectFrom('offers').select(['id', 'slug']).where('status', '=', 'published')
    .where('published_at', '<=', now.toISOString()).where('expires_at', '>', new Date(now.getTime() + 3_600_000).toISOString())
    .orderBy('id', 'desc').executeTakeFirstOrThrow()
  const own = await db.selectFrom('companies as co').innerJoin('company_members as m', 'm.company_id', 'co.id')
    .innerJoin('users as u', 'u.id', 'm.user_id').select(['co.id', 'co.slug']).where('u.email', '=', 'recruteur@demo.passerelle.fr').executeTakeFirstOrThrow()
  const busiest = await db.selectFrom('applications as a').innerJoin('offers as o', 'o.id', 'a.offer_id').select('a.offer_id')
    .where('o.company_id', '=', own.id).groupBy('a.offer_id').orderBy((eb) => eb.fn.countAll(), 'desc').executeTakeFirstOrThrow()
  const company = await db.selectFrom('companies').select('slug').where('id', '!=', own.id).orderBy('id').executeTakeFirstOrThrow()
  const forum = await db.selectFrom('forums').select('slug').orderBy('id').executeTakeFirstOrThrow()
  await db.destroy()
  return {
    runFile,
    targets: {
      cookies,
      pages: [
        ['home', '/', null],
        ['search: empty', '/offres', null],
        ['search: keyword', '/offres?q=developpeur', null],
        ['search: typo', '/offres?q=devlopeur%20javscript', null],
        ['search: filtered', '/offres?contrat=cdi&teletravail=hybrid&experience=junior', null],
        ['search: geo', '/offres?commune=62193&rayon=30', null],
        ['search: page 20', '/offres?page=20', null],
        ['search: varied keywords', variedSearches(), null],
        ['offer', `/offres/${offer.slug}`, null],
        ['company', `/entreprises/${company.slug}`, null],
        ['forums list', '/forums', null],
        // Offers out (decision 013): JSON and XML are never in the page cache, so these are always rendered.
        ['api: search', '/api/v1/offres?contrat=cdi', null],
        ['api: offer', `/api/v1/offres/${offer.id}`, null],
        ['feed: rss', '/offres.rss?q=developpeur', null],
        ['sitemap: offers', '/sitemaps/offres-1.xml', null],
        ['candidate: offres pour vous', '/candidat/offres-pour-vous', 'candidates'],
        // The demo candidate aims for occupations half the board shares: more offers to weigh than most.
        ['candidate: offres pour vous, demo candidate', '/candidat/offres-pour-vous', 'candidate'],
        ['recruiter: offers list', `/recruteur/entreprises/${own.slug}/offres`, 'recruiter'],
        ['recruiter: offers list p.10', `/recruteur/entreprises/${own.slug}/offres?page=10`, 'recruiter'],
        ['recruiter: applicants', `/recruteur/offres/${busiest.offer_id}/candidatures`, 'recruiter'],
        ['recruiter: applicants CSV', `/recruteur/offres/${busiest.offer_id}/candidatures.csv`, 'recruiter'],
        ['organiser: planning', `/organisation/forums/${forum.slug}/planning`, 'organiser'],
        ['admin: queue', '/admin/offres', 'admin'],
      ],
    },
  }
}

/** Starts the server the way `npm start` does (after its build), and times the first answer of the home page. */
async function startServer(runFile: string): Promise<{ server: ChildProcess; firstAnswerMs: number; listeningMs: number; firstAnswerCpuMs: number }> {
  const started = performance.now()
  const server = spawn(process.execPath, ['build/start/server.js'], {
    env: { ...process.env, ...BENCH_OPERATOR_ENV, PORT: String(PORT), HOST: '127.0.0.1', DATABASE_PATH: runFile, UPLOADS_DIR: path.join(TMP, 'uploads'),
      DEMO_DATA: 'false', NODE_ENV: 'production', SMTP_URL: '', API_RATE_LIMIT: '1000000' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  let log = ''
  server.stdout!.on('data', (d: Buffer) => (log += d.toString()))
  server.stderr!.on('data', (d: Buffer) => (log += d.toString()))
  let listeningMs = 0
  for (;;) {
    if (server.exitCode !== null) throw new Error(`server exited:\n${log}`)
    if (performance.now() - started > 180_000) throw new Error(`no answer after 180 s:\n${log}`)
    try {
      const response = await fetch(`http://127.0.0.1:${PORT}/`)
      listeningMs ||= performance.now() - started
      // The CPU the server's processes used until then: what the start costs whatever else the machine runs.
      if (response.status === 200) return { server, firstAnswerMs: performance.now() - started, listeningMs, firstAnswerCpuMs: serverCpuMs(server.pid!) }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 25))
  }
}

/** Every process of the server's tree (the primary and its cluster workers). */
function serverPids(rootPid: number): number[] {
  const children = new Map<number, number[]>()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const ppid = Number(/PPid:\s+(\d+)/.exec(readFileSync(`/proc/${entry}/status`, 'utf8'))?.[1])
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)])
    } catch {
      // gone
    }
  }
  const pids: number[] = []
  const visit = (pid: number) => {
    pids.push(pid)
    for (const child of children.get(pid) ?? []) visit(child)
  }
  visit(rootPid)
  return pids
}

/** Peak RSS (VmHWM) of the server's node processes. */
function peakRss(rootPid: number): number[] {
  const peaks: number[] = []
  for (const pid of serverPids(rootPid)) {
    try {
      peaks.push(Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024)
    } catch {
      // gone
    }
  }
  return peaks.filter((p) => p > 80 * 1024 * 1024)
}

/**
 * CPU time (user + system, ms) the server's processes have used: divided by
 * the requests served, it is the cost of a page whatever else the machine is
 * doing, which on a shared machine says more than req/s.
 */
const TICK_MS = 1000 / Number(execFileSync('getconf', ['CLK_TCK']).toString().trim() || 100)
function serverCpuMs(rootPid: number): number {
  let ticks = 0
  for (const pid of serverPids(rootPid)) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
      ticks += Number(fields[11]) + Number(fields[12])
    } catch {
      // gone
    }
  }
  return ticks * TICK_MS
}

type Row = { page: string; connections: number; rps: number; cpuMs: number; p50: number; p95: number; p99: number; bytes: number; errors: number }

/** How a page is asked for: the same headers each time, and, when given, the next path or session cookie of a list at each request. */
type Load = { headers: Record<string, string>; paths?: string[]; cookies?: string[] }
function requestsOf({ paths, cookies }: Load): autocannon.Request[] | undefined {
  if (!paths && !cookies) return undefined
  let next = 0
  return [{
    setupRequest: (request: autocannon.Request) => {
      const i = next++
      return { ...request, ...(paths ? { path: paths[i % paths.length]! } : {}), headers: { ...request.headers, ...(cookies ? { cookie: cookies[i % cookies.length]! } : {}) } }
    },
  }]
}

async function drive(url: string, load: Load, connections: number, serverPid: number): Promise<Omit<Row, 'page'>> {
  // Unmeasured first: a page's first requests in each worker compile its code and fill its caches, which a server
  // in service has long done. Without this, 5 s of a 30 ms page is mostly warm-up.
  if (WARMUP > 0) {
    await new Promise((resolve, reject) => autocannon({ url, connections, duration: WARMUP, timeout: 60, headers: load.headers, requests: requestsOf(load) }, (error, result) => (error ? reject(error) : resolve(result))))
    await idle(serverPid)
  }
  const latencies: number[] = []
  let bytes = 0
  let bad = 0
  const cpuBefore = serverCpuMs(serverPid)
  let instance: autocannon.Instance | undefined
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon({ url, connections, duration: DURATION, timeout: 60, headers: load.headers, requests: requestsOf(load) }, (error, result) => (error ? reject(error) : resolve(result)))
  })
  instance!.on('response', (_client, status, resBytes, responseTime) => {
    latencies.push(responseTime)
    bytes = resBytes
    if (status !== 200) bad++
  })
  const result = await done
  const cpuMs = (serverCpuMs(serverPid) - cpuBefore) / Math.max(1, latencies.length)
  await idle(serverPid)
  const s = summarize(latencies)
  return { connections, cpuMs, rps: result.requests.total / DURATION, p50: s.p50, p95: s.p95, p99: s.p99, bytes, errors: bad + result.errors + result.timeouts }
}

/**
 * Waits (60 s at most) until the server's processes are idle: requests a run
 * left queued (autocannon stops sending, the server still answers what it
 * accepted) must not be billed to the next page.
 */
async function idle(serverPid: number) {
  const deadline = performance.now() + 60_000
  let before = serverCpuMs(serverPid)
  while (performance.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250))
    const now = serverCpuMs(serverPid)
    if (now - before < 25) return
    before = now
  }
}

/** Starts the server once without a snapshot (it saves one), stops it, and times a second start from the snapshot. */
async function coldStart(runFile: string): Promise<number> {
  const { server, firstAnswerMs } = await startServer(runFile)
  const deadline = performance.now() + 120_000
  while (!existsSync(`${runFile}.engine`) && performance.now() < deadline) await new Promise((r) => setTimeout(r, 100))
  if (!existsSync(`${runFile}.engine`)) console.log('  (no snapshot written within 120 s)')
  process.kill(-server.pid!, 'SIGTERM')
  await new Promise((r) => server.once('exit', r))
  return firstAnswerMs
}

const results = new Map<number, { rows: Row[]; coldMs: number; firstAnswerMs: number; listeningMs: number; firstAnswerCpuMs: number; rss: number[] }>()
if (process.env.BENCH_SKIP_BUILD !== '1') {
  console.log('Building the app and the server (npm run build)…')
  execFileSync('npm', ['run', 'build'], { stdio: 'ignore' })
}
const load = () => os.loadavg().map((l) => l.toFixed(1)).join(' / ')
console.log(`Passerelle — pages benchmark (${new Date().toISOString()}, Node ${process.version}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB)`)
for (const size of SIZES) {
  console.log(`\n=== ${size.toLocaleString('en')} offers (machine load ${load()})`)
  const file = await buildDatabase(size)
  const { runFile, targets } = await prepareRun(file)
  const coldMs = await coldStart(runFile)
  console.log(`  first answer of / after ${(coldMs / 1000).toFixed(2)} s without a snapshot`)
  const { server, firstAnswerMs, listeningMs, firstAnswerCpuMs } = await startServer(runFile)
  console.log(`  first answer of / after ${(firstAnswerMs / 1000).toFixed(2)} s from the snapshot (listening after ${(listeningMs / 1000).toFixed(2)} s; ${(firstAnswerCpuMs / 1000).toFixed(2)} s of CPU by the server's processes until then)`)
  const rows: Row[] = []
  try {
    for (const [name, url, who] of targets.pages) {
      if (ONLY && !ONLY.some((o) => name.startsWith(o))) continue
      // Anonymous pages twice: as visitors get them (the one-second page cache), and rendered each time
      // (Cache-Control: no-cache, as a reload sends). The varied searches are rendered each time only.
      const cookie = who ? targets.cookies[who] : null
      const signedIn: Load = Array.isArray(cookie) ? { headers: {}, cookies: cookie } : { headers: cookie ? { cookie } : {} }
      const paths = Array.isArray(url) ? url : undefined
      const runs: [string, Load, number][] = paths ? [[name, { headers: FRESH, paths }, CONNECTIONS[0]!]] : CONNECTIONS.map((c) => [name, signedIn, c])
      if (!who && !paths) runs.push([`${name} (rendered)`, { headers: FRESH }, CONNECTIONS[0]!])
      for (const [page, load, connections] of runs) {
        const row = { page, ...(await drive(`http://127.0.0.1:${PORT}${paths ? paths[0]! : url}`, load, connections, server.pid!)) }
        rows.push(row)
        if (row.p50 === 0) {
          console.log(`  ${page.padEnd(40)} ${String(connections).padStart(3)} conn  no answer within ${DURATION} s (each takes longer than ${DURATION}/${connections} s of the server's time)`)
          continue
        }
        console.log(`  ${page.padEnd(40)} ${String(connections).padStart(3)} conn ${row.rps.toFixed(0).padStart(6)} req/s  p50 ${row.p50.toFixed(0).padStart(5)}  p95 ${row.p95.toFixed(0).padStart(5)}  p99 ${row.p99.toFixed(0).padStart(5)} ms  cpu ${row.cpuMs.toFixed(1).padStart(5)} ms/req  ${(row.bytes / 1024).toFixed(1).padStart(6)} kB${row.errors ? `  ${row.errors} errors/non-200` : ''}`)
      }
    }
  } finally {
    results.set(size, { rows, coldMs, firstAnswerMs, listeningMs, firstAnswerCpuMs, rss: peakRss(server.pid!) })
    process.kill(-server.pid!, 'SIGTERM')
    await new Promise((r) => server.once('exit', r))
  }
  const { rss } = results.get(size)!
  console.log(`  machine load after: ${load()}`)
  console.log(`  peak RSS per server process: ${rss.map((b) => `${(b / 1024 / 1024).toFixed(0)} MB`).join(', ')}`)
}

// The summary: one line per page at 16 connections, and the growth from the smallest size to the largest.
const sizes = [...results.keys()]
const smallest = results.get(sizes[0]!)!
const largest = results.get(sizes.at(-1)!)!
console.log(`\n=== Summary (${DURATION} s per run; growth = p50 at ${sizes.at(-1)} ÷ p50 at ${sizes[0]})`)
console.log(`| page | conn | ${sizes.map((s) => `req/s @${s}`).join(' | ')} | p50/p95/p99 ms @${sizes.at(-1)} | ${sizes.map((s) => `CPU ms/req @${s}`).join(' | ')} | kB | growth p50 | growth CPU |`)
console.log(`|---|---|${sizes.map(() => '---|').join('')}---|${sizes.map(() => '---|').join('')}---|---|---|`)
for (const row of largest.rows) {
  const at = (size: number) => results.get(size)!.rows.find((r) => r.page === row.page && r.connections === row.connections)
  const base = smallest.rows.find((r) => r.page === row.page && r.connections === row.connections)
  const growth = base && base.p50 > 0 ? `${(row.p50 / base.p50).toFixed(1)}×` : '–'
  const cpuGrowth = base && base.cpuMs > 0 ? `${(row.cpuMs / base.cpuMs).toFixed(1)}×` : '–'
  console.log(`| ${row.page} | ${row.connections} | ${sizes.map((s) => at(s)?.rps.toFixed(0) ?? '–').join(' | ')} | ${row.p50.toFixed(0)} / ${row.p95.toFixed(0)} / ${row.p99.toFixed(0)} | ${sizes.map((s) => at(s)?.cpuMs.toFixed(1) ?? '–').join(' | ')} | ${(row.bytes / 1024).toFixed(1)} | ${growth} | ${cpuGrowth} |`)
}
for (const size of sizes) {
  const r = results.get(size)!
  console.log(`time to first answer @${size}: ${(r.firstAnswerMs / 1000).toFixed(2)} s from the snapshot (${(r.firstAnswerCpuMs / 1000).toFixed(2)} s of server CPU), ${(r.coldMs / 1000).toFixed(2)} s without; peak RSS per process: ${r.rss.map((b) => `${(b / 1024 / 1024).toFixed(0)} MB`).join(', ')}`)
}
