/**
 * npm run bench:meili-shortlist — does the Meilisearch shortlist keep every
 * strong candidate? No Meilisearch can run here, and a filter-only query is
 * plain set logic, so this evaluates the adapter's own plan
 * (search/meilisearch/matching.ts: holders of every required skill, of each
 * lead skill, of any wanted skill; each query's hits in Meilisearch's
 * order without words, i.e. ascending id, up to its limit) over the documents the adapter
 * would send (documents.ts), on a generated board: 200 companies, 400 offers
 * (db/seed, seed 2026) and 2,000 generated graduates (db/seed/candidates.ts).
 *
 * For each offer with skills it compares, against the ideal top 10 (the
 * scorer over every consenting candidate):
 * - the embedded engine's matches (FTS5 shortlist, then the scorer);
 * - the Meilisearch plan's shortlist, and the top 10 the scorer makes of it;
 * - the previous plan (matchingStrategy 'last': per lead skill, ranked by the
 *   leading run of wanted skills held), simulated the same way.
 * Then the other way round: offers for each candidate, newest first per filter.
 * BENCH_CANDIDATES and BENCH_LIMIT override the sizes.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { openDatabase } from '#db/connection.ts'
import { migrateToLatest } from '#db/migrate.ts'
import { generateCandidates } from '#db/seed/candidates.ts'
import { createTestCandidate, seedDemo } from '#db/seed/index.ts'
import { Random } from '#db/seed/random.ts'
import { EmbeddedSearchEngine } from '#search/embedded/engine.ts'
import { MatchFacts } from '#search/embedded/match-facts.ts'
import { distanceKm } from '#search/geo.ts'
import { rankCandidates, rankOffers, shortlistSize, withRelatedSkills } from '#search/match-shortlist.ts'
import type { MatchOffer, Place } from '#search/matching/score.ts'
import { DISTANCE_ZERO_AT, HYBRID_RADIUS_FACTOR, MIN_RADIUS_KM } from '#search/matching/weights.ts'
import { offerDocuments, profileDocuments, type OfferDocument, type ProfileDocument } from '#search/meilisearch/documents.ts'
import { STRONG_SHORTLIST } from '#search/meilisearch/matching.ts'

const CANDIDATES = Number(process.env.BENCH_CANDIDATES ?? 2000)
const LIMIT = Number(process.env.BENCH_LIMIT ?? 10)
const NOW = new Date('2026-11-20T10:00:00Z')
const LEAD_SKILLS = 3
const MOBILITY_BANDS = [5, 10, 20, 30, 50, 80, 100, 150, 200]
// Hits kept by the queries for holders of every required skill and of each lead skill (BENCH_STRONG_LIMIT to try others).
const STRONG_LIMIT = Number(process.env.BENCH_STRONG_LIMIT ?? STRONG_SHORTLIST)

const dir = mkdtempSync(path.join(tmpdir(), 'passerelle-shortlist-'))
const { db, sqlite } = openDatabase(path.join(dir, 'bench.sqlite'))
try {
  await migrateToLatest(db)
  await seedDemo(db, { companies: 200, offers: 400, seed: 2026, now: NOW })
  const communes = await db.selectFrom('communes').select(['insee', 'name', 'population', 'territory_id'])
    .where('latitude', 'is not', null).orderBy('insee').execute()
  const generated = generateCandidates(new Random(2026), CANDIDATES, communes, { now: NOW, emailDomain: 'forum.example' })
  for (const c of generated) {
    const { id } = await createTestCandidate(db, { email: c.email, firstName: c.firstName, lastName: c.lastName, communeInsee: c.communeInsee,
      visibility: 'verified_recruiters', skills: c.skills })
    await db.updateTable('candidate_profiles').set({ mobility_km: c.mobilityKm, contract_types: JSON.stringify(c.contractTypes),
      graduation_year: c.graduationYear, degree_level: c.training.degree }).where('user_id', '=', id).execute()
  }

  const facts = new MatchFacts(sqlite)
  const embedded = new EmbeddedSearchEngine(sqlite)
  const profileIds = sqlite.prepare<[], number>("select user_id from candidate_profiles where visibility = 'verified_recruiters' order by user_id").pluck().all()
  const profiles = facts.profilesById(profileIds)
  const documents = profileDocuments(sqlite, profileIds)
  const offerIds = sqlite.prepare<[], number>("select id from offers where status = 'published' order by id").pluck().all()
  const offers = facts.offersById(offerIds)
  const size = shortlistSize(LIMIT)

  const totals = { offers: 0, ideal: 0, embeddedFound: 0, planFound: 0, planTop: 0, lastFound: 0, lastTop: 0, embeddedInPlan: 0, embeddedCount: 0 }
  const shortlistSizes: number[] = []
  let truncatedStrong = 0
  let biggestStrong = 0
  for (const offerId of offerIds) {
    const offer = offers.get(offerId)!
    if (offer.skills.length === 0) continue
    totals.offers++
    const near = documents.filter((d) => reaches(d, offer))
    const ideal = rankCandidates(offer, profileIds, profiles, { limit: LIMIT, now: NOW }).map((m) => m.userId)
    const embeddedTop = (await embedded.candidatesForOffer(offerId, { limit: LIMIT, now: NOW })).map((m) => m.userId)

    const plan = planShortlist(offer, near, size)
    shortlistSizes.push(plan.ids.length)
    biggestStrong = Math.max(biggestStrong, plan.strong)
    if (plan.strong > STRONG_LIMIT) truncatedStrong++
    const planTop = rankCandidates(offer, plan.ids, profiles, { limit: LIMIT, now: NOW }).map((m) => m.userId)
    const last = lastShortlist(offer, near, size)
    const lastTop = rankCandidates(offer, last, profiles, { limit: LIMIT, now: NOW }).map((m) => m.userId)

    const inPlan = new Set(plan.ids)
    const inLast = new Set(last)
    totals.ideal += ideal.length
    totals.embeddedFound += embeddedTop.filter((id) => ideal.includes(id)).length
    totals.planFound += ideal.filter((id) => inPlan.has(id)).length
    totals.planTop += planTop.filter((id) => ideal.includes(id)).length
    totals.lastFound += ideal.filter((id) => inLast.has(id)).length
    totals.lastTop += lastTop.filter((id) => ideal.includes(id)).length
    totals.embeddedInPlan += embeddedTop.filter((id) => inPlan.has(id)).length
    totals.embeddedCount += embeddedTop.length
  }
  const pct = (part: number, whole: number) => `${((100 * part) / (whole || 1)).toFixed(1)} %`
  shortlistSizes.sort((a, b) => a - b)
  console.log(`Generated board: ${offerIds.length} published offers (${totals.offers} with skills), ${profileIds.length} consenting candidates; top ${LIMIT}; ${STRONG_LIMIT} hits for holders of every required skill and of each lead, ${size} for any wanted skill.`)
  console.log(`Ideal top ${LIMIT} (scorer over every candidate) found by:`)
  console.log(`  embedded engine's matches:                 ${pct(totals.embeddedFound, totals.ideal)}`)
  console.log(`  Meilisearch filter plan, shortlist:        ${pct(totals.planFound, totals.ideal)}; its top ${LIMIT}: ${pct(totals.planTop, totals.ideal)}`)
  console.log(`  previous plan ('last'), shortlist:         ${pct(totals.lastFound, totals.ideal)}; its top ${LIMIT}: ${pct(totals.lastTop, totals.ideal)}`)
  console.log(`Embedded engine's top ${LIMIT} inside the Meilisearch filter plan's shortlist: ${pct(totals.embeddedInPlan, totals.embeddedCount)}`)
  console.log(`Shortlist sizes: median ${shortlistSizes[Math.floor(shortlistSizes.length / 2)]}, max ${shortlistSizes.at(-1)}; ` +
    `holders of every required skill within reach: at most ${biggestStrong}, over ${STRONG_LIMIT} for ${truncatedStrong} offer(s).`)

  // The other way round: offers for each candidate (matching.ts offersForCandidate), against the ideal top over every visible offer.
  const offerDocs = offerDocuments(sqlite, offerIds).filter((d) => (d.publishedAtMs ?? 0) <= NOW.getTime() && (d.expiresAtMs === undefined || d.expiresAtMs > NOW.getTime()))
  const visibleIds = offerDocs.map((d) => d.id)
  const newestFirst = [...offerDocs].sort((a, b) => (b.publishedAtMs ?? 0) - (a.publishedAtMs ?? 0) || b.id - a.id)
  const back = { ideal: 0, embedded: 0, plan: 0 }
  for (const userId of profileIds) {
    const profile = profiles.get(userId)!
    if (profile.skills.length === 0) continue
    const ideal = rankOffers(profile, visibleIds, offers, { limit: LIMIT, now: NOW }).map((m) => m.offerId)
    const embeddedTop = (await embedded.offersForCandidate(userId, { limit: LIMIT, now: NOW })).map((m) => m.offerId)
    const held = [...profile.skills].sort((a, b) => b.level - a.level || (a.slug < b.slug ? -1 : 1)).map((s) => s.slug)
    const wanted = withRelatedSkills(held)
    const near = newestFirst.filter((d) => offerReached(d, profile.place, profile.mobilityKm))
    const tiers = [...held.slice(0, LEAD_SKILLS).map((lead) => near.filter((d) => d.skills.includes(lead))), near.filter((d) => d.skills.some((slug) => wanted.includes(slug)))]
    const shortlist = [...new Set(tiers.flatMap((tier) => tier.slice(0, size).map((d) => d.id)))]
    const planTop = rankOffers(profile, shortlist, offers, { limit: LIMIT, now: NOW }).map((m) => m.offerId)
    back.ideal += ideal.length
    back.embedded += embeddedTop.filter((id) => ideal.includes(id)).length
    back.plan += planTop.filter((id) => ideal.includes(id)).length
  }
  console.log(`Offers for each candidate, ideal top ${LIMIT} (scorer over every visible offer) found by: embedded engine ${pct(back.embedded, back.ideal)}, ` +
    `Meilisearch filter plan ${pct(back.plan, back.ideal)}.`)
} finally {
  await db.destroy()
  rmSync(dir, { recursive: true, force: true })
}

/** The adapter's reach filter (matching.ts profilesReaching), evaluated: a circle per mobility band. */
function reaches(d: ProfileDocument, offer: MatchOffer): boolean {
  if (offer.remotePolicy === 'full_remote' || !offer.place || !d.located || !d._geo) return true
  const top = MOBILITY_BANDS.find((t) => d.mobilityKm <= t)
  if (top === undefined) return true
  const radius = Math.max(MIN_RADIUS_KM, top) * (offer.remotePolicy === 'hybrid' ? HYBRID_RADIUS_FACTOR : 1) * DISTANCE_ZERO_AT
  return distanceKm(offer.place.latitude, offer.place.longitude, d._geo.lat, d._geo.lng) <= radius
}

/** The adapter's filter for offers a candidate can reach (matching.ts offersReaching), evaluated. */
function offerReached(d: OfferDocument, place: Place | null, mobilityKm: number): boolean {
  if (!place || !d.located || !d._geo || d.remotePolicy === 'full_remote') return true
  const radius = Math.max(MIN_RADIUS_KM, mobilityKm) * DISTANCE_ZERO_AT * (d.remotePolicy === 'hybrid' ? HYBRID_RADIUS_FACTOR : 1)
  return distanceKm(place.latitude, place.longitude, d._geo.lat, d._geo.lng) <= radius
}

/** matching.ts shortlistPlan, evaluated: each filter's hits in ascending id (no words, ranking rule id:asc), as many as its limit. */
function planShortlist(offer: MatchOffer, near: ProfileDocument[], size: number): { ids: number[]; strong: number } {
  const required = offer.skills.filter((s) => s.required).map((s) => s.slug)
  const core = required.length ? required : offer.skills.map((s) => s.slug)
  const wanted = withRelatedSkills([...required, ...offer.skills.filter((s) => !s.required).map((s) => s.slug)])
  const strong = near.filter((d) => core.every((slug) => d.skills.includes(slug)))
  const tiers = [strong, ...(core.length > 1 ? core.slice(0, LEAD_SKILLS).map((lead) => near.filter((d) => d.skills.includes(lead))) : []),
    near.filter((d) => d.skills.some((slug) => wanted.includes(slug)))]
  const limits = tiers.map((_, k) => (k < tiers.length - 1 ? STRONG_LIMIT : size))
  return { ids: [...new Set(tiers.flatMap((tier, k) => tier.slice(0, limits[k]).map((d) => d.id)))], strong: strong.length }
}

/** The previous plan: per lead skill, holders ranked by the leading run of wanted skills they hold (matchingStrategy 'last'), then any holder. */
function lastShortlist(offer: MatchOffer, near: ProfileDocument[], size: number): number[] {
  const required = offer.skills.filter((s) => s.required).map((s) => s.slug)
  const wanted = withRelatedSkills([...required, ...offer.skills.filter((s) => !s.required).map((s) => s.slug)])
  const holders = near.filter((d) => d.skills.some((slug) => wanted.includes(slug)))
  const leads = (required.length ? required : wanted).slice(0, LEAD_SKILLS)
  const perLead = leads.map((lead) => {
    const words = [lead, ...wanted.filter((w) => w !== lead)].slice(0, 10)
    const run = (d: ProfileDocument) => {
      let n = 0
      while (n < words.length && d.skills.includes(words[n]!)) n++
      return n
    }
    return holders.filter((d) => d.skills.includes(lead)).sort((a, b) => run(b) - run(a) || a.id - b.id).slice(0, size).map((d) => d.id)
  })
  return [...new Set([...perLead.flat(), ...holders.slice(0, size).map((d) => d.id)])]
}
