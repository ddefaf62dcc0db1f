/**
 * A seeded pseudo-random generator (mulberry32). The demo, the tests and the
 * benchmarks all draw from it, so one seed always gives the same data.
 */
export class Random {
  #state: number

  constructor(seed: number) {
    this.#state = seed >>> 0
  }

  /** A float in [0, 1). */
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0
    let t = this.#state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  chance(probability: number): boolean {
    return this.next() < probability
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Random.pick: empty list')
    return items[Math.floor(this.next() * items.length)]!
  }

  /** Picks one value, each with a chance proportional to its weight. */
  pickWeighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0)
    if (!(total > 0)) throw new Error('Random.pickWeighted: no positive weight')
    let target = this.next() * total
    for (const [value, weight] of entries) {
      target -= weight
      if (target < 0) return value
    }
    return entries[entries.length - 1]![0]
  }

  /**
   * For many draws from one long list (2,000 companies posting 100,000 offers):
   * the weights are summed once and each draw is a binary search.
   */
  weightedPicker<T>(entries: readonly (readonly [T, number])[]): () => T {
    const cumulative: number[] = []
    let total = 0
    for (const [, weight] of entries) cumulative.push((total += weight))
    if (!(total > 0)) throw new Error('Random.weightedPicker: no positive weight')
    return () => {
      const target = this.next() * total
      let low = 0
      let high = cumulative.length - 1
      while (low < high) {
        const middle = (low + high) >>> 1
        if (cumulative[middle]! > target) high = middle
        else low = middle + 1
      }
      return entries[low]![0]
    }
  }

  /** `count` distinct items (fewer if the list is shorter), in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items]
    const size = Math.min(count, pool.length)
    for (let i = 0; i < size; i++) {
      const j = i + Math.floor(this.next() * (pool.length - i))
      ;[pool[i], pool[j]] = [pool[j]!, pool[i]!]
    }
    return pool.slice(0, size)
  }
}
