/**
 * npm run bench:forum — a generated job forum (seed 2026): 200 companies with
 * 2 tables each, 2,000 graduates, 16 slots, 4 interviews at most per
 * candidate. Times the match lists (every company × candidate pair scored and
 * ranked both ways), then the greedy baseline and the scheduler on the same
 * pairs, then a re-run after the organiser pins and removes interviews.
 * BENCH_COMPANIES, BENCH_CANDIDATES, BENCH_SLOTS, BENCH_PAIRS (per candidate) override the sizes.
 */
import { DEFAULT_REGION_SLUG, regionDefinition } from '#db/reference/regions.ts'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { openDatabase } from '#db/connection.ts'
import { migrateToLatest } from '#db/migrate.ts'
import { generateCandidates } from '#db/seed/candidates.ts'
import { generateCompanies, generateOffers, type SeedCommune } from '#db/seed/generate.ts'
import { Random } from '#db/seed/random.ts'
import { seedReferenceData } from '#db/seed/reference.ts'
import {
  type CandidatePair,
  greedySchedule,
  type Schedule,
  scheduleForum,
  type ScheduleInstance,
  WISH_BONUS,
} from '#search/matching/schedule.ts'
import { skills } from '#db/reference/skills.ts'
import { computeForumMatchLists, type ForumCandidate, type ForumMatch, type ForumOffer } from '#search/matching/forum-matches.ts'
import type { Place } from '#search/matching/score.ts'
import { mb, ms } from './stats.ts'

const COMPANIES = Number(process.env.BENCH_COMPANIES ?? 200)
const CANDIDATES = Number(process.env.BENCH_CANDIDATES ?? 2000)
const SLOTS = Number(process.env.BENCH_SLOTS ?? 16)
const PAIRS_PER_CANDIDATE = Number(process.env.BENCH_PAIRS ?? 20)
const TABLES = 2
const MAX_INTERVIEWS = 4
const NOW = new Date('2026-11-20T10:00:00Z')

const { communes, places } = await loadCommunes()
const rng = new Random(2026)
const companies = generateCompanies(rng, COMPANIES, communes, { now: NOW, cluster: null }).map((c, i) => ({ ...c, id: i + 1 }))
// Each company brings what it posts; one that posts nothing brings one offer drawn for it alone.
const offers = generateOffers(rng, COMPANIES * 2, companies, NOW, communes).map((o, i) => ({ ...o, id: i + 1 }))
for (const company of companies) {
  if (offers.some((o) => o.offer.company_id === company.id)) continue
  offers.push(...generateOffers(rng, 1, [company], NOW, communes).map((o) => ({ ...o, id: offers.length + 1 })))
}
const candidates = generateCandidates(rng, CANDIDATES, communes, { now: NOW, emailDomain: 'forum.example' }).map((c, i) => ({ ...c, id: i + 1 }))

// Both sides as the scorer sees them (search/matching/score.ts), places from the communes' coordinates.
const skillNames = new Map(skills.map((s) => [s.slug, s.name]))
const placeOf = (insee: string) => places.get(insee) ?? null
const forumOffers: ForumOffer[] = offers.map(({ id, offer, skills: offerSkills }) => ({
  id,
  companyId: offer.company_id,
  offer: {
    skills: offerSkills.map((s) => ({ slug: s.slug, name: skillNames.get(s.slug) ?? s.slug, required: s.required })),
    place: placeOf(offer.commune_insee),
    remotePolicy: offer.remote_policy,
    contractType: offer.contract_type,
    experienceLevel: offer.experience_level,
    startDate: offer.start_date ?? null,
    text: `${offer.title}\n${offer.description_md}`,
    occupation: offer.occupation ?? null,
  },
}))
const forumCandidates: ForumCandidate[] = candidates.map((c) => ({
  id: c.id,
  profile: {
    skills: c.skills.map((s) => ({ ...s, name: skillNames.get(s.slug) ?? s.slug })),
    place: placeOf(c.communeInsee),
    mobilityKm: c.mobilityKm,
    remotePreference: c.remotePreference,
    contractTypes: c.contractTypes,
    availableFrom: c.availableFrom,
    degreeLevel: c.training.degree,
    graduationYear: c.graduationYear,
    languages: c.languages.map(([code, level]) => ({ code, level })),
    anywhereInFrance: false,
    excludedContracts: [],
    occupations: c.occupations,
    experience: [],
  },
}))

// Match lists: the whole forum in one computation (shortlist by shared skills, then the real scorer).
type Match = ForumMatch
let start = performance.now()
const { byCompany: perCompany, byCandidate: perCandidate, scored } = computeForumMatchLists(forumOffers, forumCandidates, { now: NOW })
const matchListMs = performance.now() - start
const scoredPairs = [...perCompany.values()].reduce((n, l) => n + l.length, 0)

// The forum's pairs: each candidate's best companies; wishes on both sides, mostly among good matches.
const pairs = new Map<string, CandidatePair>()
const pairOf = (m: Match) => {
  const key = `${m.companyId}-${m.candidateId}`
  const pair = pairs.get(key) ?? { companyId: m.companyId, candidateId: m.candidateId, score: m.score, offerId: m.offerId, companyWish: false, candidateWish: false }
  pairs.set(key, pair)
  return pair
}
const wishRng = new Random(4)
for (const list of perCandidate.values()) {
  list.slice(0, PAIRS_PER_CANDIDATE).forEach((m, rank) => {
    const pair = pairOf(m)
    if (rank < 6 && wishRng.chance(0.4)) pair.candidateWish = true
  })
}
for (const list of perCompany.values()) {
  for (const m of list.slice(0, 40)) if (wishRng.chance(0.25)) pairOf(m).companyWish = true
}
const instance: ScheduleInstance = {
  slots: SLOTS,
  companies: companies.map((c) => ({ id: c.id, tables: TABLES })),
  candidates: candidates.map((c) => ({ id: c.id, maxInterviews: MAX_INTERVIEWS })),
  pairs: [...pairs.values()],
}

const greedy = greedySchedule(instance)
start = performance.now()
const schedule = scheduleForum(instance)
const scheduleMs = performance.now() - start

// The organiser pins one interview in ten and removes one in fifty, then re-runs.
const pinned = schedule.interviews.filter((_, i) => i % 10 === 0).map(({ companyId, candidateId, table, slot }) => ({ companyId, candidateId, table, slot }))
const removed = schedule.interviews.filter((_, i) => i % 50 === 7).map(({ companyId, candidateId }) => ({ companyId, candidateId }))
const rerunInstance = { ...instance, pinned, removed }
const rerunGreedy = greedySchedule(rerunInstance)
start = performance.now()
const rerun = scheduleForum(rerunInstance)
const rerunMs = performance.now() - start

const pct = (x: number) => `${(100 * x).toFixed(2)} %`
const line = (label: string, s: Schedule, elapsed: number) =>
  `  ${label.padEnd(26)} ${ms(elapsed).padStart(12)}  objectif ${String(s.stats.objective).padStart(7)}  ` +
  `qualité ${pct(s.stats.quality).padStart(8)}  vœux ${s.stats.wishesMet}/${s.stats.wishesTotal}  ` +
  `entretiens ${s.stats.interviews} (remplissage ${pct(s.stats.fillRate)})`

console.log(`Forum généré : ${companies.length} entreprises × ${TABLES} tables, ${candidates.length} candidats, ${SLOTS} créneaux, ` +
  `${MAX_INTERVIEWS} entretiens max par candidat, ${offers.length} offres`)
console.log('Score : search/matching/forum-scorer.ts (le score de search/matching/score.ts au bit près, vérifié par un test de propriété ; les raisons sont calculées pour les lignes affichées), sur la liste courte des paires partageant une compétence')
console.log(`Objectif : Σ score + ${WISH_BONUS} × vœux honorés ; qualité = objectif / borne supérieure (b-couplage de poids maximal)`)
console.log(`Listes de correspondances : ${ms(matchListMs)} pour ${(companies.length * candidates.length).toLocaleString('fr-FR')} paires ` +
  `entreprise × candidat (${scored.toLocaleString('fr-FR')} paires offre × candidat notées sur ${(offers.length * candidates.length).toLocaleString('fr-FR')}, ` +
  `${scoredPairs.toLocaleString('fr-FR')} correspondances), cible ≤ 1 s`)
console.log(`Paires soumises au planning : ${instance.pairs.length.toLocaleString('fr-FR')} ; borne supérieure ${schedule.stats.upperBound}`)
console.log('Planning (cible ≤ 10 s) :')
console.log(line('glouton (référence)', greedy, greedy.stats.ms))
console.log(line(`planificateur (${schedule.stats.method})`, schedule, scheduleMs))
console.log(`Relance avec ${pinned.length} entretiens épinglés et ${removed.length} retirés (borne ${rerun.stats.upperBound}) :`)
console.log(line('glouton (référence)', rerunGreedy, rerunGreedy.stats.ms))
console.log(line(`planificateur (${rerun.stats.method})`, rerun, rerunMs))
console.log(`Mémoire maximale (RSS) : ${mb(process.resourceUsage().maxRSS * 1024)}`)

/** The region's communes with coordinates, read from the reference data as the demo seed does. */
async function loadCommunes(): Promise<{ communes: SeedCommune[]; places: Map<string, Place> }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'passerelle-forum-bench-'))
  const { db, sqlite } = openDatabase(path.join(dir, 'reference.sqlite'))
  try {
    await migrateToLatest(db)
    await seedReferenceData(db)
    const rows = await db.selectFrom('communes').select(['insee', 'name', 'population', 'territory_id', 'latitude', 'longitude'])
      .where('insee', 'in', regionDefinition(DEFAULT_REGION_SLUG).demo.communes).orderBy('insee').execute()
    return {
      communes: rows.map(({ insee, name, population, territory_id }) => ({ insee, name, population, territory_id })),
      places: new Map(rows.map((r) => [r.insee, { latitude: r.latitude!, longitude: r.longitude! }])),
    }
  } finally {
    sqlite.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
