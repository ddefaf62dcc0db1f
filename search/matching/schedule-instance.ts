/**
 * The forum scheduling problem as the scheduler sees it: plain data, no
 * database. The forum pages build an instance from their tables and store the
 * result in `forum_interviews` (table numbers from 1, slot numbers from 0, as
 * that table's checks expect).
 */

/**
 * What one honoured wish is worth, in score points. An interview both sides
 * asked for earns it twice. 20 makes a wished pair with a middling score (60)
 * beat an unwished good one (95), which is what organisers ask for: people
 * came to meet the ones they chose.
 */
export const WISH_BONUS = 20

export type ScheduleCompany = { id: number; tables: number }
export type ScheduleCandidate = { id: number; maxInterviews: number }
export type CandidatePair = {
  companyId: number
  candidateId: number
  /** Match score 0–100; whole points (the stored score is an integer), fractions are rounded. */
  score: number
  companyWish: boolean
  candidateWish: boolean
  offerId?: number
}
export type PinnedInterview = { companyId: number; candidateId: number; table: number; slot: number }
export type PairKey = { companyId: number; candidateId: number }

export type ScheduleInstance = {
  slots: number
  companies: readonly ScheduleCompany[]
  candidates: readonly ScheduleCandidate[]
  pairs: readonly CandidatePair[]
  /** Kept exactly where they are. */
  pinned?: readonly PinnedInterview[]
  /** Never scheduled. */
  removed?: readonly PairKey[]
}

/** An instance the scheduler cannot honour (conflicting pins, unknown ids…); the message is for the organiser. */
export class ScheduleInputError extends Error {
  override name = 'ScheduleInputError'
}

/**
 * The instance with dense indices: companies 0..C-1, candidates 0..N-1, and
 * each company's tables as "virtual tables" 0..T-1 (table t of company c is
 * `tableOffset[c] + t - 1`). Removed pairs are gone; a pin on a pair the
 * matching did not propose becomes a pair worth 0.
 */
export type PreparedInstance = {
  slots: number
  companyIds: number[]
  candidateIds: number[]
  tableOffset: Int32Array
  tableCount: Int32Array
  totalTables: number
  tableCompany: Int32Array
  /** min(maxInterviews, slots): nobody has two interviews in one slot. */
  candidateCap: Int32Array
  pairCompany: Int32Array
  pairCandidate: Int32Array
  pairScore: Int32Array
  /** score + WISH_BONUS × wishes: what the objective sums. */
  pairValue: Int32Array
  pairWishes: Int32Array
  pairOffer: (number | undefined)[]
  pins: { pair: number; table: number; slot: number }[]
}

export function prepareInstance(instance: ScheduleInstance): PreparedInstance {
  const { slots } = instance
  if (!Number.isInteger(slots) || slots < 1) throw new ScheduleInputError('Le nombre de créneaux doit être un entier positif.')
  const companyIndex = indexById(instance.companies, 'entreprise')
  const candidateIndex = indexById(instance.candidates, 'candidat')
  const C = instance.companies.length
  const N = instance.candidates.length

  const tableOffset = new Int32Array(C)
  const tableCount = new Int32Array(C)
  let totalTables = 0
  instance.companies.forEach((company, c) => {
    if (!Number.isInteger(company.tables) || company.tables < 0) {
      throw new ScheduleInputError(`Nombre de tables invalide pour l’entreprise ${company.id}.`)
    }
    tableOffset[c] = totalTables
    tableCount[c] = company.tables
    totalTables += company.tables
  })
  const tableCompany = new Int32Array(totalTables)
  for (let c = 0; c < C; c++) tableCompany.fill(c, tableOffset[c]!, tableOffset[c]! + tableCount[c]!)
  const candidateCap = new Int32Array(N)
  instance.candidates.forEach((candidate, k) => {
    if (!Number.isInteger(candidate.maxInterviews) || candidate.maxInterviews < 0) {
      throw new ScheduleInputError(`Nombre maximal d’entretiens invalide pour le candidat ${candidate.id}.`)
    }
    candidateCap[k] = Math.min(candidate.maxInterviews, slots)
  })

  const key = (c: number, k: number) => c * N + k
  const resolve = (p: PairKey) => {
    const c = companyIndex.get(p.companyId)
    const k = candidateIndex.get(p.candidateId)
    if (c === undefined) throw new ScheduleInputError(`Entreprise ${p.companyId} inconnue du forum.`)
    if (k === undefined) throw new ScheduleInputError(`Candidat ${p.candidateId} inconnu du forum.`)
    return { c, k }
  }
  const removed = new Set((instance.removed ?? []).map((p) => { const { c, k } = resolve(p); return key(c, k) }))

  const kept: { c: number; k: number; pair: CandidatePair }[] = []
  const seen = new Map<number, number>()
  for (const pair of instance.pairs) {
    const { c, k } = resolve(pair)
    if (!(pair.score >= 0 && pair.score <= 100)) {
      throw new ScheduleInputError(`Score hors de 0–100 pour l’entreprise ${pair.companyId} et le candidat ${pair.candidateId}.`)
    }
    if (seen.has(key(c, k))) throw new ScheduleInputError(`Paire en double : entreprise ${pair.companyId}, candidat ${pair.candidateId}.`)
    seen.set(key(c, k), kept.length)
    if (!removed.has(key(c, k))) kept.push({ c, k, pair })
  }

  const pins: PreparedInstance['pins'] = []
  for (const pin of instance.pinned ?? []) {
    const { c, k } = resolve(pin)
    if (removed.has(key(c, k))) {
      throw new ScheduleInputError(`L’entretien entre l’entreprise ${pin.companyId} et le candidat ${pin.candidateId} est à la fois épinglé et retiré.`)
    }
    if (!Number.isInteger(pin.table) || pin.table < 1 || pin.table > tableCount[c]!) {
      throw new ScheduleInputError(`Table ${pin.table} inexistante pour l’entreprise ${pin.companyId}.`)
    }
    if (!Number.isInteger(pin.slot) || pin.slot < 0 || pin.slot >= slots) {
      throw new ScheduleInputError(`Créneau ${pin.slot} hors de la journée.`)
    }
    let index = seen.get(key(c, k))
    if (index === undefined) {
      index = kept.length
      seen.set(key(c, k), index)
      kept.push({ c, k, pair: { companyId: pin.companyId, candidateId: pin.candidateId, score: 0, companyWish: false, candidateWish: false } })
    }
    pins.push({ pair: index, table: tableOffset[c]! + pin.table - 1, slot: pin.slot })
  }

  const P = kept.length
  const prepared: PreparedInstance = {
    slots, companyIds: instance.companies.map((c) => c.id), candidateIds: instance.candidates.map((c) => c.id),
    tableOffset, tableCount, totalTables, tableCompany, candidateCap,
    pairCompany: new Int32Array(P), pairCandidate: new Int32Array(P), pairScore: new Int32Array(P),
    pairValue: new Int32Array(P), pairWishes: new Int32Array(P), pairOffer: new Array(P), pins,
  }
  kept.forEach(({ c, k, pair }, i) => {
    const wishes = (pair.companyWish ? 1 : 0) + (pair.candidateWish ? 1 : 0)
    const score = Math.round(pair.score)
    prepared.pairCompany[i] = c
    prepared.pairCandidate[i] = k
    prepared.pairScore[i] = score
    prepared.pairWishes[i] = wishes
    prepared.pairValue[i] = score + WISH_BONUS * wishes
    prepared.pairOffer[i] = pair.offerId
  })
  return prepared
}

function indexById(items: readonly { id: number }[], what: string): Map<number, number> {
  const index = new Map<number, number>()
  items.forEach((item, i) => {
    if (index.has(item.id)) throw new ScheduleInputError(`Identifiant de ${what} en double : ${item.id}.`)
    index.set(item.id, i)
  })
  return index
}
