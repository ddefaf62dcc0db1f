import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { expect, test } from '@playwright/test'
import Database from 'better-sqlite3'
import { tinyPdf } from './files.ts'
import { startServer, type ServerProcess } from './server-process.ts'

/**
 * The real nginx (Debian's, /usr/sbin/nginx) running deploy/nginx.conf itself,
 * TLS with a certificate made by openssl for this run, in front of a server
 * started as `npm start` starts it, with TRUST_PROXY naming the proxy's address.
 * nginx reaches the app from 127.0.0.2 (proxy_bind), the browser comes from
 * 127.0.0.1: the rate limits must see 127.0.0.1.
 */
const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx'
const HTTPS_PORT = Number(process.env.E2E_NGINX_PORT ?? 8443)
const HTTP_PORT = HTTPS_PORT + 1
const APP_PORT = Number(process.env.E2E_PROXIED_PORT ?? Number(process.env.E2E_PORT ?? 3123) + 1)
const ORIGIN = `https://localhost:${HTTPS_PORT}`

let app: ServerProcess
let nginx: ChildProcess
let nginxLog = ''

/** deploy/nginx.conf with only its addresses, ports and certificate paths swapped; each must be found. */
function siteConfig(dir: string): string {
  let config = readFileSync('deploy/nginx.conf', 'utf8')
  const swaps: [RegExp, string][] = [
    [/server 127\.0\.0\.1:3000;/, `server 127.0.0.1:${APP_PORT};`],
    [/ {4}listen 80;\n {4}listen \[::\]:80;/, `    listen 127.0.0.1:${HTTP_PORT};`],
    [/ {4}listen 443 ssl http2;\n {4}listen \[::\]:443 ssl http2;/, `    listen 127.0.0.1:${HTTPS_PORT} ssl http2;`],
    [/\/etc\/letsencrypt\/live\/passerelle\.example\/fullchain\.pem/, path.join(dir, 'cert.pem')],
    [/\/etc\/letsencrypt\/live\/passerelle\.example\/privkey\.pem/, path.join(dir, 'key.pem')],
    [/server_name passerelle\.example;/g, 'server_name localhost;'],
  ]
  for (const [pattern, replacement] of swaps) {
    expect(config, `deploy/nginx.conf should contain ${pattern}`).toMatch(pattern)
    config = config.replace(pattern, replacement)
  }
  // The plain-HTTP server sends to $host's port 443: here, the test's HTTPS port.
  return config.replace('return 301 https://$host$request_uri;', `return 301 https://$host:${HTTPS_PORT}$request_uri;`)
}

test.describe.configure({ mode: 'serial' })

test.beforeAll(async () => {
  test.setTimeout(180_000)
  app = await startServer({ port: APP_PORT, env: { TRUST_PROXY: '127.0.0.2', WEB_CONCURRENCY: '1', PUBLIC_URL: ORIGIN } })
  const dir = path.join(app.dir, 'nginx')
  mkdirSync(path.join(dir, 'tmp'), { recursive: true })
  // nginx's workers (nobody) write request bodies there.
  chmodSync(app.dir, 0o755)
  chmodSync(dir, 0o755)
  chmodSync(path.join(dir, 'tmp'), 0o777)
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost',
    '-addext', 'subjectAltName=DNS:localhost', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem'),
  ], { stdio: 'ignore' })
  writeFileSync(path.join(dir, 'passerelle.conf'), siteConfig(dir))
  writeFileSync(path.join(dir, 'nginx.conf'), [
    'daemon off;',
    'worker_processes 1;',
    `pid ${path.join(dir, 'nginx.pid')};`,
    'error_log stderr warn;',
    'events { worker_connections 256; }',
    'http {',
    '  access_log off;',
    `  client_body_temp_path ${path.join(dir, 'tmp', 'body')};`,
    `  proxy_temp_path ${path.join(dir, 'tmp', 'proxy')};`,
    // What a second machine would give: the proxy's own address, not the browser's.
    '  proxy_bind 127.0.0.2;',
    `  include ${path.join(dir, 'passerelle.conf')};`,
    '}',
  ].join('\n'))
  nginx = spawn(NGINX, ['-e', 'stderr', '-p', dir, '-c', path.join(dir, 'nginx.conf')], { stdio: ['ignore', 'pipe', 'pipe'] })
  nginx.stderr!.on('data', (chunk: Buffer) => (nginxLog += chunk.toString()))
  const deadline = Date.now() + 15_000
  for (;;) {
    const up = await fetch(`http://127.0.0.1:${HTTP_PORT}/`, { redirect: 'manual' }).then(() => true, () => false)
    if (up) break
    if (nginx.exitCode !== null || Date.now() > deadline) throw new Error(`nginx did not start:\n${nginxLog}`)
    await new Promise((r) => setTimeout(r, 100))
  }
})

test.afterAll(async () => {
  nginx?.kill('SIGQUIT')
  await app?.stop()
})

test.use({ ignoreHTTPSErrors: true, baseURL: ORIGIN })

const rateLimitKeys = () => {
  const sqlite = new Database(app.databasePath, { readonly: true })
  try {
    return (sqlite.prepare("SELECT DISTINCT key FROM rate_limit_events WHERE key LIKE 'login-fail-ip:%'").all() as { key: string }[]).map((r) => r.key)
  } finally {
    sqlite.close()
  }
}

test('the README shows deploy/nginx.conf and deploy/passerelle.service exactly as they are', () => {
  const readme = readFileSync('README.md', 'utf8')
  expect(readme).toContain('```nginx\n' + readFileSync('deploy/nginx.conf', 'utf8') + '```')
  expect(readme).toContain('```ini\n' + readFileSync('deploy/passerelle.service', 'utf8') + '```')
})

test('behind nginx with TLS: HTTP goes to HTTPS, HSTS, sign-in with a Secure cookie, forms and a CV upload work', async ({ page, context, request }) => {
  const plain = await request.get(`http://localhost:${HTTP_PORT}/connexion`, { maxRedirects: 0 })
  expect(plain.status()).toBe(301)
  expect(plain.headers()['location']).toBe(`${ORIGIN}/connexion`)

  const login = await page.goto('/connexion')
  expect(login?.headers()['strict-transport-security']).toBe('max-age=63072000')
  await page.getByLabel('Adresse e-mail').fill('candidate@demo.passerelle.fr')
  await page.getByLabel('Mot de passe').fill('passerelle-demo')
  await page.getByRole('button', { name: 'Se connecter' }).click()
  await expect(page.getByRole('link', { name: /Mon compte/ })).toBeVisible()
  const session = (await context.cookies()).find((c) => c.name === 'passerelle_session')!
  expect(session.secure).toBe(true)
  expect(session.httpOnly).toBe(true)

  // A multipart form with a file, through nginx's request buffering.
  await page.goto('/candidat/profil')
  const signedIn = await page.request.get('/candidat/profil')
  expect(signedIn.headers()['cache-control']).toBe('private, no-store')
  await page.getByLabel(/^(Mon CV|Remplacer mon CV) \(PDF, 5 Mo au plus\)$/).setInputFiles({ name: 'cv-nginx.pdf', mimeType: 'application/pdf', buffer: tinyPdf() })
  await page.getByRole('button', { name: 'Envoyer mon CV' }).click()
  await expect(page.getByText('Votre CV est enregistré.')).toBeVisible()
  await expect(page.getByRole('link', { name: 'cv-nginx.pdf' })).toBeVisible()

  // An urlencoded form: signing out.
  await page.getByRole('button', { name: 'Se déconnecter' }).first().click()
  await expect(page.getByRole('link', { name: 'Se connecter' })).toBeVisible()
  // A form from another site is still refused behind the proxy.
  const foreign = await page.request.post('/connexion', { form: { email: 'a@b.fr', password: 'x' }, headers: { Origin: 'https://evil.example' } })
  expect(foreign.status()).toBe(400)
})

test('behind nginx a client’s own X-Forwarded-Host never reaches a page (its links and JSON-LD name the board), even one kept for other visitors', async ({ request }) => {
  const listing = await request.get('/offres')
  const offerPath = /href="(\/offres\/[a-z0-9-]+)"/.exec(await listing.text())![1]!
  for (let i = 0; i < 3; i++) {
    const forged = await request.get(offerPath, { headers: { 'X-Forwarded-Host': 'evil.example', Cookie: '' } })
    expect(forged.status()).toBe(200)
    const html = await forged.text()
    expect(html).toContain(`"url":"${ORIGIN}${offerPath}"`)
    expect(html).not.toContain('evil.example')
  }
})

test('behind nginx the rate limits see the browser’s address, not the proxy’s, whatever X-Forwarded-For the client sends; 429 with Retry-After', async ({ page }) => {
  await page.goto('/connexion')
  await page.getByLabel('Adresse e-mail').fill('recruteur@demo.passerelle.fr')
  await page.getByLabel('Mot de passe').fill('pas le bon')
  await page.getByRole('button', { name: 'Se connecter' }).click()
  await expect(page.getByText('Adresse e-mail ou mot de passe incorrect.')).toBeVisible()
  // A forged header is replaced by nginx, not believed.
  for (let i = 0; i < 9; i++) {
    const failed = await page.request.post('/connexion', {
      form: { email: 'recruteur@demo.passerelle.fr', password: `faux ${i}` },
      headers: { Origin: ORIGIN, 'X-Forwarded-For': `203.0.113.${i}` },
    })
    expect(failed.status()).toBe(400)
  }
  expect(rateLimitKeys()).toEqual(['login-fail-ip:127.0.0.1'])
  const locked = await page.request.post('/connexion', { form: { email: 'recruteur@demo.passerelle.fr', password: 'passerelle-demo' }, headers: { Origin: ORIGIN } })
  expect(locked.status()).toBe(429)
  expect(Number(locked.headers()['retry-after'])).toBeGreaterThan(0)
  expect(await locked.text()).toContain('Trop de tentatives de connexion.')
})
