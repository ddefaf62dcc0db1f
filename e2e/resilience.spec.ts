import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import type { RouteConfigEntry } from '@react-router/dev/routes'
import { expect, test } from '@playwright/test'
import Database from 'better-sqlite3'
import routes from '../app/routes.ts'
import { rawRequest, seededRandom } from './raw-http.ts'
import { startServer, type ServerProcess } from './server-process.ts'

/**
 * The server as an operator runs it (cluster of 2 workers, demo data) on its
 * own port and database, then: a raw-HTTP fuzz over every route and role; a
 * backup taken while offers are written, then restored; kill -9 of every
 * process while offers are written, twice. Figures are printed for the README.
 */
const PORT = Number(process.env.E2E_RESILIENCE_PORT ?? Number(process.env.E2E_PORT ?? 3123) + 3)
const FUZZ_REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 5000)
const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261204)
const run = promisify(execFile)

let app: ServerProcess
test.describe.configure({ mode: 'serial' })
test.beforeAll(async () => {
  test.setTimeout(180_000)
  app = await startServer({ port: PORT, env: { WEB_CONCURRENCY: '2' } })
})
test.afterAll(async () => {
  if (app?.child.exitCode === null) await app.stop()
})

const restart = async () => {
  app = await startServer({ port: PORT, dir: app.dir, env: { WEB_CONCURRENCY: '2' } })
}

function sqlite<T>(read: (db: Database.Database) => T): T {
  const db = new Database(app.databasePath)
  try {
    return read(db)
  } finally {
    db.close()
  }
}

async function signIn(email: string): Promise<string> {
  const response = await fetch(`${app.url}/connexion`, {
    method: 'POST',
    body: new URLSearchParams({ email, password: 'passerelle-demo' }),
    redirect: 'manual',
  })
  expect(response.status, email).toBe(302)
  const session = response.headers.getSetCookie().find((c) => c.startsWith('passerelle_session='))!
  return session.split(';')[0]!
}

function flatten(entries: RouteConfigEntry[], parent = ''): string[] {
  return entries.flatMap((entry) => {
    const full = [parent, entry.path ?? ''].filter(Boolean).join('/')
    return [full, ...flatten(entry.children ?? [], full)]
  })
}

test('raw-HTTP fuzz: every route, every role, broken requests of every kind; never a 5xx nor a stack trace, and the server still answers', async () => {
  test.setTimeout(600_000)
  const real = sqlite((db) => ({
    offer: db.prepare("SELECT slug FROM offers WHERE status = 'published' LIMIT 1").pluck().get() as string,
    company: db.prepare('SELECT slug FROM companies LIMIT 1').pluck().get() as string,
    forum: db.prepare('SELECT slug FROM forums LIMIT 1').pluck().get() as string,
    offerId: db.prepare('SELECT id FROM offers LIMIT 1').pluck().get() as number,
    applicationId: db.prepare('SELECT id FROM applications LIMIT 1').pluck().get() as number,
  }))
  const roles: Record<string, string> = { anonyme: '' }
  for (const [role, email] of [['candidat', 'candidate@demo.passerelle.fr'], ['recruteur', 'recruteur@demo.passerelle.fr'],
    ['organisation', 'organisation@demo.passerelle.fr'], ['admin', 'admin@demo.passerelle.fr']] as const) {
    roles[role] = await signIn(email)
  }
  const paths = [...new Set(flatten(routes))]
  const r = seededRandom(FUZZ_SEED)
  const host = `127.0.0.1:${PORT}`

  const segment = (name: string) =>
    r.chance(0.7)
      ? ({ slug: r.pick([real.offer, real.company, real.forum]), id: String(r.pick([real.offerId, real.applicationId])), file: r.pick(['planning.csv', 'correspondances.csv', 'forum.xlsx']) } as Record<string, string>)[name] ?? 'x'
      : r.pick(['-1', '0', '99999999999999999999', 'abc', '%00', '%ff', '..%2f..%2fetc', '%C3%28', "'or 1=1--", 'x'.repeat(300)])
  const target = () => {
    const kind = r.int(20)
    if (kind === 0) return '*'
    if (kind === 1) return `http://evil.example/${r.pick(paths)}`
    if (kind === 2) return `//evil.example/${r.pick(paths)}`
    let p = '/' + r.pick(paths).replace(/:(\w+)/g, (_m, name: string) => segment(name)).replace('*', 'page-inconnue')
    if (r.chance(0.15)) p += '.data'
    if (r.chance(0.3)) p += '?' + r.pick(['redirectTo=//evil.example', 'redirectTo=/.//evil.example', 'page=-1', 'q=%22', 'index', '_routes=root', 'q=%E0%A4%A', 'entreprises=1e9', 'suite=https://evil.example', 'jeton=x'])
    if (r.chance(0.05)) p += '/%ff%fe' // broken UTF-8
    return p
  }
  const intents = ['close', 'publish', 'duplicate', 'save', 'stage', 'note', 'invite', 'remove', 'verify', 'approve', 'reject', 'dismiss',
    'profile', 'consent', 'withdraw', 'delete-cv', 'register', 'wishes', 'appoint', 'everywhere', 'answer']
  const fieldValue = () =>
    r.pick(['', 'x', '%00=HYPERLINK("http://evil.example")', 'admin', 'recruiter', '62193', '//evil.example', 'a'.repeat(5000),
      '\u0000\u0001\u001f', 'é'.repeat(100), String(r.int(1e9)), '-1', 'candidate@demo.passerelle.fr', '<script>alert(1)</script>'])
  const urlencoded = () =>
    Array.from({ length: r.int(8) }, () => `${encodeURIComponent(r.pick(['intent', 'email', 'password', 'title', 'descriptionMd', 'userId', 'role', 'stage', 'body', 'redirectTo', 'consent', 'companyId', 'x']))}=${
      r.chance(0.5) ? `intent-${r.pick(intents)}`.replace('intent-', '') : encodeURIComponent(fieldValue())}`).join('&')
  const multipart = (boundary: string) => {
    const parts = Array.from({ length: r.int(4) }, () =>
      r.chance(0.7)
        ? `--${boundary}\r\nContent-Disposition: form-data; name="${r.pick(['intent', 'cv', 'logo', 'file', 'email'])}"\r\n\r\n${r.pick(intents)}\r\n`
        : `--${boundary}\r\nContent-Disposition: form-data; name="${r.pick(['cv', 'logo', 'file'])}"; filename="${r.pick(['cv.pdf', 'a.png', '../../x'])}"\r\nContent-Type: application/pdf\r\n\r\n${r.pick(['%PDF-1.4 x', 'PNG', ''])}\r\n`,
    )
    return parts.join('') + (r.chance(0.8) ? `--${boundary}--\r\n` : '')
  }

  function build(): Buffer {
    const method = r.chance(0.4) ? 'GET' : r.chance(0.6) ? 'POST' : r.pick(['HEAD', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'FOO', 'get', 'PROPFIND'])
    const headers: string[] = []
    const hostKind = r.int(12)
    if (hostKind === 0) headers.push('Host: ')
    else if (hostKind === 1) headers.push('Host: a b')
    else if (hostKind === 2) headers.push(`Host: ${r.pick(['evil.example', '[::1]', 'x'.repeat(300), 'localhost:99999', 'a_b.example', '-x.example'])}`)
    else if (hostKind !== 3) headers.push(`Host: ${host}`) // 3: no Host at all
    const cookie = roles[r.pick(Object.keys(roles))]
    if (cookie) headers.push(`Cookie: ${cookie}`)
    if (r.chance(0.03)) headers.push(`X-Grand: ${'y'.repeat(r.pick([9000, 20_000]))}`)
    if (r.chance(0.2)) headers.push(`Origin: ${r.pick([`http://${host}`, 'https://evil.example', 'null', 'pas une url', `https://${host}`])}`)
    if (r.chance(0.1)) headers.push(`X-Forwarded-For: ${r.pick(['6.6.6.6', 'garbage', ''])}`)
    if (r.chance(0.05)) headers.push(`X-Forwarded-Proto: ${r.pick(['https', 'javascript', ''])}`)
    let body: Buffer = Buffer.alloc(0)
    if (method !== 'GET' && method !== 'HEAD' || r.chance(0.05)) {
      const boundary = `----fuzz${r.int(1e6)}`
      const kind = r.int(10)
      const [type, content]: [string | null, Buffer] =
        kind < 4 ? ['application/x-www-form-urlencoded', Buffer.from(urlencoded())]
        : kind === 4 ? [`multipart/form-data; boundary=${boundary}`, Buffer.from(multipart(boundary))]
        : kind === 5 ? ['multipart/form-data', Buffer.from(multipart(boundary))]
        : kind === 6 ? ['application/json', Buffer.from('{"email":"a@b.fr","x":[1,2')]
        : kind === 7 ? [r.pick(['text/plain', 'application/xml', 'image/png', '', ';;;', 'multipart/form-data; boundary=']), r.bytes(r.int(200))]
        : kind === 8 ? [null, r.bytes(r.int(100))]
        : ['application/x-www-form-urlencoded', Buffer.concat([Buffer.from('email='), r.bytes(r.int(60)), Buffer.from('&password=%ff%fe%C3')])]
      body = content
      if (r.chance(0.01)) body = Buffer.alloc(1_200_000, 'a') // over the 1 MB form limit
      if (type !== null) headers.push(`Content-Type: ${type}`)
      if (r.chance(0.1)) {
        headers.push('Transfer-Encoding: chunked')
        body = Buffer.concat([Buffer.from(`${body.length.toString(16)}\r\n`), body, Buffer.from('\r\n0\r\n\r\n')])
      } else headers.push(`Content-Length: ${body.length}`)
    }
    headers.push('Connection: close')
    const version = r.chance(0.03) ? 'HTTP/1.0' : 'HTTP/1.1'
    return Buffer.concat([Buffer.from(`${method} ${target()} ${version}\r\n${headers.join('\r\n')}\r\n\r\n`, 'latin1'), body])
  }

  const requests = Array.from({ length: FUZZ_REQUESTS }, build)
  const counts = new Map<string, number>()
  const failures: string[] = []
  const started = Date.now()
  let next = 0
  await Promise.all(Array.from({ length: 12 }, async () => {
    while (next < requests.length) {
      const bytes = requests[next++]!
      const { status, head } = await rawRequest(PORT, bytes)
      counts.set(String(status ?? 'fermée sans réponse'), (counts.get(String(status ?? 'fermée sans réponse')) ?? 0) + 1)
      const firstLine = bytes.subarray(0, 200).toString('latin1').split('\r\n')[0]
      if (status !== null && status >= 500) failures.push(`${status} ← ${firstLine}`)
      if (/\n\s+at .+:\d+:\d+\)?/.test(head) || head.includes(path.resolve('.'))) failures.push(`trace de pile ← ${firstLine}`)
    }
  }))
  const summary = [...counts.entries()].sort().map(([s, n]) => `${s}: ${n}`).join(', ')
  console.log(`Fuzz (graine ${FUZZ_SEED}) : ${FUZZ_REQUESTS} requêtes en ${((Date.now() - started) / 1000).toFixed(1)} s ; ${summary}`)
  if (failures.length > 0) console.log(app.output().split('\n').filter((l) => !l.startsWith('Requête refusée')).slice(-80).join('\n'))
  expect(failures.slice(0, 20)).toEqual([])
  expect(FUZZ_REQUESTS).toBeGreaterThanOrEqual(5000)
  // A worker that died mid-request would be replaced unseen by the status counts: its closed connections and the log tell.
  expect(counts.get('fermée sans réponse') ?? 0).toBeLessThanOrEqual(5)
  expect(app.output()).not.toContain('remplacement')
  // Still there, and serving pages.
  expect((await fetch(`${app.url}/healthz`)).status).toBe(200)
  expect((await fetch(`${app.url}/offres`)).status).toBe(200)
  expect(app.output()).not.toMatch(/\n\s+at .+:\d+:\d+/)
})

/** Offers written through the site by the demo recruiter: created, then published (both answers 302). */
async function offerWriter(cookie: string, companySlug: string, word: string) {
  const acknowledged: { id: number; at: number }[] = []
  let stop = false
  let n = 0
  const post = (url: string, form: Record<string, string>) =>
    fetch(`${app.url}${url}`, { method: 'POST', body: new URLSearchParams(form), headers: { Cookie: cookie }, redirect: 'manual' })
  const loop = async () => {
    while (!stop) {
      try {
        const created = await post(`/recruteur/entreprises/${companySlug}/offres/nouvelle`, {
          title: `Développeur·se ${word} ${n++}`, communeInsee: '62193', contractType: 'cdi', remotePolicy: 'hybrid', experienceLevel: 'junior',
          descriptionMd: `Une offre écrite pendant le test de résistance ${word}, pour vérifier que rien ne se perd.`,
        })
        const id = Number(/\/recruteur\/offres\/(\d+)(?:\?|$)/.exec(created.headers.get('Location') ?? '')?.[1])
        if (created.status !== 302 || !id) throw new Error(`création : ${created.status}`)
        const published = await post(`/recruteur/offres/${id}`, { intent: 'publish' })
        if (published.status !== 302) throw new Error(`publication : ${published.status}`)
        acknowledged.push({ id, at: Date.now() })
      } catch {
        // The server went away (kill -9, restart): an answer never received is no acknowledgement.
        if (stop) return
        await new Promise((r) => setTimeout(r, 20))
      }
    }
  }
  const loops = Array.from({ length: 6 }, loop)
  return {
    acknowledged,
    async stop() {
      stop = true
      await Promise.all(loops)
    },
  }
}

const demoCompany = () =>
  sqlite((db) => db.prepare(`SELECT c.slug FROM companies c JOIN company_members m ON m.company_id = c.id JOIN users u ON u.id = m.user_id
    WHERE u.email = 'recruteur@demo.passerelle.fr'`).pluck().get() as string)

test('a backup taken while offers are written holds every one acknowledged before it began; restore is refused while the server runs, then brings it back', async () => {
  test.setTimeout(300_000)
  const cookie = await signIn('recruteur@demo.passerelle.fr')
  const writer = await offerWriter(cookie, demoCompany(), 'sauvegardeq')
  const started = Date.now()
  while ((Date.now() - started < 1500 || writer.acknowledged.length < 10) && Date.now() - started < 60_000) await new Promise((r) => setTimeout(r, 100))
  const beganAt = Date.now()
  const before = writer.acknowledged.map((a) => a.id)
  const file = path.join(app.dir, 'sauvegardes', 'pendant-ecritures.sqlite')
  const env = { ...process.env, DATABASE_PATH: app.databasePath }
  const backup = await run('npm', ['run', '--silent', 'db:backup', '--', file], { env })
  expect(backup.stdout).toContain('Sauvegarde vérifiée (integrity_check : ok)')
  const finishedAt = Date.now()
  await new Promise((r) => setTimeout(r, 800))
  await writer.stop()
  const after = writer.acknowledged.filter((a) => a.at > finishedAt).map((a) => a.id)
  expect(before.length).toBeGreaterThan(5)
  expect(after.length).toBeGreaterThan(0)

  const refused = await run('npm', ['run', '--silent', 'db:restore', '--', file], { env }).then(() => null, (error: { code: number; stderr: string }) => error)
  expect(refused?.code).toBe(1)
  expect(refused?.stderr).toContain('Restauration refusée : le serveur')

  expect(await app.stop()).toBe(0)
  const restored = await run('npm', ['run', '--silent', 'db:restore', '--', file], { env })
  expect(restored.stdout).toContain('Base restaurée')
  await restart()
  const present = new Set(sqlite((db) => db.prepare("SELECT id FROM offers WHERE status = 'published'").pluck().all() as number[]))
  const missing = before.filter((id) => !present.has(id))
  const afterwards = after.filter((id) => present.has(id))
  console.log(`Sauvegarde pendant les écritures (${finishedAt - beganAt} ms) : ${before.length} offres acquittées avant, ${missing.length} manquante(s) ; ${after.length} écrites après, ${afterwards.length} présente(s) après restauration`)
  expect(missing).toEqual([])
  // The restore really replaced the database: what came after the backup is gone.
  expect(afterwards).toEqual([])
  expect(sqlite((db) => db.pragma('integrity_check', { simple: true }))).toBe('ok')
})

test('kill -9 of every process while offers are written, twice: every acknowledged write is there, the database is sound, the FTS index and the engine agree with the offers', async () => {
  test.setTimeout(300_000)
  const company = demoCompany()
  let acknowledgedTotal = 0
  for (const round of [1, 2]) {
    const word = `crashtest${'abcdefgh'[round]}${Date.now().toString(36).replace(/\d/g, 'x')}`
    const cookie = await signIn('recruteur@demo.passerelle.fr')
    const writer = await offerWriter(cookie, company, word)
    // At least 2.5 s of writes and 10 acknowledged ones, however loaded the machine, then the power cut.
    const started = Date.now()
    while ((Date.now() - started < 2500 || writer.acknowledged.length < 10) && Date.now() - started < 60_000) await new Promise((r) => setTimeout(r, 100))
    await app.kill9()
    await writer.stop()
    const acknowledged = writer.acknowledged.map((a) => a.id)
    acknowledgedTotal += acknowledged.length
    expect(acknowledged.length).toBeGreaterThan(5)

    await restart()
    const state = sqlite((db) => ({
      integrity: db.pragma('integrity_check', { simple: true }),
      published: new Set(db.prepare("SELECT id FROM offers WHERE status = 'published'").pluck().all() as number[]),
      fts: new Set(db.prepare('SELECT rowid FROM offers_fts').pluck().all() as number[]),
      withWord: db.prepare("SELECT count(*) FROM offers WHERE status = 'published' AND title LIKE ?").pluck().get(`%${word}%`) as number,
    }))
    expect(state.integrity).toBe('ok')
    expect(acknowledged.filter((id) => !state.published.has(id))).toEqual([])
    expect([...state.published].filter((id) => !state.fts.has(id))).toEqual([])
    expect([...state.fts].filter((id) => !state.published.has(id))).toEqual([])
    // The restarted engine (its memory rebuilt from the file) finds exactly the offers of the table.
    const page = await (await fetch(`${app.url}/offres?q=${word}`)).text()
    const shown = Number(/<h1 id="resultats"[^>]*>(\d[\d\u202f ]*) offres?/.exec(page)?.[1]?.replace(/\D/g, ''))
    expect(shown).toBe(state.withWord)
    console.log(`Arrêt brutal ${round} : ${acknowledged.length} écritures acquittées, toutes présentes ; ${state.withWord} offres publiées du tour (dont non acquittées : ${state.withWord - acknowledged.length}) ; FTS = table ; integrity_check ok`)
  }
  expect(acknowledgedTotal).toBeGreaterThan(10)
})

test('SIGHUP replaces every worker one by one without dropping a request; SIGTERM drains and exits 0', async () => {
  test.setTimeout(180_000)
  let stop = false
  const statuses = new Map<string, number>()
  const request = Buffer.from(`GET /offres HTTP/1.1\r\nHost: 127.0.0.1:${PORT}\r\nConnection: close\r\n\r\n`)
  const loops = Array.from({ length: 4 }, async () => {
    while (!stop) {
      const { status } = await rawRequest(PORT, request)
      statuses.set(String(status), (statuses.get(String(status)) ?? 0) + 1)
    }
  })
  await new Promise((r) => setTimeout(r, 500))
  const logBefore = app.output().length
  process.kill(app.child.pid!, 'SIGHUP')
  const deadline = Date.now() + 120_000
  while (!app.output().slice(logBefore).includes('Redémarrage progressif terminé.')) {
    expect(Date.now()).toBeLessThan(deadline)
    await new Promise((r) => setTimeout(r, 200))
  }
  await new Promise((r) => setTimeout(r, 500))
  stop = true
  await Promise.all(loops)
  console.log(`Redémarrage progressif sous charge : ${[...statuses.entries()].map(([s, n]) => `${s}: ${n}`).join(', ')}`)
  expect([...statuses.keys()]).toEqual(['200'])
  expect(app.output().slice(logBefore)).not.toContain('remplacement')
  expect(await app.stop()).toBe(0)
})
