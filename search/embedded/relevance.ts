import { CONTRACT_TYPES, REMOTE_POLICIES } from '#db/domain.ts'
import { MAX_QUERY_WORDS } from '../text.ts'
import type { Dictionary, ListColumn } from './offer-store.ts'
import { hasTypos, type Alternative, type Group } from './text-query.ts'

/**
 * Relevance tiers, after Meilisearch's ranking rules: exact words before typo
 * corrections, then where the words matched. Lower is better; within a tier
 * the offer whose title holds more of the query's words comes first, then
 * the newest.
 */
export const TIER = { exactTitle: 0, exactStrong: 1, exactAnywhere: 2, typoTitle: 3, typoStrong: 4, rest: 5 } as const
export const TIER_COUNT = 6

type Words = {
  words: Dictionary
  wordCodes: ListColumn
  titleWords: Uint8Array
  contract: Uint8Array
  remote: Uint8Array
}

/**
 * Which stored words satisfy a query group: single words in a lookup table
 * (prefixes resolved against the sorted dictionary), phrases as code lists.
 * A skill spelled in several words is stored as one joined word
 * ("amazonwebservices", offer-store.ts), which only the whole phrase
 * matches: "web" alone is not the skill AWS.
 */
class GroupMatcher {
  private table: Uint8Array
  private phrases: number[][] = []
  private contracts: Uint8Array
  private remote: Uint8Array

  constructor(alternatives: Alternative[], group: Group, words: Dictionary, sorted: { words: string[]; codes: Int32Array }) {
    this.table = new Uint8Array(words.size)
    for (const alternative of alternatives) {
      if (alternative.tokens.length > 1) {
        const codes = alternative.tokens.map((t) => words.find(t) ?? -1)
        if (codes.every((c) => c >= 0)) this.phrases.push(codes)
        const joined = words.find(alternative.tokens.join(''))
        if (joined !== undefined) this.table[joined] = 1
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
    this.contracts = Uint8Array.from(CONTRACT_TYPES, (c) => (group.kinds?.contracts.includes(c) ? 1 : 0))
    this.remote = Uint8Array.from(REMOTE_POLICIES, (r) => (group.kinds?.remote.includes(r) ? 1 : 0))
  }

  /** Whether the offer's contract or remote policy is one the word names: a title-level match. */
  namesKind(store: Words, slot: number): boolean {
    return this.contracts[store.contract[slot]!] === 1 || this.remote[store.remote[slot]!] === 1
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
  readonly hasTypos: boolean

  constructor(private readonly store: Words, readonly groups: Group[]) {
    const sorted = sortedWords(store.words)
    this.exact = groups.map((g) => new GroupMatcher(g.exact, g, store.words, sorted))
    this.any = groups.map((g) => new GroupMatcher([...g.exact, ...g.typos], g, store.words, sorted))
    this.hasTypos = hasTypos(groups)
  }

  /** exactTitle or exactStrong from memory alone, else -1. */
  strongTier(slot: number): number {
    if (this.all(this.exact, slot, true)) return TIER.exactTitle
    if (this.all(this.exact, slot, false)) return TIER.exactStrong
    return -1
  }

  /** The tier of a result outside the strong tiers, given the exact-match set. */
  weakTier(slot: number, exactSomewhere: boolean): number {
    if (!this.hasTypos || exactSomewhere) return TIER.exactAnywhere
    if (this.all(this.any, slot, true)) return TIER.typoTitle
    if (this.all(this.any, slot, false)) return TIER.typoStrong
    return TIER.rest
  }

  /** How many of the query's words the title holds (a contract or remote word the offer is counts as one). */
  titleWords(slot: number, tier: number): number {
    const matchers = tier <= TIER.exactAnywhere ? this.exact : this.any
    const { data, start } = this.store.wordCodes
    const from = start[slot]!
    const to = from + this.store.titleWords[slot]!
    let words = 0
    for (let g = 0; g < matchers.length; g++) {
      if (matchers[g]!.namesKind(this.store, slot) || matchers[g]!.matches(data, from, to)) words += this.groups[g]!.words
    }
    return words
  }

  private all(matchers: GroupMatcher[], slot: number, titleOnly: boolean): boolean {
    const { data, start, count } = this.store.wordCodes
    const from = start[slot]!
    const to = from + (titleOnly ? this.store.titleWords[slot]! : count[slot]!)
    for (const matcher of matchers) if (!matcher.namesKind(this.store, slot) && !matcher.matches(data, from, to)) return false
    return true
  }
}

/**
 * Results by tier, and within a tier by how many query words the title
 * holds (a partial title match before a description-only one), newest first
 * as added.
 */
export class RankedBuckets {
  private static readonly KEYS = MAX_QUERY_WORDS + 1
  private buckets: number[][] = Array.from({ length: TIER_COUNT * RankedBuckets.KEYS }, () => [])
  private perTier = new Array<number>(TIER_COUNT).fill(0)

  constructor(private readonly tiers: TierClassifier) {}

  add(slot: number, tier: number) {
    // The title tier holds every word in the title: nothing to count.
    const words = tier === TIER.exactTitle ? MAX_QUERY_WORDS : Math.min(MAX_QUERY_WORDS, this.tiers.titleWords(slot, tier))
    this.buckets[tier * RankedBuckets.KEYS + (MAX_QUERY_WORDS - words)]!.push(slot)
    this.perTier[tier]!++
  }

  inTier(tier: number): number {
    return this.perTier[tier]!
  }

  first(wanted: number): number[] {
    const page: number[] = []
    for (const bucket of this.buckets) {
      for (const slot of bucket) {
        if (page.length === wanted) return page
        page.push(slot)
      }
    }
    return page
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
