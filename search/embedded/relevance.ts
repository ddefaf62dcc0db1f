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
 * Which stored words satisfy each query group, as bit masks over the
 * groups: single words in a lookup table from word code to the groups it
 * satisfies (prefixes resolved against the sorted dictionary), phrases as
 * code lists. A skill spelled in several words is stored as one joined word
 * ("amazonwebservices", offer-store.ts), which only the whole phrase
 * matches: "web" alone is not the skill AWS.
 */
class GroupMasks {
  /** Word code → bits of the groups the word satisfies. */
  readonly table: Uint16Array
  /** Per group, its phrases' word codes (phrases count as their words present anywhere in the range). */
  readonly phrases: number[][][]
  readonly hasPhrases: boolean

  constructor(alternativesOf: Alternative[][], words: Dictionary, sorted: { words: string[]; codes: Int32Array }) {
    this.table = new Uint16Array(words.size)
    this.phrases = alternativesOf.map(() => [])
    alternativesOf.forEach((alternatives, g) => {
      const bit = 1 << g
      for (const alternative of alternatives) {
        if (alternative.tokens.length > 1) {
          const codes = alternative.tokens.map((t) => words.find(t) ?? -1)
          if (codes.every((c) => c >= 0)) this.phrases[g]!.push(codes)
          const joined = words.find(alternative.tokens.join(''))
          if (joined !== undefined) this.table[joined]! |= bit
          continue
        }
        const token = alternative.tokens[0]!
        if (!alternative.prefix) {
          const code = words.find(token)
          if (code !== undefined) this.table[code]! |= bit
          continue
        }
        for (let k = lowerBound(sorted.words, token); k < sorted.words.length && sorted.words[k]!.startsWith(token); k++) {
          this.table[sorted.codes[k]!]! |= bit
        }
      }
    })
    this.hasPhrases = this.phrases.some((list) => list.length > 0)
  }

  /** Bits of the groups whose phrases the words data[start..end) hold, besides those in `bits`. */
  phraseBits(data: Int32Array, start: number, end: number, bits: number): number {
    for (let g = 0; g < this.phrases.length; g++) {
      if (bits & (1 << g)) continue
      if (this.phrases[g]!.some((codes) => codes.every((code) => data.subarray(start, end).includes(code)))) bits |= 1 << g
    }
    return bits
  }
}

/**
 * Tells the tier of a result from the title, company and skill words held in
 * memory. Whether an exact word sits in the description is known only to
 * FTS5: the caller asks for that set only when typos are involved and the
 * better tiers leave the page unfilled. One pass over an offer's words
 * gives, for every group at once, whether its exact words (or its words and
 * their typos) are in the title and anywhere in memory; the tiers follow.
 */
export class TierClassifier {
  private exact: GroupMasks
  private any: GroupMasks
  /** Word code → the groups it satisfies exactly (low 16 bits) and with typos (high 16 bits): one read per word. */
  private table: Uint32Array
  readonly hasTypos: boolean
  private readonly every: number
  /** Per contract and remote code, the groups naming it (a title-level match). */
  private kindByContract: Uint16Array
  private kindByRemote: Uint16Array
  private slot = -1
  private exactTitle = 0
  private exactAll = 0
  private anyTitle = 0
  private anyAll = 0

  constructor(private readonly store: Words, readonly groups: Group[]) {
    const sorted = sortedWords(store.words)
    this.exact = new GroupMasks(groups.map((g) => g.exact), store.words, sorted)
    this.any = new GroupMasks(groups.map((g) => [...g.exact, ...g.typos]), store.words, sorted)
    this.table = new Uint32Array(store.words.size)
    for (let code = 0; code < this.table.length; code++) this.table[code] = this.exact.table[code]! | (this.any.table[code]! << 16)
    this.hasTypos = hasTypos(groups)
    this.every = (1 << groups.length) - 1
    const kindBits = <T>(values: readonly T[], named: (g: Group) => readonly T[] | undefined) =>
      Uint16Array.from(values, (value) => groups.reduce((bits, g, i) => (named(g)?.includes(value) ? bits | (1 << i) : bits), 0))
    this.kindByContract = kindBits(CONTRACT_TYPES, (g) => g.kinds?.contracts)
    // One more code: an unstated remote policy (offer-store.ts, UNSTATED_REMOTE), which no word names.
    this.kindByRemote = kindBits([...REMOTE_POLICIES, null], (g) => g.kinds?.remote)
  }

  /** exactTitle or exactStrong from memory alone, else -1. */
  strongTier(slot: number): number {
    this.read(slot)
    if (this.exactTitle === this.every) return TIER.exactTitle
    if (this.exactAll === this.every) return TIER.exactStrong
    return -1
  }

  /** The tier of a result outside the strong tiers, given the exact-match set. */
  weakTier(slot: number, exactSomewhere: boolean): number {
    if (!this.hasTypos || exactSomewhere) return TIER.exactAnywhere
    this.read(slot)
    if (this.anyTitle === this.every) return TIER.typoTitle
    if (this.anyAll === this.every) return TIER.typoStrong
    return TIER.rest
  }

  /** How many of the query's words the title holds (a contract or remote word the offer is counts as one). */
  titleWords(slot: number, tier: number): number {
    this.read(slot)
    const bits = tier <= TIER.exactAnywhere ? this.exactTitle : this.anyTitle
    let words = 0
    for (let g = 0; g < this.groups.length; g++) if (bits & (1 << g)) words += this.groups[g]!.words
    return words
  }

  /** The groups the offer's title and its words in memory satisfy, exactly and with typos (kept for the last slot read). */
  private read(slot: number) {
    if (slot === this.slot) return
    this.slot = slot
    const { data, start, count } = this.store.wordCodes
    const from = start[slot]!
    const titleEnd = from + this.store.titleWords[slot]!
    const end = from + count[slot]!
    const kinds = this.kindByContract[this.store.contract[slot]!]! | this.kindByRemote[this.store.remote[slot]!]!
    const table = this.table
    let title = 0
    for (let k = from; k < titleEnd; k++) title |= table[data[k]!]!
    let all = title
    for (let k = titleEnd; k < end; k++) all |= table[data[k]!]!
    this.exactTitle = kinds | (title & 0xffff)
    this.exactAll = kinds | (all & 0xffff)
    this.anyTitle = kinds | (title >>> 16)
    this.anyAll = kinds | (all >>> 16)
    if (this.exact.hasPhrases) {
      this.exactTitle |= this.exact.phraseBits(data, from, titleEnd, this.exactTitle)
      this.exactAll |= this.exact.phraseBits(data, from, end, this.exactAll)
    }
    if (this.any.hasPhrases) {
      this.anyTitle |= this.any.phraseBits(data, from, titleEnd, this.anyTitle)
      this.anyAll |= this.any.phraseBits(data, from, end, this.anyAll)
    }
  }
}

/**
 * Results by tier, and within a tier by how many query words the title
 * holds (a partial title match before a description-only one), newest first
 * as added.
 */
export class RankedBuckets {
  private buckets: number[][] = Array.from({ length: BUCKETS }, () => [])
  private perTier = new Array<number>(TIER_COUNT).fill(0)

  constructor(private readonly tiers: TierClassifier) {}

  add(slot: number, tier: number) {
    this.buckets[bucketOf(this.tiers, slot, tier)]!.push(slot)
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

const KEYS = MAX_QUERY_WORDS + 1
const BUCKETS = TIER_COUNT * KEYS

/** A result's bucket: its tier, then how many query words its title holds (more first). */
function bucketOf(tiers: TierClassifier, slot: number, tier: number): number {
  // The title tier holds every word in the title: nothing to count.
  const words = tier === TIER.exactTitle ? MAX_QUERY_WORDS : Math.min(MAX_QUERY_WORDS, tiers.titleWords(slot, tier))
  return tier * KEYS + (MAX_QUERY_WORDS - words)
}

/** Results the walk newest first may visit before ranking switches to classifying every result (firstByRelevance). */
export const EARLY_STOP_VISITS = 1000

export type RelevanceInput = {
  /** Live slots, newest first (OfferStore.byDate). */
  walk: Int32Array
  /** 1 for the slots that are results. */
  isResult: Uint8Array
  tiers: TierClassifier
  wanted: number
  /** Whether no offer holds the query's words without a typo: typo tiers are then the best there is. */
  noExact: boolean
  /** The results holding every word exactly somewhere (FTS5 alone knows the description), asked only when needed. */
  exactSomewhere: () => Uint8Array
}

/**
 * The first `wanted` results by relevance bucket, newest first within a
 * bucket. Walking the results newest first stops as soon as the best tier
 * fills the page, which is quick when it fills early; when it has not after
 * `visits` results (a word most offers hold only in their description, a
 * typo: every result must be classified), the results are classified in
 * slot order instead, reading the store's memory in sequence rather than one
 * random offer after another (about ten times faster at 100,000 offers),
 * and the walk then only picks the page's buckets. Same answer both ways
 * (relevance.test.ts).
 */
export function firstByRelevance(input: RelevanceInput, visits = EARLY_STOP_VISITS): number[] {
  return byWalk(input, visits) ?? byClassifyingAll(input)
}

/** The page by walking newest first, or null once more than `visits` results were visited without filling it. */
function byWalk({ walk, isResult, tiers, wanted, noExact, exactSomewhere }: RelevanceInput, visits: number): number[] | null {
  const ranked = new RankedBuckets(tiers)
  let visited = 0
  if (noExact) {
    for (let k = 0; k < walk.length && ranked.inTier(TIER.typoTitle) < wanted; k++) {
      if (!isResult[walk[k]!]) continue
      if (++visited > visits) return null
      ranked.add(walk[k]!, tiers.weakTier(walk[k]!, false))
    }
    return ranked.first(wanted)
  }
  const unranked: number[] = []
  for (let k = 0; k < walk.length && ranked.inTier(TIER.exactTitle) < wanted; k++) {
    const slot = walk[k]!
    if (!isResult[slot]) continue
    if (++visited > visits) return null
    const tier = tiers.strongTier(slot)
    if (tier >= 0) ranked.add(slot, tier)
    else unranked.push(slot)
  }
  if (ranked.inTier(TIER.exactTitle) + ranked.inTier(TIER.exactStrong) < wanted && unranked.length > 0) {
    const exact = exactSomewhere()
    for (const slot of unranked) ranked.add(slot, tiers.weakTier(slot, exact[slot] === 1))
  }
  return ranked.first(wanted)
}

const UNRANKED = 255

/** Every result's bucket in slot order, then the walk newest first for the buckets the page needs. */
function byClassifyingAll({ walk, isResult, tiers, wanted, noExact, exactSomewhere }: RelevanceInput): number[] {
  const length = isResult.length
  // Bucket + 1 per slot; 0: no result; UNRANKED: in no strong tier, classified only if the strong tiers leave room.
  const key = new Uint8Array(length)
  const counts = new Int32Array(BUCKETS)
  // For the unranked: their bucket whether or not FTS5 finds every word exactly somewhere, known
  // in the same pass (an offer's words are read once), chosen once the strong tiers are counted.
  const ifExact = noExact ? null : new Uint8Array(length)
  const ifNot = noExact ? null : new Uint8Array(length)
  let strong = 0
  for (let slot = 0; slot < length; slot++) {
    if (!isResult[slot]) continue
    const tier = noExact ? tiers.weakTier(slot, false) : tiers.strongTier(slot)
    if (tier < 0) {
      key[slot] = UNRANKED
      ifExact![slot] = bucketOf(tiers, slot, TIER.exactAnywhere)
      ifNot![slot] = bucketOf(tiers, slot, tiers.weakTier(slot, false))
      continue
    }
    strong++
    const bucket = bucketOf(tiers, slot, tier)
    key[slot] = bucket + 1
    counts[bucket]!++
  }
  if (!noExact && strong < wanted) {
    const exact = exactSomewhere()
    for (let slot = 0; slot < length; slot++) {
      if (key[slot] !== UNRANKED) continue
      const bucket = exact[slot] === 1 ? ifExact![slot]! : ifNot![slot]!
      key[slot] = bucket + 1
      counts[bucket]!++
    }
  }
  // The buckets the page takes: every one before `last`, and the first `fromLast` of `last` in walk order.
  let need = wanted
  let last = -1
  for (let bucket = 0; bucket < BUCKETS && need > 0; bucket++) {
    if (counts[bucket] === 0) continue
    last = bucket
    need -= counts[bucket]!
  }
  if (last < 0) return []
  const fromLast = need > 0 ? counts[last]! : counts[last]! + need
  const target = wanted - Math.max(0, need)
  const lists: number[][] = Array.from({ length: last + 1 }, () => [])
  let taken = 0
  for (let k = 0; k < walk.length && taken < target; k++) {
    const slot = walk[k]!
    const bucket = key[slot]! - 1
    if (bucket < 0 || bucket > last) continue
    if (bucket === last && lists[last]!.length >= fromLast) continue
    lists[bucket]!.push(slot)
    taken++
  }
  return lists.flat()
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
