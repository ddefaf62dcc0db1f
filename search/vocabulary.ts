import { allowedTypos, boundedDistance } from './text.ts'

/**
 * The indexed words, bucketed by length, to find the words a typo may have
 * meant. Only words within the typo budget are returned, most frequent first.
 */
export class Vocabulary {
  private byLength = new Map<number, { term: string; docs: number }[]>()

  constructor(entries: Iterable<{ term: string; docs: number }>) {
    for (const entry of entries) {
      const bucket = this.byLength.get(entry.term.length) ?? []
      bucket.push(entry)
      this.byLength.set(entry.term.length, bucket)
    }
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
