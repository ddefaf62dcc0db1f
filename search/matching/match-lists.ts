import type { ForumMatch } from './forum-matches.ts'

/**
 * A forum's kept matches, ranked both ways without comparing pairs: scores
 * are small integers, so three stable counting sorts (by candidate id, by
 * company id, then by score, best first) order them all in linear time, and
 * each company's and each candidate's list is filled in that order: best
 * score first, ties by the smaller id. Sorting each list with a comparator
 * cost more than scoring the whole forum.
 */
export class MatchLists {
  private readonly companyIds: number[] = []
  /** Per match: its company's position in companyIds, its candidate's index, offer and score. */
  private companyOf = new Int32Array(1024)
  private candidateOf = new Int32Array(1024)
  private offerOf = new Int32Array(1024)
  private scoreOf = new Int16Array(1024)
  private count = 0
  /** Candidate indexes in the order of their first match: the maps' keys keep that order. */
  private readonly firstMatched: number[] = []
  private readonly matched: Uint8Array

  constructor(private readonly candidateIds: readonly number[]) {
    this.matched = new Uint8Array(candidateIds.length)
  }

  /** Adds a company's matches: call once per company, with all of them. */
  addCompany(companyId: number, candidates: readonly number[], offerOf: Int32Array, scoreOf: Int16Array) {
    if (candidates.length === 0) return
    const company = this.companyIds.push(companyId) - 1
    if (this.count + candidates.length > this.scoreOf.length) this.grow(this.count + candidates.length)
    for (const index of candidates) {
      const k = this.count++
      this.companyOf[k] = company
      this.candidateOf[k] = index
      this.offerOf[k] = offerOf[index]!
      this.scoreOf[k] = scoreOf[index]!
      if (this.matched[index]) continue
      this.matched[index] = 1
      this.firstMatched.push(index)
    }
  }

  ranked(): { byCompany: Map<number, ForumMatch[]>; byCandidate: Map<number, ForumMatch[]> } {
    const { companyIds, candidateIds, companyOf, candidateOf, offerOf, scoreOf, count } = this
    // Each list allocated at its final length, then filled in rank order.
    const companyFilled = new Int32Array(companyIds.length)
    for (let k = 0; k < count; k++) companyFilled[companyOf[k]!]!++
    const byCompany = new Map<number, ForumMatch[]>()
    const companyLists = companyIds.map((id, c) => {
      const list = new Array<ForumMatch>(companyFilled[c]!)
      byCompany.set(id, list)
      return list
    })
    companyFilled.fill(0)
    // Two candidates with one id (never, from the database) share one list, as they always did.
    const owner = new Int32Array(candidateIds.length)
    const ownerOf = new Map<number, number>()
    for (const index of this.firstMatched) {
      const id = candidateIds[index]!
      if (!ownerOf.has(id)) ownerOf.set(id, index)
      owner[index] = ownerOf.get(id)!
    }
    const candidateFilled = new Int32Array(candidateIds.length)
    for (let k = 0; k < count; k++) candidateFilled[owner[candidateOf[k]!]!]!++
    const byCandidate = new Map<number, ForumMatch[]>()
    const candidateLists = new Array<ForumMatch[]>(candidateIds.length)
    for (const [id, index] of ownerOf) byCandidate.set(id, (candidateLists[index] = new Array<ForumMatch>(candidateFilled[index]!)))
    candidateFilled.fill(0)

    for (const k of rankOrder(companyIds, candidateIds, companyOf, candidateOf, scoreOf, count)) {
      const company = companyOf[k]!
      const index = candidateOf[k]!
      const match = { companyId: companyIds[company]!, candidateId: candidateIds[index]!, offerId: offerOf[k]!, score: scoreOf[k]! }
      companyLists[company]![companyFilled[company]!++] = match
      const listOwner = owner[index]!
      candidateLists[listOwner]![candidateFilled[listOwner]!++] = match
    }
    return { byCompany, byCandidate }
  }

  private grow(needed: number) {
    const size = Math.max(needed, this.scoreOf.length * 2)
    const grown = <T extends Int32Array | Int16Array>(from: T, to: T) => (to.set(from), to)
    this.companyOf = grown(this.companyOf, new Int32Array(size))
    this.candidateOf = grown(this.candidateOf, new Int32Array(size))
    this.offerOf = grown(this.offerOf, new Int32Array(size))
    this.scoreOf = grown(this.scoreOf, new Int16Array(size))
  }
}

/** The matches' positions by score (best first), then company id, then candidate id: three stable counting sorts. */
function rankOrder(
  companyIds: readonly number[], candidateIds: readonly number[], companyOf: Int32Array, candidateOf: Int32Array, scoreOf: Int16Array, count: number,
): Int32Array {
  const keys = new Int32Array(count)
  let order: Int32Array = new Int32Array(count)
  for (let k = 0; k < count; k++) order[k] = k
  const candidateRank = ranks(candidateIds)
  for (let k = 0; k < count; k++) keys[k] = candidateRank[candidateOf[k]!]!
  order = stableOrder(order, keys, candidateIds.length)
  const companyRank = ranks(companyIds)
  for (let k = 0; k < count; k++) keys[k] = companyRank[companyOf[k]!]!
  order = stableOrder(order, keys, companyIds.length)
  let best = 0
  for (let k = 0; k < count; k++) if (scoreOf[k]! > best) best = scoreOf[k]!
  for (let k = 0; k < count; k++) keys[k] = best - scoreOf[k]!
  return stableOrder(order, keys, best + 1)
}

/** Each id's position once the ids are sorted (equal ids keep their order). */
function ranks(ids: readonly number[]): Int32Array {
  const sorted = Array.from(ids.keys()).sort((a, b) => ids[a]! - ids[b]! || a - b)
  const rank = new Int32Array(ids.length)
  sorted.forEach((index, position) => (rank[index] = position))
  return rank
}

/** `order` stably re-sorted by keys[k] (0 ≤ key < buckets), by counting. */
function stableOrder(order: Int32Array, keys: Int32Array, buckets: number): Int32Array {
  const starts = new Int32Array(buckets + 1)
  for (let k = 0; k < keys.length; k++) starts[keys[k]! + 1]!++
  for (let b = 0; b < buckets; b++) starts[b + 1]! += starts[b]!
  const sorted = new Int32Array(order.length)
  for (let j = 0; j < order.length; j++) {
    const k = order[j]!
    sorted[starts[keys[k]!]!++] = k
  }
  return sorted
}
