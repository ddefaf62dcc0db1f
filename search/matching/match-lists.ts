import type { ForumMatch } from './forum-matches.ts'

/**
 * A forum's kept matches, ranked both ways without comparing pairs. Each
 * company's matches are stored by candidate id; taking the companies by id
 * then gives every match in (company id, candidate id) order, and one stable
 * counting sort on the score (a small integer) ranks them all: best score
 * first, ties by the smaller id, for each company's list as for each
 * candidate's. Sorting each list with a comparator cost as much as scoring
 * the whole forum.
 */
export class MatchLists {
  private readonly companyIds: number[] = []
  /** Where each company's matches start, in the columns below; the next company's start ends them. */
  private readonly blockStart: number[] = []
  /** Per match: its company's position in companyIds, its candidate's index, offer and score. */
  private companyOf = new Int32Array(1024)
  private candidateOf = new Int32Array(1024)
  private offerOf = new Int32Array(1024)
  private scoreOf = new Int16Array(1024)
  private count = 0
  /** Candidate indexes in the order of their first match: the maps' keys keep that order. */
  private readonly firstMatched: number[] = []
  private readonly matched: Uint8Array
  /** Candidate indexes by id, and each one's position there. */
  private readonly byId: Int32Array
  private readonly rank: Int32Array

  constructor(private readonly candidateIds: readonly number[]) {
    this.matched = new Uint8Array(candidateIds.length)
    this.byId = Int32Array.from(Array.from(candidateIds.keys()).sort((a, b) => candidateIds[a]! - candidateIds[b]! || a - b))
    this.rank = new Int32Array(candidateIds.length)
    this.byId.forEach((index, position) => (this.rank[index] = position))
  }

  /** Adds a company's matches (candidate indexes, in the order found): call once per company, with all of them. */
  addCompany(companyId: number, candidates: readonly number[], offerOf: Int32Array, scoreOf: Int16Array) {
    if (candidates.length === 0) return
    const company = this.companyIds.push(companyId) - 1
    this.blockStart.push(this.count)
    if (this.count + candidates.length > this.scoreOf.length) this.grow(this.count + candidates.length)
    const ranks = new Int32Array(candidates.length)
    for (let k = 0; k < candidates.length; k++) {
      const index = candidates[k]!
      ranks[k] = this.rank[index]!
      if (this.matched[index]) continue
      this.matched[index] = 1
      this.firstMatched.push(index)
    }
    ranks.sort()
    for (let j = 0; j < ranks.length; j++) {
      const index = this.byId[ranks[j]!]!
      const k = this.count++
      this.companyOf[k] = company
      this.candidateOf[k] = index
      this.offerOf[k] = offerOf[index]!
      this.scoreOf[k] = scoreOf[index]!
    }
  }

  ranked(): { byCompany: Map<number, ForumMatch[]>; byCandidate: Map<number, ForumMatch[]> } {
    const { companyIds, candidateIds, companyOf, candidateOf, offerOf, scoreOf, count } = this
    // Each list allocated at its final length, then filled in rank order.
    const byCompany = new Map<number, ForumMatch[]>()
    const companyLists = companyIds.map((id, c) => {
      const list = new Array<ForumMatch>(this.blockEnd(c) - this.blockStart[c]!)
      byCompany.set(id, list)
      return list
    })
    const companyFilled = new Int32Array(companyIds.length)
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

    const order = this.rankOrder()
    for (let j = 0; j < count; j++) {
      const k = order[j]!
      const company = companyOf[k]!
      const index = candidateOf[k]!
      const match = { companyId: companyIds[company]!, candidateId: candidateIds[index]!, offerId: offerOf[k]!, score: scoreOf[k]! }
      companyLists[company]![companyFilled[company]!++] = match
      const listOwner = owner[index]!
      candidateLists[listOwner]![candidateFilled[listOwner]!++] = match
    }
    return { byCompany, byCandidate }
  }

  /** The matches' positions by score (best first), then company id, then candidate id. */
  private rankOrder(): Int32Array {
    const { scoreOf, count } = this
    let best = 0
    for (let k = 0; k < count; k++) if (scoreOf[k]! > best) best = scoreOf[k]!
    const starts = new Int32Array(best + 2)
    for (let k = 0; k < count; k++) starts[best - scoreOf[k]! + 1]!++
    for (let b = 0; b <= best; b++) starts[b + 1]! += starts[b]!
    const order = new Int32Array(count)
    const companies = Array.from(this.companyIds.keys()).sort((a, b) => this.companyIds[a]! - this.companyIds[b]!)
    for (const c of companies) {
      for (let k = this.blockStart[c]!, end = this.blockEnd(c); k < end; k++) order[starts[best - scoreOf[k]!]!++] = k
    }
    return order
  }

  private blockEnd(company: number): number {
    return this.blockStart[company + 1] ?? this.count
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
