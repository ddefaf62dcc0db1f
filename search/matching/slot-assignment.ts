import type { Timetable } from './timetable.ts'

/**
 * Puts a chosen pair at one of its company's tables, moving other interviews
 * between two slots if needed. Slots are the colours of a bipartite edge
 * colouring (tables on one side, candidates on the other): when table u has
 * slot a free and candidate v has slot b free but neither slot is free on
 * both, the chain v -a- u1 -b- v2 -a- … alternates the two slots; swapping a
 * and b along it frees a at v without touching u (in a bipartite graph the
 * chain enters tables by a-edges, and u has no a-edge). This is König's
 * argument: any set of pairs where each table has at most S interviews and
 * each candidate at most S fits in S slots, so without pins every pair the
 * b-matching chose gets a place. Pinned interviews never move: a chain
 * through one is refused and the next (a, b) is tried.
 */
export function insertWithRecolouring(tt: Timetable, pair: number): boolean {
  if (!tt.canTake(pair)) return false
  const { instance } = tt
  const S = instance.slots
  const company = instance.pairCompany[pair]!
  const candidate = instance.pairCandidate[pair]!
  const tables = tt.tablesOf(company)

  for (const table of tables) {
    const slot = tt.firstCommonFreeSlot(table, candidate)
    if (slot >= 0) {
      tt.place(pair, table, slot)
      return true
    }
  }
  for (const table of tables) {
    if (tt.tableCount[table]! >= S) continue
    for (let a = 0; a < S; a++) {
      if (!tt.tableFree(table, a)) continue
      for (let b = 0; b < S; b++) {
        if (b === a || !tt.candidateFree(candidate, b)) continue
        if (swapChain(tt, candidate, a, b)) {
          tt.place(pair, table, a)
          return true
        }
      }
    }
  }
  return false
}

/** Swaps slots a and b along the chain starting at the candidate's a-interview; false (and nothing moved) if a pin is on it. */
function swapChain(tt: Timetable, candidate: number, a: number, b: number): boolean {
  const S = tt.instance.slots
  const chain: number[] = []
  let k = candidate
  for (;;) {
    const viaA = tt.atCandidate[k * S + a]!
    if (viaA < 0) break
    if (tt.pinned[viaA]) return false
    chain.push(viaA)
    const viaB = tt.atTable[tt.pairTable[viaA]! * S + b]!
    if (viaB < 0) break
    if (tt.pinned[viaB]) return false
    chain.push(viaB)
    k = tt.instance.pairCandidate[viaB]!
  }
  const moves = chain.map((pair) => ({ pair, table: tt.pairTable[pair]!, slot: tt.pairSlot[pair] === a ? b : a }))
  for (const { pair } of moves) tt.unplace(pair)
  for (const { pair, table, slot } of moves) tt.place(pair, table, slot)
  return true
}
