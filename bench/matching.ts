/**
 * npm run bench:matching — does matching propose what a careful career
 * counsellor would? 25 graduate profiles (below, written by hand: BTS SIO,
 * BUT R&T, MIAGE, bootcamp, TSSR, data, apprenticeship and internship seekers,
 * people mobile anywhere or remote only, across France) × BENCH_OFFERS (320)
 * generated offers with ROME job titles (db/seed/occupation-offers.ts), places
 * across France and skills of their trade (about one in six listing none, its
 * description naming the tools instead). Every pair is graded by the rules
 * below — written down before the first run, and not changed after looking at
 * the output — then three rankings are measured against the grades, each
 * beside naive baselines in the same run:
 *   - offersForCandidate (the embedded engine, "Offres pour vous");
 *   - candidatesForOffer (the embedded engine), over offers with at least one suitable profile;
 *   - the forum match lists (computeForumMatchLists, each candidate's companies), offers grouped in 40 companies.
 *
 * GRADING RULES (a counsellor's, in this order):
 *   0 — unsuitable, when any holds:
 *     R1 contract: the profile lists wished contracts and the offer's is not one, or the profile excludes it;
 *     R2 place: the offer is not full remote, the profile is not "mobile partout en France", both places are known,
 *        and the distance exceeds the radius (at least 5 km), 1.5 × the radius for a hybrid offer;
 *     R3 remote: the profile accepts full remote only and the offer is not full remote;
 *     R4 experience: the offer asks two bands or more above the profile's experience (bands 0 / 1–2 / 3–5 / 6+
 *        completed years; years from dated entries, else since graduation);
 *     R5 availability: the profile is available more than 90 days after the offer's start (no start: the bench date);
 *     R6 trade: the offer's occupation is neither one the profile aims for nor a ROME mobility neighbour of one
 *        (either direction), and the profile holds fewer than half the offer's required skills (an offer with none
 *        required: none of the skills its generator wrote into it).
 *   2 — good: not 0, the offer's occupation is one the profile aims for, and the profile holds at least half of its
 *       required skills (any when it requires none).
 *   1 — acceptable: every other pair.
 * "Holds" means lists the skill itself, at any level (a related skill does not count here).
 *
 * METRICS, per query (a profile, or an offer), then averaged: P@k = suitable (grade ≥ 1) among the first k, divided
 * by min(k, number of suitable items) so a perfect list scores 1 even when fewer than k exist; nDCG@10 with gains
 * 2^grade − 1 against the ideal order of every graded item; unsuitable in top 10 = grade-0 items among the first 10
 * returned. Queries without any suitable item are left out (said). BASELINES: bm25 (FTS5) of the offer's skill names
 * queried with the profile's skill names, any of them; skill overlap (number of the offer's skills the profile
 * holds), ties by id. Neither applies any constraint: that is what "naive" means here.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { ContractType, ExperienceLevel, LanguageLevel, RemotePolicy, RemotePreference } from '#db/domain.ts'
import { EXPERIENCE_LEVELS, experienceLevelOfYears } from '#db/domain.ts'
import { openDatabase } from '#db/connection.ts'
import { migrateToLatest } from '#db/migrate.ts'
import rome from '#db/reference/data/rome-occupations.json' with { type: 'json' }
import { skills as TAXONOMY } from '#db/reference/skills.ts'
import { createTestCompany, seedReferenceData } from '#db/seed/index.ts'
import { generateRomeOffers } from '#db/seed/occupation-offers.ts'
import { Random } from '#db/seed/random.ts'
import { EmbeddedSearchEngine } from '#search/embedded/engine.ts'
import { MatchFacts } from '#search/embedded/match-facts.ts'
import { shortlistOffers } from '#search/embedded/offer-shortlist.ts'
import { OfferStore } from '#search/embedded/offer-store.ts'
import { rebuildOfferIndex } from '#search/embedded/offer-index.ts'
import { rebuildProfileIndex } from '#search/embedded/profile-index.ts'
import { distanceKm } from '#search/geo.ts'
import { shortlistSize } from '#search/match-shortlist.ts'
import { computeForumMatchLists } from '#search/matching/forum-matches.ts'

const NOW = new Date('2026-11-20T10:00:00Z')
const OFFERS = Number(process.env.BENCH_OFFERS ?? 320)
const K = 10

type Entry = { kind: 'internship' | 'apprenticeship' | 'job'; start: string; end: string | null }
type BenchProfile = {
  who: string
  occupations: string[]
  skills: [string, number][]
  commune: string
  mobilityKm: number
  anywhere?: boolean
  remote: RemotePreference
  contracts: ContractType[]
  excluded?: ContractType[]
  availableFrom: string
  graduationYear: number
  degree: 'bac2' | 'bac3' | 'bac5'
  experience?: Entry[]
  english?: LanguageLevel
}

const CALAIS = '62193', BOULOGNE = '62160', DUNKERQUE = '59183', LILLE = '59350', SAINT_OMER = '62765', ARRAS = '62041'
const AMIENS = '80021', PARIS = '75056', LYON = '69123', VALBONNE = '06152', MONTPELLIER = '34172', CLERMONT = '63113'
const NANTES = '44109', TOULOUSE = '31555', RENNES = '35238', BORDEAUX = '33063', NICE = '06088', GRENOBLE = '38185'
const STRASBOURG = '67482', LENS = '62498', VALENCIENNES = '59606', ROUBAIX = '59512', ROUEN = '76540'

const PROFILES: BenchProfile[] = [
  { who: 'BTS SIO SLAM, alternance', occupations: ['M1805', 'M1855'], skills: [['php', 3], ['symfony', 2], ['sql', 3], ['html-css', 3], ['javascript', 2], ['mysql', 2]], commune: CALAIS, mobilityKm: 40, remote: 'any', contracts: ['alternance'], availableFrom: '2026-11-20', graduationYear: 2026, degree: 'bac2', experience: [{ kind: 'internship', start: '2026-05', end: '2026-06' }], english: 'b1' },
  { who: 'BTS SIO SISR, CDI', occupations: ['M1801', 'I1401', 'M1810'], skills: [['reseaux', 3], ['linux', 2], ['windows-server', 3], ['support', 3], ['cybersecurite', 1]], commune: BOULOGNE, mobilityKm: 50, remote: 'any', contracts: ['cdi', 'cdd'], availableFrom: '2026-11-20', graduationYear: 2026, degree: 'bac2', english: 'a2' },
  { who: 'BUT R&T', occupations: ['M1816', 'M1854', 'M1801'], skills: [['reseaux', 4], ['linux', 3], ['cybersecurite', 2], ['docker', 2]], commune: CALAIS, mobilityKm: 80, remote: 'any', contracts: ['cdi'], availableFrom: '2026-12-01', graduationYear: 2026, degree: 'bac3', experience: [{ kind: 'apprenticeship', start: '2024-09', end: '2026-08' }], english: 'b2' },
  { who: 'MIAGE, consultant ERP / MOA', occupations: ['M1806', 'M1881'], skills: [['sql', 3], ['scrum', 3], ['java', 2], ['power-bi', 2]], commune: LILLE, mobilityKm: 30, remote: 'hybrid', contracts: ['cdi'], availableFrom: '2026-11-25', graduationYear: 2025, degree: 'bac5', experience: [{ kind: 'apprenticeship', start: '2023-09', end: '2025-08' }], english: 'b2' },
  { who: 'Bootcamp développeur web JS', occupations: ['M1855'], skills: [['javascript', 3], ['react', 3], ['nodejs', 2], ['html-css', 3], ['git', 2], ['mongodb', 1]], commune: DUNKERQUE, mobilityKm: 60, remote: 'any', contracts: ['cdi', 'cdd'], availableFrom: '2026-11-20', graduationYear: 2026, degree: 'bac2' },
  { who: 'TSSR AFPA', occupations: ['M1801', 'M1810', 'I1401'], skills: [['windows-server', 3], ['reseaux', 3], ['support', 3], ['linux', 2], ['azure', 1]], commune: SAINT_OMER, mobilityKm: 50, remote: 'on_site', contracts: ['cdi', 'cdd', 'interim'], availableFrom: '2026-11-20', graduationYear: 2026, degree: 'bac2' },
  { who: 'DBA orienté bases de données', occupations: ['M1894', 'M1868'], skills: [['sql', 4], ['postgresql', 3], ['mysql', 3], ['linux', 2]], commune: LILLE, mobilityKm: 40, remote: 'any', contracts: ['cdi'], availableFrom: '2026-12-15', graduationYear: 2024, degree: 'bac3', experience: [{ kind: 'job', start: '2024-09', end: null }] },
  { who: 'Stage de 6 mois, BUT informatique', occupations: ['M1805', 'M1861'], skills: [['java', 3], ['python', 2], ['sql', 2], ['git', 2]], commune: BOULOGNE, mobilityKm: 60, remote: 'any', contracts: ['stage'], availableFrom: '2027-01-05', graduationYear: 2027, degree: 'bac3' },
  { who: 'Alternance data, master', occupations: ['M1419', 'M1811', 'M1405'], skills: [['python', 3], ['sql', 3], ['power-bi', 2], ['machine-learning', 2]], commune: LILLE, mobilityKm: 30, remote: 'any', contracts: ['alternance'], availableFrom: '2026-11-20', graduationYear: 2027, degree: 'bac5', english: 'b2' },
  { who: 'Data scientist, mobile partout', occupations: ['M1405', 'M1811'], skills: [['python', 4], ['machine-learning', 3], ['sql', 3], ['docker', 1]], commune: AMIENS, mobilityKm: 30, anywhere: true, remote: 'any', contracts: ['cdi'], availableFrom: '2026-12-01', graduationYear: 2025, degree: 'bac5', experience: [{ kind: 'internship', start: '2025-03', end: '2025-08' }], english: 'c1' },
  { who: 'Développeur Java, télétravail complet uniquement', occupations: ['M1805', 'M1861'], skills: [['java', 4], ['spring', 3], ['sql', 3], ['git', 3], ['docker', 2]], commune: CLERMONT, mobilityKm: 20, remote: 'full_remote', contracts: ['cdi', 'freelance'], availableFrom: '2026-11-20', graduationYear: 2022, degree: 'bac5', experience: [{ kind: 'job', start: '2022-09', end: null }], english: 'b2' },
  { who: 'Technicien support helpdesk', occupations: ['I1404', 'I1401'], skills: [['support', 3], ['windows-server', 2], ['reseaux', 1]], commune: LENS, mobilityKm: 30, remote: 'on_site', contracts: ['cdi', 'cdd', 'interim'], availableFrom: '2026-11-20', graduationYear: 2026, degree: 'bac2' },
  { who: 'DevOps junior, Sophia', occupations: ['M1827', 'M1801'], skills: [['docker', 3], ['kubernetes', 2], ['ci-cd', 3], ['linux', 3], ['aws', 2]], commune: VALBONNE, mobilityKm: 40, remote: 'any', contracts: ['cdi'], availableFrom: '2026-11-20', graduationYear: 2024, degree: 'bac5', experience: [{ kind: 'apprenticeship', start: '2022-09', end: '2024-08' }, { kind: 'job', start: '2024-09', end: null }], english: 'b2' },
  { who: 'Développeur web PHP, Montpellier', occupations: ['M1855', 'M1805'], skills: [['php', 3], ['laravel', 3], ['javascript', 2], ['vuejs', 2], ['mysql', 2]], commune: MONTPELLIER, mobilityKm: 30, remote: 'any', contracts: ['cdi', 'cdd'], availableFrom: '2026-11-20', graduationYear: 2025, degree: 'bac3', experience: [{ kind: 'job', start: '2025-09', end: null }] },
  { who: 'UX/UI designer', occupations: ['E1206', 'E1205'], skills: [['figma', 4], ['ux-design', 3], ['html-css', 2]], commune: LILLE, mobilityKm: 25, remote: 'hybrid', contracts: ['cdi', 'freelance'], availableFrom: '2026-11-20', graduationYear: 2025, degree: 'bac3' },
  { who: 'Alternance admin systèmes, Arras', occupations: ['M1801', 'M1810'], skills: [['linux', 2], ['windows-server', 2], ['reseaux', 2], ['support', 2]], commune: ARRAS, mobilityKm: 40, remote: 'any', contracts: ['alternance'], availableFrom: '2026-11-20', graduationYear: 2027, degree: 'bac2' },
  { who: 'Cybersécurité, Rennes', occupations: ['M1819', 'M1844', 'M1883'], skills: [['cybersecurite', 3], ['reseaux', 3], ['linux', 3], ['python', 2]], commune: RENNES, mobilityKm: 40, remote: 'any', contracts: ['cdi'], availableFrom: '2026-11-20', graduationYear: 2025, degree: 'bac5', experience: [{ kind: 'apprenticeship', start: '2023-09', end: '2025-08' }], english: 'b2' },
  { who: 'Développeur mobile Flutter', occupations: ['M1861', 'M1855'], skills: [['flutter', 3], ['dart', 3], ['react-native', 2], ['javascript', 2], ['git', 2]], commune: DUNKERQUE, mobilityKm: 80, remote: 'hybrid', contracts: ['cdi', 'alternance'], availableFrom: '2026-11-20', graduationYear: 2026, degree: 'bac3' },
  { who: 'Analyste BI, Paris', occupations: ['M1419', 'M1824', 'M1851'], skills: [['sql', 3], ['power-bi', 4], ['python', 1]], commune: PARIS, mobilityKm: 20, remote: 'hybrid', contracts: ['cdi', 'cdd'], availableFrom: '2026-12-01', graduationYear: 2024, degree: 'bac5', experience: [{ kind: 'job', start: '2024-10', end: null }], english: 'b2' },
  { who: 'Stage data, Lyon', occupations: ['M1419', 'M1405'], skills: [['python', 2], ['sql', 2], ['power-bi', 1]], commune: LYON, mobilityKm: 30, remote: 'any', contracts: ['stage'], availableFrom: '2027-02-01', graduationYear: 2027, degree: 'bac5' },
  { who: 'Développeur .NET confirmé, Nantes', occupations: ['M1805', 'M1861'], skills: [['csharp', 4], ['dotnet', 4], ['sql', 3], ['azure', 2], ['git', 3]], commune: NANTES, mobilityKm: 30, remote: 'any', contracts: ['cdi'], availableFrom: '2026-11-20', graduationYear: 2019, degree: 'bac5', experience: [{ kind: 'job', start: '2019-09', end: null }], english: 'b2' },
  { who: 'Chef de projet junior, Toulouse', occupations: ['M1828', 'M1853', 'M1864'], skills: [['scrum', 3], ['sql', 1]], commune: TOULOUSE, mobilityKm: 30, remote: 'any', contracts: ['cdi'], availableFrom: '2026-11-20', graduationYear: 2025, degree: 'bac5', experience: [{ kind: 'apprenticeship', start: '2023-09', end: '2025-08' }], english: 'b2' },
  { who: 'Marketing digital, pas d’intérim', occupations: ['M1718', 'E1405'], skills: [['seo', 3], ['google-ads', 2], ['reseaux-sociaux', 3], ['wordpress', 2]], commune: BORDEAUX, mobilityKm: 30, remote: 'any', contracts: [], excluded: ['interim', 'stage'], availableFrom: '2026-11-20', graduationYear: 2026, degree: 'bac3' },
  { who: 'Licence pro web, Valenciennes', occupations: ['M1855'], skills: [['php', 2], ['wordpress', 3], ['html-css', 3], ['javascript', 2], ['seo', 1]], commune: VALENCIENNES, mobilityKm: 40, remote: 'any', contracts: ['cdi', 'cdd', 'alternance'], availableFrom: '2026-11-20', graduationYear: 2026, degree: 'bac3' },
  { who: 'Ingénieur cloud, Grenoble', occupations: ['M1860', 'M1879', 'M1827'], skills: [['aws', 3], ['azure', 3], ['docker', 3], ['kubernetes', 3], ['linux', 3]], commune: GRENOBLE, mobilityKm: 50, remote: 'any', contracts: ['cdi', 'freelance'], availableFrom: '2026-11-20', graduationYear: 2021, degree: 'bac5', experience: [{ kind: 'job', start: '2021-09', end: null }], english: 'c1' },
]

// The skills of each trade, as its offers ask for them (required first). Offers of other trades get the generic set.
const TRADE_SKILLS: Record<string, string[]> = {
  M1805: ['java', 'sql', 'git', 'python', 'csharp', 'dotnet', 'spring'], M1855: ['php', 'javascript', 'html-css', 'symfony', 'react', 'mysql', 'vuejs', 'laravel', 'wordpress'],
  M1861: ['java', 'kotlin', 'flutter', 'dart', 'react-native', 'csharp', 'git'], M1801: ['linux', 'windows-server', 'reseaux', 'docker', 'cybersecurite'],
  M1810: ['linux', 'windows-server', 'support', 'reseaux'], M1816: ['reseaux', 'cybersecurite', 'linux'], M1854: ['reseaux', 'windows-server', 'cybersecurite', 'linux'],
  M1811: ['python', 'sql', 'aws', 'docker', 'postgresql'], M1419: ['sql', 'power-bi', 'python'], M1405: ['python', 'machine-learning', 'sql'],
  M1827: ['docker', 'kubernetes', 'ci-cd', 'linux', 'aws', 'azure'], M1853: ['scrum', 'sql', 'java'], M1886: ['scrum', 'wordpress', 'seo'],
  M1864: ['scrum', 'ux-design'], M1815: ['java', 'python', 'ci-cd', 'git'], M1844: ['cybersecurite', 'reseaux', 'linux', 'python'],
  I1404: ['support', 'windows-server'], I1401: ['support', 'windows-server', 'reseaux'], E1206: ['figma', 'ux-design', 'html-css'],
  M1718: ['seo', 'google-ads', 'reseaux-sociaux'], M1860: ['aws', 'azure', 'kubernetes', 'docker'], M1824: ['sql', 'power-bi'],
}
const FRANCE = [CALAIS, BOULOGNE, DUNKERQUE, LILLE, LILLE, LILLE, SAINT_OMER, ARRAS, AMIENS, LENS, VALENCIENNES, ROUBAIX, PARIS, PARIS, PARIS, LYON, LYON,
  VALBONNE, NICE, MONTPELLIER, CLERMONT, NANTES, TOULOUSE, RENNES, BORDEAUX, GRENOBLE, STRASBOURG, ROUEN]
const nameOf = new Map(TAXONOMY.map((s) => [s.slug, s.name]))

const neighbours = new Map<string, Set<string>>()
for (const o of rome.occupations) for (const m of o.mobility) {
  ;(neighbours.get(o.code) ?? neighbours.set(o.code, new Set()).get(o.code)!).add(m)
  ;(neighbours.get(m) ?? neighbours.set(m, new Set()).get(m)!).add(o.code)
}

type BenchOffer = {
  id: number; occupation: string; commune: string; remote: RemotePolicy; contract: ContractType; level: ExperienceLevel
  startDate: string | null; required: string[]; nice: string[]; named: string[]; companyId: number
}

const dir = mkdtempSync(path.join(tmpdir(), 'passerelle-matching-'))
const { db, sqlite } = openDatabase(path.join(dir, 'matching.sqlite'))
try {
  await migrateToLatest(db)
  await seedReferenceData(db)
  const place = new Map(sqlite.prepare<[], { insee: string; latitude: number; longitude: number }>('select insee, latitude, longitude from communes').all().map((c) => [c.insee, c]))
  for (const insee of [...FRANCE, ...PROFILES.map((p) => p.commune)]) if (!place.has(insee)) throw new Error(`Commune ${insee} missing`)
  const skillId = new Map(sqlite.prepare<[], { slug: string; id: number }>('select slug, id from skills').all().map((s) => [s.slug, s.id]))

  // The offers: ROME titles, then what a recruiter of that trade writes.
  const rng = new Random(1616)
  const companies = await Promise.all(Array.from({ length: 40 }, (_, i) => createTestCompany(db, { name: `Entreprise ${i + 1}`, slug: `entreprise-${i + 1}` })))
  const generated = generateRomeOffers(rng, OFFERS, FRANCE, NOW)
  const offers: BenchOffer[] = []
  for (const [i, o] of generated.entries()) {
    const trade = TRADE_SKILLS[o.occupation] ?? ['git', 'scrum', 'sql']
    const entryOnly = o.contract_type === 'stage' || o.contract_type === 'alternance'
    const level = entryOnly ? 'entry' : rng.pickWeighted<ExperienceLevel>([['entry', 35], ['junior', 30], ['confirmed', 25], ['senior', 10]])
    const bare = rng.chance(1 / 6)
    const picked = rng.sample(trade, Math.min(trade.length, rng.int(2, 4)))
    const required = bare ? [] : picked.slice(0, Math.max(1, picked.length - 1))
    const nice = bare ? [] : picked.slice(required.length)
    const named = bare ? picked : []
    const start = rng.chance(0.4) ? new Date(NOW.getTime() + rng.int(0, 150) * 86_400_000).toISOString().slice(0, 10) : null
    const english = rng.chance(0.2) ? ' Anglais professionnel apprécié.' : ''
    const tools = named.length ? ` Environnement : ${named.map((s) => nameOf.get(s)).join(', ')}.` : ''
    const company = companies[i % companies.length]!
    const row = await db.insertInto('offers').values({
      ...o, company_id: company.id, slug: `offre-${i + 1}`, experience_level: level, start_date: start,
      description_md: `${o.description_md}${tools}${english}`,
    }).returning('id').executeTakeFirstOrThrow()
    const skillRows = [...required.map((s) => [s, 1] as const), ...nice.map((s) => [s, 0] as const)]
    if (skillRows.length) await db.insertInto('offer_skills').values(skillRows.map(([s, r]) => ({ offer_id: row.id, skill_id: skillId.get(s)!, required: r }))).execute()
    offers.push({ id: row.id, occupation: o.occupation, commune: o.commune_insee, remote: o.remote_policy, contract: o.contract_type, level, startDate: start, required, nice, named, companyId: company.id })
  }
  await rebuildOfferIndex(db)

  // The profiles, consenting, as the profile form writes them.
  const userIds: number[] = []
  for (const [i, p] of PROFILES.entries()) {
    const { id } = await db.insertInto('users').values({ email: `profil-${i + 1}@exemple.fr`, password_hash: 'x', display_name: p.who, role: 'candidate',
      created_at: NOW.toISOString(), last_active_at: NOW.toISOString() }).returning('id').executeTakeFirstOrThrow()
    await db.insertInto('candidate_profiles').values({
      user_id: id, first_name: 'Profil', last_name: String(i + 1), degree_level: p.degree, graduation_year: p.graduationYear, commune_insee: p.commune,
      mobility_km: p.mobilityKm, mobile_anywhere: p.anywhere ? 1 : 0, remote_preference: p.remote, contract_types: JSON.stringify(p.contracts),
      excluded_contract_types: JSON.stringify(p.excluded ?? []), available_from: p.availableFrom, visibility: 'verified_recruiters',
      consent_at: NOW.toISOString(), updated_at: NOW.toISOString(),
    }).execute()
    await db.insertInto('candidate_skills').values(p.skills.map(([s, level]) => ({ user_id: id, skill_id: skillId.get(s)!, level }))).execute()
    await db.insertInto('candidate_occupations').values(p.occupations.map((code) => ({ user_id: id, occupation_code: code }))).execute()
    await db.insertInto('candidate_languages').values([{ user_id: id, language: 'fr', level: 'native' }, ...(p.english ? [{ user_id: id, language: 'en', level: p.english }] : [])]).execute()
    if (p.experience?.length) await db.insertInto('candidate_experiences').values(p.experience.map((e) => ({ user_id: id, kind: e.kind, title: e.kind, start_month: e.start, end_month: e.end }))).execute()
    userIds.push(id)
  }
  await rebuildProfileIndex(db)

  // The grades, by the rules of the header.
  const yearsOf = (p: BenchProfile) => {
    if (!p.experience?.length) return Math.max(0, NOW.getUTCFullYear() - p.graduationYear)
    const months = new Set<string>()
    for (const e of p.experience) {
      for (let d = new Date(`${e.start}-01T00:00:00Z`); d <= NOW && (!e.end || d.toISOString().slice(0, 7) <= e.end); d.setUTCMonth(d.getUTCMonth() + 1)) months.add(d.toISOString().slice(0, 7))
    }
    return months.size / 12
  }
  const grade = (p: BenchProfile, o: BenchOffer): 0 | 1 | 2 => {
    if ((p.contracts.length && !p.contracts.includes(o.contract)) || p.excluded?.includes(o.contract)) return 0
    const a = place.get(p.commune)!, b = place.get(o.commune)!
    const radius = Math.max(5, p.mobilityKm) * (o.remote === 'hybrid' ? 1.5 : 1)
    if (o.remote !== 'full_remote' && !p.anywhere && distanceKm(a.latitude, a.longitude, b.latitude, b.longitude) > radius) return 0
    if (p.remote === 'full_remote' && o.remote !== 'full_remote') return 0
    if (EXPERIENCE_LEVELS.indexOf(o.level) - EXPERIENCE_LEVELS.indexOf(experienceLevelOfYears(yearsOf(p))) >= 2) return 0
    const start = o.startDate ? Date.parse(o.startDate) : NOW.getTime()
    if ((Date.parse(p.availableFrom) - start) / 86_400_000 > 90) return 0
    const held = new Set(p.skills.map(([s]) => s))
    const asked = o.required.length ? o.required : o.named
    const heldShare = asked.length ? asked.filter((s) => held.has(s)).length / asked.length : 0
    const aimed = p.occupations.includes(o.occupation)
    const near = aimed || p.occupations.some((t) => neighbours.get(t)?.has(o.occupation))
    if (!near && heldShare < 0.5) return 0
    return aimed && (o.required.length === 0 || heldShare >= 0.5) ? 2 : 1
  }
  const grades = PROFILES.map((p) => offers.map((o) => grade(p, o)))
  const offerIndex = new Map(offers.map((o, i) => [o.id, i]))

  // Metrics.
  type Scores = { p5: number[]; p10: number[]; ndcg: number[]; bad: number[] }
  const fresh = (): Scores => ({ p5: [], p10: [], ndcg: [], bad: [] })
  const measure = (into: Scores, ranked: number[], gradeOf: (item: number) => number, all: number[]) => {
    const suitable = all.filter((g) => g >= 1).length
    if (suitable === 0) return false
    const top = ranked.slice(0, K).map(gradeOf)
    const at = (k: number) => top.slice(0, k).filter((g) => g >= 1).length / Math.min(k, suitable)
    const dcg = (gs: number[]) => gs.reduce((sum, g, i) => sum + (2 ** g - 1) / Math.log2(i + 2), 0)
    const ideal = dcg([...all].sort((x, y) => y - x).slice(0, K))
    into.p5.push(at(5)); into.p10.push(at(10)); into.ndcg.push(ideal ? dcg(top) / ideal : 0); into.bad.push(top.filter((g) => g === 0).length)
    return true
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length)
  const rows: string[] = []
  const report = (side: string, method: string, s: Scores, queries: number) =>
    rows.push(`| ${side} | ${method} | ${mean(s.p5).toFixed(2)} | ${mean(s.p10).toFixed(2)} | ${mean(s.ndcg).toFixed(2)} | ${mean(s.bad).toFixed(2)} | ${queries} |`)

  // Baselines' text: the offer's and the profile's skill names in plain FTS5 tables.
  sqlite.exec(`create virtual table offer_skill_names using fts5(names, tokenize = 'unicode61 remove_diacritics 2')`)
  sqlite.exec(`create virtual table profile_skill_names using fts5(names, tokenize = 'unicode61 remove_diacritics 2')`)
  const insertOffer = sqlite.prepare('insert into offer_skill_names(rowid, names) values (?, ?)')
  for (const o of offers) insertOffer.run(o.id, [...o.required, ...o.nice].map((s) => nameOf.get(s)).join(' '))
  const insertProfile = sqlite.prepare('insert into profile_skill_names(rowid, names) values (?, ?)')
  PROFILES.forEach((p, i) => insertProfile.run(userIds[i], p.skills.map(([s]) => nameOf.get(s)).join(' ')))
  const phrase = (slugs: string[]) => slugs.map((s) => `"${nameOf.get(s)!.replace(/"/g, '')}"`).join(' OR ')
  const bm25 = (table: string, slugs: string[]) => slugs.length
    ? sqlite.prepare<[string], number>(`select rowid from ${table} where ${table} match ? order by bm25(${table}) limit ${K}`).pluck().all(phrase(slugs)) : []
  const overlap = <T>(items: T[], count: (item: T) => number, id: (item: T) => number) =>
    items.map((item) => ({ id: id(item), n: count(item) })).filter((x) => x.n > 0).sort((a, b) => b.n - a.n || a.id - b.id).map((x) => x.id)

  const engine = new EmbeddedSearchEngine(sqlite)
  await engine.warmUp()

  // 1. Offers for a candidate.
  const o4c = { engine: fresh(), bm25: fresh(), overlap: fresh() }
  const store = new OfferStore(sqlite)
  store.refresh()
  const facts = new MatchFacts(sqlite)
  let recallFound = 0, recallWanted = 0, queries = 0
  for (const [i, p] of PROFILES.entries()) {
    const gradeOf = (offerId: number) => grades[i]![offerIndex.get(offerId)!]!
    const found = (await engine.offersForCandidate(userIds[i]!, { limit: K, now: NOW })).map((m) => m.offerId)
    if (!measure(o4c.engine, found, gradeOf, grades[i]!)) continue
    queries++
    measure(o4c.bm25, bm25('offer_skill_names', p.skills.map(([s]) => s)), gradeOf, grades[i]!)
    const held = new Set(p.skills.map(([s]) => s))
    measure(o4c.overlap, overlap(offers, (o) => [...o.required, ...o.nice].filter((s) => held.has(s)).length, (o) => o.id), gradeOf, grades[i]!)
    // Shortlist recall: suitable offers the shortlist hands to the scorer, out of as many as it can hold.
    const shortlist = new Set(shortlistOffers(store, facts.profilesById([userIds[i]!]).get(userIds[i]!)!, shortlistSize(K), NOW))
    const suitable = offers.filter((_, k) => grades[i]![k]! >= 1)
    recallFound += suitable.filter((o) => shortlist.has(o.id)).length
    recallWanted += Math.min(suitable.length, shortlistSize(K))
  }
  report('offersForCandidate', 'engine', o4c.engine, queries)
  report('offersForCandidate', 'baseline: bm25 on skill names', o4c.bm25, queries)
  report('offersForCandidate', 'baseline: skill overlap', o4c.overlap, queries)

  // 2. Candidates for an offer (25 profiles: P@k is capped by how many are suitable).
  const c4o = { engine: fresh(), bm25: fresh(), overlap: fresh() }
  const userIndex = new Map(userIds.map((id, i) => [id, i]))
  queries = 0
  for (const [k, o] of offers.entries()) {
    const column = PROFILES.map((_, i) => grades[i]![k]!)
    const gradeOf = (userId: number) => column[userIndex.get(userId)!]!
    const found = (await engine.candidatesForOffer(o.id, { limit: K, now: NOW })).map((m) => m.userId)
    if (!measure(c4o.engine, found, gradeOf, column)) continue
    queries++
    measure(c4o.bm25, bm25('profile_skill_names', [...o.required, ...o.nice]), gradeOf, column)
    const asked = new Set([...o.required, ...o.nice])
    measure(c4o.overlap, overlap(PROFILES.map((p, i) => ({ p, id: userIds[i]! })), ({ p }) => p.skills.filter(([s]) => asked.has(s)).length, (x) => x.id), gradeOf, column)
  }
  report('candidatesForOffer', 'engine', c4o.engine, queries)
  report('candidatesForOffer', 'baseline: bm25 on skill names', c4o.bm25, queries)
  report('candidatesForOffer', 'baseline: skill overlap', c4o.overlap, queries)

  // 3. The forum's match lists: each candidate's companies, graded by the offer the list names
  //    (the ideal: each company's best grade for that candidate).
  const matchOffers = facts.offersById(offers.map((o) => o.id))
  const matchProfiles = facts.profilesById(userIds)
  const lists = computeForumMatchLists(
    offers.map((o) => ({ id: o.id, companyId: o.companyId, offer: matchOffers.get(o.id)! })),
    userIds.map((id) => ({ id, profile: matchProfiles.get(id)! })), { now: NOW })
  const forum = { engine: fresh(), overlap: fresh() }
  queries = 0
  for (const [i, p] of PROFILES.entries()) {
    const byCompany = new Map<number, number>()
    offers.forEach((o, k) => byCompany.set(o.companyId, Math.max(byCompany.get(o.companyId) ?? 0, grades[i]![k]!)))
    const listed = lists.byCandidate.get(userIds[i]!) ?? []
    const offerOf = new Map(listed.map((m) => [m.companyId, m.offerId]))
    if (!measure(forum.engine, listed.map((m) => m.companyId), (c) => grades[i]![offerIndex.get(offerOf.get(c)!)!]!, [...byCompany.values()])) continue
    queries++
    const held = new Set(p.skills.map(([s]) => s))
    const best = new Map<number, { offer: number; n: number }>()
    for (const [k, o] of offers.entries()) {
      const n = [...o.required, ...o.nice].filter((s) => held.has(s)).length
      if (n > (best.get(o.companyId)?.n ?? 0)) best.set(o.companyId, { offer: k, n })
    }
    const ranked = [...best.entries()].sort((a, b) => b[1].n - a[1].n || a[0] - b[0])
    measure(forum.overlap, ranked.map(([c]) => c), (c) => grades[i]![best.get(c)!.offer]!, [...byCompany.values()])
  }
  report('forum match lists (companies per candidate)', 'engine', forum.engine, queries)
  report('forum match lists (companies per candidate)', 'baseline: skill overlap (best offer per company)', forum.overlap, queries)

  const graded = grades.flat()
  console.log(`bench:matching — ${PROFILES.length} profiles × ${offers.length} offers (${offers.filter((o) => o.required.length === 0).length} without required skills), `
    + `grades: ${graded.filter((g) => g === 2).length} good, ${graded.filter((g) => g === 1).length} acceptable, ${graded.filter((g) => g === 0).length} unsuitable`)
  console.log('| ranking | method | P@5 | P@10 | nDCG@10 | unsuitable in top 10 | queries |')
  console.log('|---|---|---|---|---|---|---|')
  for (const row of rows) console.log(row)
  console.log(`"Offres pour vous" shortlist recall: ${((100 * recallFound) / Math.max(1, recallWanted)).toFixed(1)} % of suitable offers reach the scorer (shortlist of ${shortlistSize(K)}).`)
} finally {
  sqlite.close()
  rmSync(dir, { recursive: true, force: true })
}
