/**
 * `npm run bench:alerts`: the alert job (db/alert-job.ts) on a board of
 * BENCH_OFFERS offers (100,000) with BENCH_ALERTS alerts (50,000), all due.
 * The board comes from the demo generator (db/seed, seed 2026, cached in
 * bench/tmp/ for the day); the alerts' searches are drawn with the same seed
 * from what people search (a job word, a skill, a contract, a territory,
 * remote work), daily and weekly, last sent a day or a week ago, and the
 * offers of the last week are the "new" ones. Mails go to a real SMTP server
 * (smtp-server, in this process) through the board's own mailer; BENCH_SMTP=0
 * counts them instead, to time the job alone.
 *
 * Baseline, same run: one engine search per alert without the job's two
 * savings (a distinct search asked once per run; only the offers of the
 * window asked for), on a sample, extrapolated.
 */
import { rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'
import { createMailer, type Mailer } from '#app/utils/mail.server.ts'
import { alertLabel, canonicalAlertSearch } from '#app/utils/alert-schemas.ts'
import { sendDueAlerts } from '#db/alert-job.ts'
import { openDatabase } from '#db/connection.ts'
import type { AlertTable } from '#db/schema.ts'
import type { Insertable } from 'kysely'
import { seedDemo } from '#db/seed/index.ts'
import { Random } from '#db/seed/random.ts'
import { cachedBoard } from './cached-board.ts'
import { EmbeddedSearchEngine } from '#search/embedded/engine.ts'
import { parseOfferQuery } from '#search/query-params.ts'

const SEED = 2026
const OFFERS = Number(process.env.BENCH_OFFERS ?? 100_000)
const ALERTS = Number(process.env.BENCH_ALERTS ?? 50_000)
const SMTP = process.env.BENCH_SMTP !== '0'
/** BENCH_POOL=0: one SMTP connection per mail, as before the pool (the baseline of the SMTP part). */
const POOL = process.env.BENCH_POOL !== '0'
const BASELINE_SAMPLE = Number(process.env.BENCH_BASELINE ?? 300)
const NOW = new Date(new Date().toISOString().slice(0, 10) + 'T06:00:00Z')
const DAY = 86_400_000

async function buildBoard(): Promise<string> {
  const family = `alerts-seed${SEED}-${OFFERS}-`
  const { file, builtMs } = await cachedBoard(`${family}${NOW.toISOString().slice(0, 10)}`, (old) => old.startsWith(family),
    async (db) => {
      await seedDemo(db, { companies: Math.max(48, Math.round(OFFERS / 50)), offers: OFFERS, seed: SEED, now: NOW })
    })
  if (builtMs !== null) console.log(`  board of ${OFFERS} offers built in ${(builtMs / 1000).toFixed(0)} s`)
  return file
}

const WORDS = ['développeur', 'developpeur web', 'data', 'devops', 'react', 'java', 'php', 'chef de projet', 'designer', 'python',
  'cybersécurité', 'alternance développeur', 'stage', 'technicien', 'marketing digital', 'javascript', 'administrateur système', 'product owner']
const CONTRACTS = ['cdi', 'cdd', 'alternance', 'stage', 'freelance']
const REMOTE = ['hybrid', 'full_remote', 'on_site']

async function main() {
  const file = await buildBoard()
  const work = file.replace(/\.sqlite$/, '.run.sqlite')
  for (const suffix of ['', '-wal', '-shm']) rmSync(work + suffix, { force: true })
  const { sqlite: source } = openDatabase(file)
  await source.backup(work)
  source.close()
  const { db, sqlite } = openDatabase(work)
  const territories = (await db.selectFrom('territories').select('slug').execute()).map((t) => t.slug)
  const skills = (await db.selectFrom('skills').select('slug').orderBy('slug').limit(60).execute()).map((s) => s.slug)

  // The alerts, deterministic for the seed.
  const rng = new Random(SEED)
  const rows: Insertable<AlertTable>[] = []
  for (let i = 0; i < ALERTS; i++) {
    const params = new URLSearchParams()
    if (rng.next() < 0.7) params.set('q', rng.pick(WORDS))
    if (rng.next() < 0.4) params.append('contrat', rng.pick(CONTRACTS))
    if (rng.next() < 0.3 && territories.length) params.append('territoire', rng.pick(territories))
    if (rng.next() < 0.2) params.append('teletravail', rng.pick(REMOTE))
    if (rng.next() < 0.1 && skills.length) params.append('competence', rng.pick(skills))
    const search = canonicalAlertSearch(params.toString())
    const weekly = rng.next() < 0.3
    const since = new Date(NOW.getTime() - (weekly ? 7 : 1) * DAY).toISOString()
    rows.push({
      user_id: null, email: `alerte-${i}@bench.passerelle.local`, search, label: alertLabel(search), frequency: weekly ? 'weekly' as const : 'daily' as const,
      status: 'active' as const, token: `bench${String(i).padStart(38, '0')}`, created_at: since, confirmed_at: since, since,
      started_at: new Date(NOW.getTime() - 30 * DAY).toISOString(), next_run_at: NOW.toISOString(),
    })
  }
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += 500) await trx.insertInto('alerts').values(rows.slice(i, i + 500)).execute()
  })
  const distinct = new Set(rows.map((r) => r.search)).size
  console.log(`Alertes : ${ALERTS} (${distinct} recherches distinctes), offres : ${OFFERS}`)

  const engine = new EmbeddedSearchEngine(sqlite)
  let started = performance.now()
  await engine.warmUp()
  console.log(`  moteur prêt en ${((performance.now() - started) / 1000).toFixed(1)} s`)

  // Baseline: one search per alert, the whole result list, no window, no sharing.
  const sample = rows.slice(0, BASELINE_SAMPLE)
  started = performance.now()
  for (const alert of sample) {
    const { query } = parseOfferQuery(new URLSearchParams(alert.search))
    for (let page = 1; page <= 20; page++) {
      const result = await engine.searchOffers({ ...query, sort: 'date', perPage: 50, page }, NOW)
      if (page >= result.pageCount) break
    }
  }
  const baselineMs = (performance.now() - started) / sample.length
  console.log(`  référence (une recherche complète par alerte, ${sample.length} alertes) : ${baselineMs.toFixed(1)} ms par alerte → ${((baselineMs * ALERTS) / 1000).toFixed(0)} s estimées pour ${ALERTS}`)

  let received = 0
  let smtp: SMTPServer | null = null
  let mailer: Mailer = { send: async () => void received++ }
  if (SMTP) {
    smtp = new SMTPServer({
      authOptional: true, disabledCommands: ['STARTTLS', 'AUTH'], logger: false, disableReverseLookup: true,
      onData(stream, _session, callback) {
        stream.on('data', () => {})
        stream.on('end', () => { received++; callback() })
      },
    })
    await new Promise<void>((resolve) => smtp!.listen(0, '127.0.0.1', resolve))
    mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`, from: 'Passerelle <bench@passerelle.local>', pool: POOL })
  }

  let peakRss = process.memoryUsage().rss
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100)
  started = performance.now()
  const summary = await sendDueAlerts({ db, search: engine, mailer, publicUrl: 'https://passerelle.exemple.fr', now: NOW })
  const seconds = (performance.now() - started) / 1000
  clearInterval(sampler)
  console.log(`  job : ${summary.due} alertes en ${seconds.toFixed(1)} s → ${(summary.due / seconds).toFixed(0)} alertes/s ; ` +
    `${summary.searches} recherches au moteur, ${summary.mailed} courriels (${summary.offers} offres), ${summary.empty} sans nouveauté, ` +
    `${summary.failed} échecs ; ${SMTP ? `${received} reçus par le serveur SMTP (${POOL ? 'transport en pool' : 'une connexion par courriel'})` : 'SMTP remplacé par un compteur (BENCH_SMTP=0)'}`)
  console.log(`  mémoire : RSS max ${(peakRss / 1e6).toFixed(0)} Mo`)

  // A second run at once: nothing is due, nothing is sent.
  started = performance.now()
  const again = await sendDueAlerts({ db, search: engine, mailer, publicUrl: 'https://passerelle.exemple.fr', now: NOW })
  console.log(`  second passage : ${again.due} alertes dues, ${again.mailed} courriels, ${((performance.now() - started) / 1000).toFixed(2)} s`)

  mailer.close?.()
  if (smtp) {
    // Baseline of the SMTP part, same run and same server: 300 mails one connection each, then through a pool.
    const smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`
    for (const pool of [false, true]) {
      const probe = createMailer({ smtpUrl, from: 'Passerelle <bench@passerelle.local>', pool })
      const begun = performance.now()
      for (let i = 0; i < 300; i++) await probe.send({ to: `essai-${i}@bench.passerelle.local`, subject: 'Essai', text: 'Bonjour' })
      probe.close?.()
      console.log(`  SMTP seul, 300 courriels ${pool ? 'en pool' : 'une connexion chacun'} : ${((performance.now() - begun) / 300).toFixed(1)} ms par courriel`)
    }
  }
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()))
  await db.destroy()
  for (const suffix of ['', '-wal', '-shm']) rmSync(work + suffix, { force: true })
}

await main()
