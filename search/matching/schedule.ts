import { maxWeightBMatching } from './b-matching.ts'
import { type PreparedInstance, prepareInstance, type ScheduleInstance, WISH_BONUS } from './schedule-instance.ts'
import { insertWithRecolouring } from './slot-assignment.ts'
import { Timetable } from './timetable.ts'

export * from './schedule-instance.ts'

/**
 * The forum's interview schedule: which pairs meet, at which table and slot.
 * Decision record: docs/decisions/003-forum-schedule.md.
 *
 * 1. Which pairs: a maximum-weight b-matching (company capacity tables × slots,
 *    candidate capacity min(maxInterviews, slots), pins forced in).
 * 2. Where: the chosen pairs are coloured with slots (see slot-assignment.ts);
 *    without pins all of them fit, so the schedule is optimal. Pins can block
 *    some recolourings: those pairs are dropped and the free cells are then
 *    filled with the next best pairs.
 * 3. The greedy baseline is computed too and the better schedule is returned,
 *    so the result is never worse than greedy.
 *
 * Upper bound: every feasible schedule's pairs form a b-matching that
 * contains the pins (a table seats one interview per slot, so a company has at
 * most tables × slots; a candidate has at most one per slot and at most
 * maxInterviews; a pair meets once). The b-matching optimum with the pins
 * forced drops only the "which slot" constraints, so it is a relaxation and
 * its value bounds every schedule's objective from above.
 */

export type Interview = {
  companyId: number
  candidateId: number
  /** From 1. */
  table: number
  /** From 0. */
  slot: number
  score: number
  offerId?: number
  pinned: boolean
}

export type ScheduleStats = {
  /** scoreSum + WISH_BONUS × wishesMet. */
  objective: number
  scoreSum: number
  wishesMet: number
  /** Wishes on pairs that may be scheduled (removed pairs excluded). */
  wishesTotal: number
  upperBound: number
  /** objective / upperBound (1 when both are 0). */
  quality: number
  interviews: number
  /** Interviews over the seats of the day (tables × slots). */
  fillRate: number
  ms: number
  method: 'b-matching' | 'greedy'
}

export type Schedule = { interviews: Interview[]; stats: ScheduleStats }

export function scheduleForum(instance: ScheduleInstance): Schedule {
  const start = performance.now()
  const prepared = prepareInstance(instance)
  const { timetable: matched, upperBound } = matchingSchedule(prepared)
  const greedy = greedyTimetable(prepared)
  const best = objectiveOf(matched) >= objectiveOf(greedy) ? matched : greedy
  return describe(best, upperBound, best === matched ? 'b-matching' : 'greedy', performance.now() - start)
}

/**
 * The baseline organisers would do by hand: pairs by decreasing value, each in
 * the first (table, slot) where the table and the candidate are both free.
 */
export function greedySchedule(instance: ScheduleInstance): Schedule {
  const start = performance.now()
  const prepared = prepareInstance(instance)
  const timetable = greedyTimetable(prepared)
  const ms = performance.now() - start
  // The bound costs a b-matching: reported so both schedules read alike, but left out of the baseline's time.
  const { upperBound } = bMatchingChoice(prepared)
  return describe(timetable, upperBound, 'greedy', ms)
}

function greedyTimetable(prepared: PreparedInstance): Timetable {
  const tt = new Timetable(prepared)
  tt.placePins()
  for (const pair of byDecreasingValue(prepared)) {
    if (prepared.pairValue[pair]! <= 0 || !tt.canTake(pair)) continue
    const candidate = prepared.pairCandidate[pair]!
    const first = prepared.tableOffset[prepared.pairCompany[pair]!]!
    for (let t = 0; t < prepared.tableCount[prepared.pairCompany[pair]!]!; t++) {
      const slot = tt.firstCommonFreeSlot(first + t, candidate)
      if (slot >= 0) {
        tt.place(pair, first + t, slot)
        break
      }
    }
  }
  return tt
}

function matchingSchedule(prepared: PreparedInstance): { timetable: Timetable; upperBound: number } {
  const { chosen, upperBound } = bMatchingChoice(prepared)
  const tt = new Timetable(prepared)
  tt.placePins()
  const order = byDecreasingValue(prepared)
  for (const pair of order) if (chosen[pair]) insertWithRecolouring(tt, pair)
  // Only pins can leave seats unused here; fill them with the best pairs left.
  if (prepared.pins.length > 0) {
    for (const pair of order) if (prepared.pairValue[pair]! > 0 && !tt.isPlaced(pair)) insertWithRecolouring(tt, pair)
  }
  return { timetable: tt, upperBound }
}

/** The b-matching with pins forced in: the pairs to schedule, and the bound. */
function bMatchingChoice(prepared: PreparedInstance): { chosen: Uint8Array; upperBound: number } {
  const { slots: S, pairValue, pairCompany, pairCandidate } = prepared
  const pinned = new Uint8Array(pairValue.length)
  const leftCap = Int32Array.from(prepared.tableCount, (tables) => tables * S)
  const rightCap = Int32Array.from(prepared.candidateCap)
  let pinnedValue = 0
  for (const { pair } of prepared.pins) {
    if (pinned[pair]) continue
    pinned[pair] = 1
    pinnedValue += pairValue[pair]!
    leftCap[pairCompany[pair]!]!--
    rightCap[pairCandidate[pair]!]!--
  }
  const edges: number[] = []
  for (let pair = 0; pair < pairValue.length; pair++) if (!pinned[pair] && pairValue[pair]! > 0) edges.push(pair)
  const { chosen: chosenEdges, weight } = maxWeightBMatching({
    leftCap: leftCap.map((c) => Math.max(0, c)),
    rightCap: rightCap.map((c) => Math.max(0, c)),
    edgeLeft: Int32Array.from(edges, (p) => pairCompany[p]!),
    edgeRight: Int32Array.from(edges, (p) => pairCandidate[p]!),
    edgeWeight: Int32Array.from(edges, (p) => pairValue[p]!),
  })
  const chosen = new Uint8Array(pairValue.length)
  edges.forEach((pair, i) => (chosen[pair] = chosenEdges[i]!))
  return { chosen, upperBound: pinnedValue + weight }
}

function byDecreasingValue(prepared: PreparedInstance): Int32Array {
  const { pairValue, pairCompany, pairCandidate } = prepared
  const order = Int32Array.from({ length: pairValue.length }, (_, i) => i)
  // Ties broken by ids, so one instance always gives one schedule.
  return order.sort((a, b) => pairValue[b]! - pairValue[a]! || pairCompany[a]! - pairCompany[b]! || pairCandidate[a]! - pairCandidate[b]!)
}

function objectiveOf(tt: Timetable): number {
  let total = 0
  for (let pair = 0; pair < tt.pairTable.length; pair++) if (tt.isPlaced(pair)) total += tt.instance.pairValue[pair]!
  return total
}

function describe(tt: Timetable, upperBound: number, method: ScheduleStats['method'], ms: number): Schedule {
  const p = tt.instance
  const interviews: Interview[] = []
  let scoreSum = 0
  let wishesMet = 0
  let wishesTotal = 0
  for (let pair = 0; pair < p.pairValue.length; pair++) {
    wishesTotal += p.pairWishes[pair]!
    if (!tt.isPlaced(pair)) continue
    const c = p.pairCompany[pair]!
    const table = tt.pairTable[pair]!
    scoreSum += p.pairScore[pair]!
    wishesMet += p.pairWishes[pair]!
    interviews.push({
      companyId: p.companyIds[c]!,
      candidateId: p.candidateIds[p.pairCandidate[pair]!]!,
      table: table - p.tableOffset[c]! + 1,
      slot: tt.pairSlot[pair]!,
      score: p.pairScore[pair]!,
      ...(p.pairOffer[pair] !== undefined ? { offerId: p.pairOffer[pair] } : {}),
      pinned: tt.pinned[pair] === 1,
    })
  }
  interviews.sort((a, b) => a.companyId - b.companyId || a.table - b.table || a.slot - b.slot)
  const objective = scoreSum + WISH_BONUS * wishesMet
  const seats = p.totalTables * p.slots
  return {
    interviews,
    stats: {
      objective, scoreSum, wishesMet, wishesTotal, upperBound,
      quality: upperBound === 0 ? 1 : objective / upperBound,
      interviews: interviews.length,
      fillRate: seats === 0 ? 0 : interviews.length / seats,
      ms, method,
    },
  }
}
