import { allowedTypos, boundedDistance } from './text.ts'

/**
 * The indexed words, bucketed by length, to find the words a typo may have
 * meant. Only words within the typo budget are returned, most frequent first.
 */
export class Vocabulary {
  private byLength = new Map<number, { term: string; docs: number }[]>()
  private known = new Set<string>()

  constructor(entries: Iterable<{ term: string; docs: number }>) {
    for (const entry of entries) this.addEntry(entry)
  }

  /** Words of an offer just written, so a typo finds them at once. */
  add(terms: Iterable<string>) {
    for (const term of terms) if (!this.known.has(term)) this.addEntry({ term, docs: 1 })
  }

  private addEntry(entry: { term: string; docs: number }) {
    this.known.add(entry.term)
    const bucket = this.byLength.get(entry.term.length) ?? []
    bucket.push(entry)
    this.byLength.set(entry.term.length, bucket)
  }

  corrections(word: string, limit = 8): string[] {
    const budget = allowedTypos(word)
    if (budget === 0) return []
    const found: { term: string; docs: number; distance: number }[] = []
    for (let length = word.length - budget; length <= word.length + budget; length++) {
      for (const entry of this.byLength.get(length) ?? []) {
        if (entry.term === word) continue
        const distance = boundedDistance(word, entry.term, budget)
        if (distance <= budget) found.push({ ...entry, distance })
      }
    }
    found.sort((a, b) => a.distance - b.distance || b.docs - a.docs)
    return found.slice(0, limit).map((f) => f.term)
  }
}
