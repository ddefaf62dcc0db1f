import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import {
  type CandidatePair,
  greedySchedule,
  type PinnedInterview,
  type Schedule,
  scheduleForum,
  type ScheduleInstance,
  ScheduleInputError,
  WISH_BONUS,
} from './schedule.ts'

/**
 * Random forums, from tiny to medium: the schedule is always conflict-free,
 * within every capacity, keeps the pins, leaves removed pairs out, is never
 * worse than greedy and never above its own upper bound. On tiny instances a
 * brute force gives the true optimum: without pins we reach it exactly.
 */

type Sizes = { companies: number; tables: number; slots: number; candidates: number; maxInterviews: number; pairs: number }

function instanceArbitrary(sizes: Sizes, options: { pins: boolean }): fc.Arbitrary<ScheduleInstance> {
  return fc
    .record({
      slots: fc.integer({ min: 1, max: sizes.slots }),
      tables: fc.array(fc.integer({ min: 1, max: sizes.tables }), { minLength: 1, maxLength: sizes.companies }),
      maxInterviews: fc.array(fc.integer({ min: 1, max: sizes.maxInterviews }), { minLength: 1, maxLength: sizes.candidates }),
      pairs: fc.array(
        fc.record({ c: fc.nat(), k: fc.nat(), score: fc.integer({ min: 0, max: 100 }), companyWish: fc.boolean(), candidateWish: fc.boolean() }),
        { maxLength: sizes.pairs },
      ),
      pins: options.pins ? fc.array(fc.record({ pair: fc.nat(), table: fc.nat(), slot: fc.nat() }), { maxLength: 6 }) : fc.constant([]),
      removed: fc.array(fc.nat(), { maxLength: 4 }),
    })
    .map(({ slots, tables, maxInterviews, pairs, pins, removed }) => {
      const companies = tables.map((t, i) => ({ id: 100 + i, tables: t }))
      const candidates = maxInterviews.map((m, i) => ({ id: 500 + i, maxInterviews: m }))
      const seen = new Set<string>()
      const uniquePairs: CandidatePair[] = []
      for (const p of pairs) {
        const companyId = companies[p.c % companies.length]!.id
        const candidateId = candidates[p.k % candidates.length]!.id
        if (seen.has(`${companyId}-${candidateId}`)) continue
        seen.add(`${companyId}-${candidateId}`)
        uniquePairs.push({ companyId, candidateId, score: p.score, companyWish: p.companyWish, candidateWish: p.candidateWish, offerId: companyId * 10 })
      }
      // Pins are drawn, then kept only if they fit with the ones kept before: the organiser's pins never conflict.
      const pinned: PinnedInterview[] = []
      const count = new Map<number, number>()
      for (const pin of uniquePairs.length > 0 ? pins : []) {
        const pair = uniquePairs[pin.pair % uniquePairs.length]!
        const company = companies.find((c) => c.id === pair.companyId)!
        const table = 1 + (pin.table % company.tables)
        const slot = pin.slot % slots
        const max = Math.min(slots, candidates.find((c) => c.id === pair.candidateId)!.maxInterviews)
        const clash = pinned.some((p) =>
          (p.companyId === pair.companyId && p.candidateId === pair.candidateId) ||
          (p.companyId === pair.companyId && p.table === table && p.slot === slot) ||
          (p.candidateId === pair.candidateId && p.slot === slot))
        if (clash || (count.get(pair.candidateId) ?? 0) >= max) continue
        count.set(pair.candidateId, (count.get(pair.candidateId) ?? 0) + 1)
        pinned.push({ companyId: pair.companyId, candidateId: pair.candidateId, table, slot })
      }
      const removedPairs = uniquePairs.length === 0 ? [] : removed
        .map((r) => uniquePairs[r % uniquePairs.length]!)
        .filter((p) => !pinned.some((pin) => pin.companyId === p.companyId && pin.candidateId === p.candidateId))
        .map(({ companyId, candidateId }) => ({ companyId, candidateId }))
      return { slots, companies, candidates, pairs: uniquePairs, pinned, removed: removedPairs }
    })
}

/** Checks every hard constraint independently of the scheduler's own bookkeeping; returns the objective. */
function assertValid(instance: ScheduleInstance, schedule: Schedule): number {
  const tablesOf = new Map(instance.companies.map((c) => [c.id, c.tables]))
  const maxOf = new Map(instance.candidates.map((c) => [c.id, c.maxInterviews]))
  const pairOf = new Map(instance.pairs.map((p) => [`${p.companyId}-${p.candidateId}`, p]))
  const removed = new Set((instance.removed ?? []).map((p) => `${p.companyId}-${p.candidateId}`))
  const seats = new Set<string>()
  const candidateSlots = new Set<string>()
  const pairs = new Set<string>()
  const perCandidate = new Map<number, number>()
  let objective = 0
  let wishes = 0
  for (const i of schedule.interviews) {
    const key = `${i.companyId}-${i.candidateId}`
    expect(i.table).toBeGreaterThanOrEqual(1)
    expect(i.table).toBeLessThanOrEqual(tablesOf.get(i.companyId)!)
    expect(i.slot).toBeGreaterThanOrEqual(0)
    expect(i.slot).toBeLessThan(instance.slots)
    expect(seats.has(`${i.companyId}-${i.table}-${i.slot}`), `table booked twice: ${JSON.stringify(i)}`).toBe(false)
    expect(candidateSlots.has(`${i.candidateId}-${i.slot}`), `candidate booked twice: ${JSON.stringify(i)}`).toBe(false)
    expect(pairs.has(key), `pair met twice: ${key}`).toBe(false)
    expect(removed.has(key), `removed pair scheduled: ${key}`).toBe(false)
    seats.add(`${i.companyId}-${i.table}-${i.slot}`)
    candidateSlots.add(`${i.candidateId}-${i.slot}`)
    pairs.add(key)
    perCandidate.set(i.candidateId, (perCandidate.get(i.candidateId) ?? 0) + 1)
    const pair = pairOf.get(key)
    if (pair) {
      expect(i.score).toBe(pair.score)
      expect(i.offerId).toBe(pair.offerId)
      wishes += Number(pair.companyWish) + Number(pair.candidateWish)
    } else {
      // Only a pin may bring a pair the matching did not propose.
      expect(instance.pinned?.some((p) => p.companyId === i.companyId && p.candidateId === i.candidateId)).toBe(true)
    }
    objective += i.score
  }
  for (const [candidateId, count] of perCandidate) expect(count).toBeLessThanOrEqual(maxOf.get(candidateId)!)
  for (const pin of instance.pinned ?? []) {
    expect(schedule.interviews).toContainEqual(expect.objectContaining({ ...pin, pinned: true }))
  }
  objective += WISH_BONUS * wishes
  expect(schedule.stats.objective).toBe(objective)
  expect(schedule.stats.wishesMet).toBe(wishes)
  expect(schedule.stats.interviews).toBe(schedule.interviews.length)
  return objective
}

/** The true optimum by exhaustive search (with pruning): every pair skipped or put in every free seat. */
function bruteForceOptimum(instance: ScheduleInstance): number {
  const removed = new Set((instance.removed ?? []).map((p) => `${p.companyId}-${p.candidateId}`))
  const pinnedKeys = new Set((instance.pinned ?? []).map((p) => `${p.companyId}-${p.candidateId}`))
  const value = (p: CandidatePair) => p.score + WISH_BONUS * (Number(p.companyWish) + Number(p.candidateWish))
  const free = instance.pairs.filter((p) => !removed.has(`${p.companyId}-${p.candidateId}`) && !pinnedKeys.has(`${p.companyId}-${p.candidateId}`))
  const seats = new Set<string>()
  const busy = new Set<string>()
  const count = new Map<number, number>()
  let base = 0
  for (const pin of instance.pinned ?? []) {
    seats.add(`${pin.companyId}-${pin.table}-${pin.slot}`)
    busy.add(`${pin.candidateId}-${pin.slot}`)
    count.set(pin.candidateId, (count.get(pin.candidateId) ?? 0) + 1)
    const pair = instance.pairs.find((p) => p.companyId === pin.companyId && p.candidateId === pin.candidateId)
    base += pair ? value(pair) : 0
  }
  const suffix = free.map((_, i) => free.slice(i).reduce((s, p) => s + value(p), 0))
  let best = base
  const search = (i: number, total: number) => {
    if (total > best) best = total
    if (i === free.length || total + suffix[i]! <= best) return
    const pair = free[i]!
    const max = instance.candidates.find((c) => c.id === pair.candidateId)!.maxInterviews
    const tables = instance.companies.find((c) => c.id === pair.companyId)!.tables
    if ((count.get(pair.candidateId) ?? 0) < max) {
      for (let table = 1; table <= tables; table++) {
        for (let slot = 0; slot < instance.slots; slot++) {
          const seat = `${pair.companyId}-${table}-${slot}`
          const cell = `${pair.candidateId}-${slot}`
          if (seats.has(seat) || busy.has(cell)) continue
          seats.add(seat); busy.add(cell); count.set(pair.candidateId, (count.get(pair.candidateId) ?? 0) + 1)
          search(i + 1, total + value(pair))
          seats.delete(seat); busy.delete(cell); count.set(pair.candidateId, count.get(pair.candidateId)! - 1)
        }
      }
    }
    search(i + 1, total)
  }
  search(0, base)
  return best
}

const SMALL: Sizes = { companies: 5, tables: 3, slots: 6, candidates: 10, maxInterviews: 6, pairs: 40 }
const MEDIUM: Sizes = { companies: 25, tables: 3, slots: 12, candidates: 150, maxInterviews: 8, pairs: 1500 }
const TINY: Sizes = { companies: 2, tables: 2, slots: 3, candidates: 3, maxInterviews: 3, pairs: 6 }

describe('scheduleForum', () => {
  test.each([['small', SMALL, 300], ['medium', MEDIUM, 25]] as const)(
    'valid, pins kept, never worse than greedy, never above the bound (%s instances)',
    (_, sizes, numRuns) => {
      fc.assert(
        fc.property(instanceArbitrary(sizes, { pins: true }), (instance) => {
          const schedule = scheduleForum(instance)
          const greedy = greedySchedule(instance)
          const objective = assertValid(instance, schedule)
          const greedyObjective = assertValid(instance, greedy)
          expect(objective).toBeGreaterThanOrEqual(greedyObjective)
          expect(objective).toBeLessThanOrEqual(schedule.stats.upperBound)
          expect(greedy.stats.upperBound).toBe(schedule.stats.upperBound)
        }),
        { numRuns },
      )
    },
  )

  test('without pins the schedule reaches its upper bound, which is the true optimum', () => {
    fc.assert(
      fc.property(instanceArbitrary(TINY, { pins: false }), (instance) => {
        const schedule = scheduleForum(instance)
        assertValid(instance, schedule)
        const optimum = bruteForceOptimum(instance)
        expect(schedule.stats.objective).toBe(optimum)
        expect(schedule.stats.upperBound).toBe(optimum)
      }),
      { numRuns: 300 },
    )
  })

  test('with pins the optimum lies between the schedule and the bound', () => {
    fc.assert(
      fc.property(instanceArbitrary(TINY, { pins: true }), (instance) => {
        const schedule = scheduleForum(instance)
        assertValid(instance, schedule)
        const optimum = bruteForceOptimum(instance)
        expect(schedule.stats.objective).toBeLessThanOrEqual(optimum)
        expect(optimum).toBeLessThanOrEqual(schedule.stats.upperBound)
      }),
      { numRuns: 300 },
    )
  })

  test('a dense forum where everyone fits is scheduled whole: slots are recoloured when the first free one clashes', () => {
    // S random perfect matchings between n companies (one table) and n candidates: every degree is at most S,
    // so by König all pairs fit in S slots, though filling slots in order usually gets stuck.
    const dense = fc.record({ n: fc.integer({ min: 2, max: 12 }), slots: fc.integer({ min: 2, max: 6 }), seed: fc.array(fc.nat(), { minLength: 80, maxLength: 80 }) })
      .map(({ n, slots, seed }) => {
        let draw = 0
        const pairs: CandidatePair[] = []
        const seen = new Set<number>()
        for (let s = 0; s < slots; s++) {
          const perm = Array.from({ length: n }, (_, i) => i)
          for (let i = n - 1; i > 0; i--) {
            const j = seed[draw++ % seed.length]! % (i + 1)
            ;[perm[i], perm[j]] = [perm[j]!, perm[i]!]
          }
          perm.forEach((k, c) => {
            if (seen.has(c * n + k)) return
            seen.add(c * n + k)
            pairs.push({ companyId: c, candidateId: 100 + k, score: 1 + ((c * 7 + k * 13) % 100), companyWish: false, candidateWish: false })
          })
        }
        return {
          slots,
          companies: Array.from({ length: n }, (_, c) => ({ id: c, tables: 1 })),
          candidates: Array.from({ length: n }, (_, k) => ({ id: 100 + k, maxInterviews: slots })),
          pairs,
        } satisfies ScheduleInstance
      })
    let greedyShort = 0
    fc.assert(
      fc.property(dense, (instance) => {
        const schedule = scheduleForum(instance)
        assertValid(instance, schedule)
        expect(schedule.interviews).toHaveLength(instance.pairs.length)
        if (greedySchedule(instance).interviews.length < instance.pairs.length) greedyShort++
      }),
      { numRuns: 200 },
    )
    // The test is only worth something if the naive order really fails on some of these forums.
    expect(greedyShort).toBeGreaterThan(0)
  })

  test('at medium size without pins, every seat the b-matching wants is found (quality 1)', () => {
    fc.assert(
      fc.property(instanceArbitrary(MEDIUM, { pins: false }), (instance) => {
        const schedule = scheduleForum(instance)
        assertValid(instance, schedule)
        expect(schedule.stats.objective).toBe(schedule.stats.upperBound)
      }),
      { numRuns: 15 },
    )
  })
})

describe('instances the organiser must fix', () => {
  const base: ScheduleInstance = {
    slots: 2,
    companies: [{ id: 1, tables: 1 }],
    candidates: [{ id: 7, maxInterviews: 2 }, { id: 8, maxInterviews: 2 }],
    pairs: [
      { companyId: 1, candidateId: 7, score: 80, companyWish: false, candidateWish: false },
      { companyId: 1, candidateId: 8, score: 60, companyWish: false, candidateWish: false },
    ],
  }

  test.each([
    ['two pins on one seat', { pinned: [{ companyId: 1, candidateId: 7, table: 1, slot: 0 }, { companyId: 1, candidateId: 8, table: 1, slot: 0 }] },
      /même table et au même créneau/],
    ['a pin on a missing table', { pinned: [{ companyId: 1, candidateId: 7, table: 2, slot: 0 }] }, /Table 2 inexistante/],
    ['a pin outside the day', { pinned: [{ companyId: 1, candidateId: 7, table: 1, slot: 2 }] }, /Créneau 2 hors de la journée/],
    ['a pair both pinned and removed', { pinned: [{ companyId: 1, candidateId: 7, table: 1, slot: 0 }], removed: [{ companyId: 1, candidateId: 7 }] },
      /à la fois épinglé et retiré/],
    ['an unknown candidate', { removed: [{ companyId: 1, candidateId: 99 }] }, /Candidat 99 inconnu/],
  ] as const)('%s is refused with a French message', (_, change, message) => {
    expect(() => scheduleForum({ ...base, ...change })).toThrow(ScheduleInputError)
    expect(() => scheduleForum({ ...base, ...change })).toThrow(message)
  })

  test('a pin of a pair the matching did not propose is kept, worth nothing', () => {
    const schedule = scheduleForum({ ...base, candidates: [...base.candidates, { id: 9, maxInterviews: 1 }], pinned: [{ companyId: 1, candidateId: 9, table: 1, slot: 1 }] })
    expect(schedule.interviews).toContainEqual({ companyId: 1, candidateId: 9, table: 1, slot: 1, score: 0, pinned: true })
    expect(schedule.interviews).toHaveLength(2)
    expect(schedule.stats.objective).toBe(80)
  })
})
