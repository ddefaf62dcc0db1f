import type { Dictionary, ListColumn } from './offer-store.ts'
import type { Alternative, TextPlan } from './text-query.ts'

/**
 * Relevance tiers, after Meilisearch's ranking rules: exact words before typo
 * corrections, then where the words matched. Lower is better; within a tier
 * the newest offer comes first.
 */
export const TIER = { exactTitle: 0, exactStrong: 1, exactAnywhere: 2, typoTitle: 3, typoStrong: 4, rest: 5 } as const
export const TIER_COUNT = 6

type Words = { words: Dictionary; wordCodes: ListColumn; titleWords: Uint8Array }

/**
 * Which stored words satisfy a query group: single words in a lookup table
 * (prefixes resolved against the sorted dictionary), phrases as code lists.
 */
class GroupMatcher {
  private table: Uint8Array
  private phrases: number[][] = []

  constructor(alternatives: Alternative[], words: Dictionary, sorted: { words: string[]; codes: Int32Array }) {
    this.table = new Uint8Array(words.size)
    for (const alternative of alternatives) {
      if (alternative.tokens.length > 1) {
        const codes = alternative.tokens.map((t) => words.find(t) ?? -1)
        if (codes.every((c) => c >= 0)) this.phrases.push(codes)
        continue
      }
      const token = alternative.tokens[0]!
      if (!alternative.prefix) {
        const code = words.find(token)
        if (code !== undefined) this.table[code] = 1
        continue
      }
      for (let k = lowerBound(sorted.words, token); k < sorted.words.length && sorted.words[k]!.startsWith(token); k++) {
        this.table[sorted.codes[k]!] = 1
      }
    }
  }

  /** Whether the words data[start..end) satisfy the group. */
  matches(data: Int32Array, start: number, end: number): boolean {
    for (let k = start; k < end; k++) if (this.table[data[k]!]) return true
    // Phrases count as their words present anywhere in the range: close enough for ranking.
    return this.phrases.some((codes) => codes.every((code) => data.subarray(start, end).includes(code)))
  }
}

/**
 * Tells the tier of a result from the title, company and skill words held in
 * memory. Whether an exact word sits in the description is known only to
 * FTS5: the caller asks for that set only when typos are involved and the
 * better tiers leave the page unfilled.
 */
export class TierClassifier {
  private exact: GroupMatcher[]
  private any: GroupMatcher[]

  constructor(private readonly store: Words, readonly plan: TextPlan) {
    const sorted = sortedWords(store.words)
    this.exact = plan.groups.map((g) => new GroupMatcher(g.exact, store.words, sorted))
    this.any = plan.groups.map((g) => new GroupMatcher([...g.exact, ...g.typos], store.words, sorted))
  }

  /** exactTitle or exactStrong from memory alone, else -1. */
  strongTier(slot: number): number {
    if (this.all(this.exact, slot, true)) return TIER.exactTitle
    if (this.all(this.exact, slot, false)) return TIER.exactStrong
    return -1
  }

  /** The tier of a result outside the strong tiers, given the exact-match set. */
  weakTier(slot: number, exactSomewhere: boolean): number {
    if (!this.plan.exactExpression || exactSomewhere) return TIER.exactAnywhere
    if (this.all(this.any, slot, true)) return TIER.typoTitle
    if (this.all(this.any, slot, false)) return TIER.typoStrong
    return TIER.rest
  }

  private all(matchers: GroupMatcher[], slot: number, titleOnly: boolean): boolean {
    const { data, start, count } = this.store.wordCodes
    const from = start[slot]!
    const to = from + (titleOnly ? this.store.titleWords[slot]! : count[slot]!)
    for (const matcher of matchers) if (!matcher.matches(data, from, to)) return false
    return true
  }
}

const sortedCache = new WeakMap<Dictionary, { size: number; words: string[]; codes: Int32Array }>()
function sortedWords(words: Dictionary) {
  let cached = sortedCache.get(words)
  if (!cached || cached.size !== words.size) {
    const order = words.values.map((w, code) => ({ w, code })).sort((a, b) => (a.w < b.w ? -1 : a.w > b.w ? 1 : 0))
    cached = { size: words.size, words: order.map((o) => o.w), codes: Int32Array.from(order, (o) => o.code) }
    sortedCache.set(words, cached)
  }
  return cached
}

function lowerBound(sorted: string[], value: string): number {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const mid = (low + high) >> 1
    if (sorted[mid]! < value) low = mid + 1
    else high = mid
  }
  return low
}
