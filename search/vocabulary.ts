import { allowedTypos, boundedDistance } from './text.ts'

/** Words added after loading are scanned one by one until this many, then merged into the sorted list. */
const PENDING_LIMIT = 2048

type Found = { term: string; docs: number; distance: number; order: number }

/**
 * The indexed words, to find the words a typo may have meant. Only words
 * within the typo budget (text.ts: 1 from 5 letters, 2 from 9; a
 * transposition counts as one) are returned, closest first, then most
 * frequent.
 *
 * The words are kept sorted, which makes them an implicit trie: words that
 * share a prefix are neighbours. A correction walks it with the edit-distance
 * table of the typed word, one row per letter of the prefix, reusing the rows
 * of the prefix it shares with the previous word, and skips every word under
 * a prefix whose row already exceeds the budget. So a lookup visits the few
 * thousand prefixes near the typed word, whatever the size of the vocabulary
 * (bench/search.ts times it at 10k, 100k and 300k words), and the memory is
 * the word list itself.
 */
export class Vocabulary {
  private terms: string[] = []
  private docs: number[] = []
  /** Rank of arrival, so that ties come out in the same order as a scan of the words in arrival order. */
  private arrival: number[] = []
  private pending: { term: string; docs: number; arrival: number }[] = []
  private known = new Set<string>()
  private arrived = 0

  constructor(entries: Iterable<{ term: string; docs: number }>) {
    for (const entry of entries) this.pendingAdd(entry.term, entry.docs)
    this.merge()
  }

  /** Words of an offer just written, so a typo finds them at once. */
  add(terms: Iterable<string>) {
    for (const term of terms) this.pendingAdd(term, 1)
    if (this.pending.length > PENDING_LIMIT) this.merge()
  }

  get size() {
    return this.terms.length + this.pending.length
  }

  corrections(word: string, limit = 8): string[] {
    const budget = allowedTypos(word)
    if (budget === 0) return []
    const found: Found[] = []
    this.walk(word, budget, found)
    for (const p of this.pending) {
      if (p.term === word || Math.abs(p.term.length - word.length) > budget) continue
      const distance = boundedDistance(word, p.term, budget)
      if (distance <= budget) found.push({ term: p.term, docs: p.docs, distance, order: p.arrival })
    }
    // The order of the former scan: distance, frequency, then length and arrival.
    found.sort((a, b) => a.distance - b.distance || b.docs - a.docs || a.term.length - b.term.length || a.order - b.order)
    return found.slice(0, limit).map((f) => f.term)
  }

  private pendingAdd(term: string, docs: number) {
    if (this.known.has(term)) return
    this.known.add(term)
    this.pending.push({ term, docs, arrival: this.arrived++ })
  }

  private merge() {
    if (this.pending.length === 0) return
    const incoming = this.pending.sort((a, b) => (a.term < b.term ? -1 : 1))
    const terms: string[] = []
    const docs: number[] = []
    const arrival: number[] = []
    let i = 0
    let k = 0
    while (i < this.terms.length || k < incoming.length) {
      if (k >= incoming.length || (i < this.terms.length && this.terms[i]! < incoming[k]!.term)) {
        terms.push(this.terms[i]!)
        docs.push(this.docs[i]!)
        arrival.push(this.arrival[i]!)
        i++
      } else {
        terms.push(incoming[k]!.term)
        docs.push(incoming[k]!.docs)
        arrival.push(incoming[k]!.arrival)
        k++
      }
    }
    this.terms = terms
    this.docs = docs
    this.arrival = arrival
    this.pending = []
  }

  /**
   * Optimal-string-alignment distance (as boundedDistance) from `word` to
   * every sorted word, row by row along the shared prefixes. Row d holds the
   * distances from the word's prefixes to the current term's first d letters;
   * its minimum never decreases further down (a transposition's cell is
   * bounded by the row above), so a row above the budget rules out the whole
   * subtree.
   */
  private walk(word: string, budget: number, found: Found[]) {
    const terms = this.terms
    const m = word.length
    const maxDepth = m + budget
    const rows: Int32Array[] = Array.from({ length: maxDepth + 1 }, () => new Int32Array(m + 1))
    for (let j = 0; j <= m; j++) rows[0]![j] = j
    let path = ''
    let valid = 0 // rows 0..valid hold the distances for path's first letters
    let i = 0
    while (i < terms.length) {
      const term = terms[i]!
      let depth = 0
      const shared = Math.min(valid, term.length)
      while (depth < shared && term.charCodeAt(depth) === path.charCodeAt(depth)) depth++
      path = term
      valid = depth
      let pruned = -1
      const last = Math.min(term.length, maxDepth)
      for (let d = depth + 1; d <= last; d++) {
        const row = rows[d]!
        const above = rows[d - 1]!
        const twoAbove = d >= 2 ? rows[d - 2]! : above
        const c = term.charCodeAt(d - 1)
        const before = d >= 2 ? term.charCodeAt(d - 2) : -1
        row[0] = d
        let rowMin = d
        for (let j = 1; j <= m; j++) {
          const w = word.charCodeAt(j - 1)
          let value = Math.min(above[j]! + 1, row[j - 1]! + 1, above[j - 1]! + (c === w ? 0 : 1))
          if (d > 1 && j > 1 && c === word.charCodeAt(j - 2) && before === w) value = Math.min(value, twoAbove[j - 2]! + 1)
          row[j] = value
          if (value < rowMin) rowMin = value
        }
        valid = d
        if (rowMin > budget) {
          pruned = d
          break
        }
      }
      if (pruned < 0 && term.length <= maxDepth) {
        if (term !== word && term.length >= m - budget && rows[term.length]![m]! <= budget) {
          found.push({ term, docs: this.docs[i]!, distance: rows[term.length]![m]!, order: this.arrival[i]! })
        }
        i++
      } else {
        // Every word under this prefix is too far: jump past them.
        const prefix = term.slice(0, pruned < 0 ? maxDepth : pruned)
        i = this.firstAfterPrefix(prefix, i + 1)
      }
    }
  }

  /** Index of the first word from `from` on that does not start with `prefix`. */
  private firstAfterPrefix(prefix: string, from: number): number {
    const terms = this.terms
    let low = from
    let high = terms.length
    while (low < high) {
      const mid = (low + high) >> 1
      if (terms[mid]!.startsWith(prefix) || terms[mid]! < prefix) low = mid + 1
      else high = mid
    }
    return low
  }
}
