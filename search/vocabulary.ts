import { allowedTypos, boundedDistance } from './text.ts'

/** Deletions are taken from the first letters only: the index stays ~20 entries per word, and stays exact (see below). */
const PREFIX = 7
/** Term numbers take the low bits of each index key, the deletion's hash the high ones (2^31 × 2^22 = 2^53, exact in a double). */
const TERM_BITS = 2 ** 22

type Found = { term: string; docs: number; distance: number; order: number }

/**
 * The indexed words, to find the words a typo may have meant. Only words
 * within the typo budget (text.ts: 1 from 5 letters, 2 from 9; a
 * transposition counts as one) are returned, closest first, then most
 * frequent.
 *
 * A deletion dictionary (SymSpell): each word is filed under the strings
 * left when up to two letters are deleted from its first seven. Two words
 * within k typos of each other (insertions, deletions, substitutions,
 * transpositions) always share such a string, made with at most k deletions
 * on each side, prefixes included; so a lookup hashes the typed word's few
 * dozen deletions, reads the words filed under them, and checks each with
 * the edit distance. Its cost depends on the typed word, not on the size of
 * the vocabulary (bench/search.ts times it at 10k, 100k and 300k words).
 * The index is one sorted Float64Array of (hash, word number) keys, ~8 bytes
 * per entry; words added after loading go to a small map beside it.
 */
export class Vocabulary {
  private terms: string[] = []
  private docs: number[] = []
  private keys = new Float64Array(0)
  private added = new Map<number, number[]>()
  private known = new Map<string, number>()

  constructor(entries: Iterable<{ term: string; docs: number }>) {
    let keys = new Float64Array(1 << 16)
    let used = 0
    for (const { term, docs } of entries) {
      const number = this.remember(term, docs)
      if (number < 0) continue
      for (const hash of deletionHashes(term, indexedDeletions(term))) {
        if (used === keys.length) {
          const bigger = new Float64Array(keys.length * 2)
          bigger.set(keys)
          keys = bigger
        }
        keys[used++] = hash * TERM_BITS + number
      }
    }
    this.keys = keys.slice(0, used).sort()
  }

  /** Words of an offer just written, so a typo finds them at once. */
  add(terms: Iterable<string>) {
    for (const term of terms) {
      const number = this.remember(term, 1)
      if (number < 0) continue
      for (const hash of deletionHashes(term, indexedDeletions(term))) {
        const list = this.added.get(hash)
        if (list) list.push(number)
        else this.added.set(hash, [number])
      }
    }
  }

  get size() {
    return this.terms.length
  }

  corrections(word: string, limit = 8): string[] {
    const budget = allowedTypos(word)
    if (budget === 0) return []
    const seen = new Set<number>()
    const found: Found[] = []
    const consider = (number: number) => {
      if (seen.has(number)) return
      seen.add(number)
      const term = this.terms[number]!
      if (term === word || Math.abs(term.length - word.length) > budget) return
      const distance = boundedDistance(word, term, budget)
      if (distance <= budget) found.push({ term, docs: this.docs[number]!, distance, order: number })
    }
    for (const hash of new Set(deletionHashes(word, budget))) {
      for (let k = lowerBound(this.keys, hash * TERM_BITS); k < this.keys.length && this.keys[k]! < (hash + 1) * TERM_BITS; k++) {
        consider(this.keys[k]! - hash * TERM_BITS)
      }
      for (const number of this.added.get(hash) ?? []) consider(number)
    }
    // Closest, then most frequent; then shortest, then first known (the order of the former scan by length).
    found.sort((a, b) => a.distance - b.distance || b.docs - a.docs || a.term.length - b.term.length || a.order - b.order)
    return found.slice(0, limit).map((f) => f.term)
  }

  /** The word's number, or -1 when it is known already. */
  private remember(term: string, docs: number): number {
    if (this.known.has(term)) return -1
    const number = this.terms.length
    if (number >= TERM_BITS) throw new Error('Vocabulary: more than 4 million words')
    this.known.set(term, number)
    this.terms.push(term)
    this.docs.push(docs)
    return number
  }
}

/**
 * How many deletions a word is filed under: as many as the largest budget
 * of a typed word it may correct (a word of 4 to 6 letters corrects typed
 * words of 5 to 8 letters, budget 1; from 7 letters, typed words of 9 and
 * more, budget 2); none below 4 letters.
 */
function indexedDeletions(term: string): number {
  return term.length >= 7 ? 2 : term.length >= 4 ? 1 : 0
}

/**
 * Hashes of every string left by deleting up to `max` (0 to 2) letters of
 * the word's first PREFIX letters (the prefix itself included), computed
 * without building the strings. A repeated letter gives the same hash twice;
 * callers ignore repeats.
 */
function deletionHashes(word: string, max: number): number[] {
  const length = Math.min(word.length, PREFIX)
  const codes = new Array<number>(length)
  for (let k = 0; k < length; k++) codes[k] = word.charCodeAt(k)
  const hashes = [hashSkipping(codes, -1, -1)]
  if (max >= 1) for (let i = 0; i < length; i++) hashes.push(hashSkipping(codes, i, -1))
  if (max >= 2) for (let i = 0; i < length; i++) for (let j = i + 1; j < length; j++) hashes.push(hashSkipping(codes, i, j))
  return hashes
}

/** FNV-1a of the code units but two, to 31 bits. */
function hashSkipping(codes: number[], skip1: number, skip2: number): number {
  let h = 0x811c9dc5
  for (let k = 0; k < codes.length; k++) {
    if (k === skip1 || k === skip2) continue
    h ^= codes[k]!
    h = Math.imul(h, 0x01000193)
  }
  return (h >>> 1) & 0x7fffffff
}

function lowerBound(sorted: Float64Array, value: number): number {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const mid = (low + high) >>> 1
    if (sorted[mid]! < value) low = mid + 1
    else high = mid
  }
  return low
}
