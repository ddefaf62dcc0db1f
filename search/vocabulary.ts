import { allowedTypos, boundedDistance } from './text.ts'

/** Deletions are taken from the first letters only: the index stays ~20 entries per word, and stays exact (see below). */
const PREFIX = 7
const MAX_WORDS = 2 ** 31

export type VocabularySnapshot = ReturnType<Vocabulary['toSnapshot']>

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
 * The index is a hash table in three flat arrays (bucket offsets, then each
 * entry's hash and word number, 8 bytes per entry), filled by a counting
 * sort in two linear passes; words added after loading go to a map beside it.
 */
export class Vocabulary {
  private terms: string[] = []
  private docs: number[] = []
  private bucketStart: Uint32Array = new Uint32Array(1)
  private mask = 0
  private entryHash: Uint32Array = new Uint32Array(0)
  private entryWord: Uint32Array = new Uint32Array(0)
  private added = new Map<number, number[]>()
  private known = new Map<string, number>()

  constructor(entries: Iterable<{ term: string; docs: number }>) {
    let hashes: Uint32Array = new Uint32Array(1 << 12)
    let words: Uint32Array = new Uint32Array(1 << 12)
    let used = 0
    for (const { term, docs } of entries) {
      const number = this.remember(term, docs)
      if (number < 0) continue
      for (const hash of deletionHashes(term, indexedDeletions(term))) {
        if (used === hashes.length) {
          hashes = grown(hashes)
          words = grown(words)
        }
        hashes[used] = hash
        words[used++] = number
      }
    }
    // About eight entries a bucket; a lookup compares the hashes of one bucket.
    let buckets = 256
    while (buckets < used / 8 && buckets < 1 << 22) buckets *= 2
    this.mask = buckets - 1
    const start = new Uint32Array(buckets + 1)
    for (let k = 0; k < used; k++) start[(hashes[k]! & this.mask) + 1]!++
    for (let b = 0; b < buckets; b++) start[b + 1]! += start[b]!
    const fill = start.slice(0, buckets)
    this.entryHash = new Uint32Array(used)
    this.entryWord = new Uint32Array(used)
    for (let k = 0; k < used; k++) {
      const at = fill[hashes[k]! & this.mask]!++
      this.entryHash[at] = hashes[k]!
      this.entryWord[at] = words[k]!
    }
    this.bucketStart = start
  }

  /** Everything the index holds, as plain data for search/embedded/snapshot.ts. */
  toSnapshot() {
    return {
      terms: this.terms, docs: this.docs, bucketStart: this.bucketStart, mask: this.mask,
      entryHash: this.entryHash, entryWord: this.entryWord, added: this.added,
    }
  }

  /** The index a snapshot holds, without building it again. */
  static fromSnapshot(saved: VocabularySnapshot): Vocabulary {
    const vocabulary = new Vocabulary([])
    Object.assign(vocabulary, saved)
    vocabulary.known = new Map()
    for (let number = 0; number < saved.terms.length; number++) vocabulary.known.set(saved.terms[number]!, number)
    return vocabulary
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
      const bucket = hash & this.mask
      for (let k = this.bucketStart[bucket]!; k < this.bucketStart[bucket + 1]!; k++) {
        if (this.entryHash[k] === hash) consider(this.entryWord[k]!)
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
    if (number >= MAX_WORDS) throw new Error('Vocabulary: too many words')
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

function grown(array: Uint32Array): Uint32Array {
  const bigger = new Uint32Array(array.length * 2)
  bigger.set(array)
  return bigger
}
