import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { allowedTypos, boundedDistance } from './text.ts'
import { Vocabulary } from './vocabulary.ts'

/** The former implementation, a scan of every word of a plausible length: the reference. */
class ScannedVocabulary {
  private byLength = new Map<number, { term: string; docs: number }[]>()
  private known = new Set<string>()
  constructor(entries: Iterable<{ term: string; docs: number }>) {
    for (const entry of entries) this.addEntry(entry)
  }
  add(terms: Iterable<string>) {
    for (const term of terms) this.addEntry({ term, docs: 1 })
  }
  private addEntry(entry: { term: string; docs: number }) {
    if (this.known.has(entry.term)) return
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

// A small alphabet makes near words frequent; an accent and a surrogate pair keep UTF-16 honest.
const letter = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'r', 's', 'é', '𝒳')
const word = fc.array(letter, { minLength: 1, maxLength: 12 }).map((l) => l.join(''))
const entries = fc.array(fc.record({ term: word, docs: fc.integer({ min: 1, max: 4 }) }), { maxLength: 300 })
/** A typed word: one of the vocabulary's words with up to 3 random edits, or any word. */
const typed = (terms: string[]) =>
  fc.oneof(
    word,
    fc.tuple(fc.constantFrom(...(terms.length ? terms : ['abcde'])), fc.array(fc.tuple(fc.nat(13), letter, fc.nat(3)), { maxLength: 3 })).map(
      ([base, edits]) => {
        let w = base
        for (const [at, l, kind] of edits) {
          const k = at % (w.length + 1)
          if (kind === 0) w = w.slice(0, k) + l + w.slice(k)
          else if (kind === 1) w = w.slice(0, k) + w.slice(k + 1)
          else if (kind === 2) w = w.slice(0, k) + l + w.slice(k + 1)
          else w = w.slice(0, k) + w.slice(k + 1, k + 2) + w.slice(k, k + 1) + w.slice(k + 2)
        }
        return w || 'a'
      },
    ),
  )

describe('Vocabulary (deletion dictionary) against the former scan', () => {
  it('proposes the same corrections, in the same order, as scanning every word', () => {
    fc.assert(
      fc.property(
        entries.chain((e) => fc.tuple(fc.constant(e), fc.array(typed(e.map((x) => x.term)), { minLength: 1, maxLength: 20 }), fc.array(word, { maxLength: 30 }))),
        ([list, queries, added]) => {
          const indexed = new Vocabulary(list)
          const scanned = new ScannedVocabulary(list)
          for (const q of queries) expect(indexed.corrections(q, 50)).toEqual(scanned.corrections(q, 50))
          // Words of an offer written after loading are found at once.
          indexed.add(added)
          scanned.add(added)
          for (const q of [...queries, ...added]) expect(indexed.corrections(q)).toEqual(scanned.corrections(q))
        },
      ),
      { numRuns: 300 },
    )
  })

  it('finds a long word typed with two stray letters among its first ones, as the scan does', () => {
    fc.assert(
      fc.property(fc.array(letter, { minLength: 7, maxLength: 10 }), fc.array(word, { maxLength: 50 }), fc.tuple(fc.nat(6), letter, fc.nat(6), letter),
        (letters, others, [i, a, j, b]) => {
          const term = letters.join('')
          const typed = [...letters]
          typed.splice(i, 0, a)
          typed.splice(j, 0, b)
          const list = [{ term, docs: 1 }, ...others.map((o) => ({ term: o, docs: 2 }))]
          const q = typed.join('')
          expect(new Vocabulary(list).corrections(q, 50)).toEqual(new ScannedVocabulary(list).corrections(q, 50))
        }),
      { numRuns: 300 },
    )
  })

  it('finds the words added after loading, thousands of them, like those loaded', () => {
    const rng = mulberry(7)
    const make = () => Array.from({ length: 5 + Math.floor(rng() * 7) }, () => 'abcdeirstu'[Math.floor(rng() * 10)]).join('')
    const initial = Array.from({ length: 1500 }, () => ({ term: make(), docs: 1 + Math.floor(rng() * 9) }))
    const indexed = new Vocabulary(initial)
    const scanned = new ScannedVocabulary(initial)
    for (let round = 0; round < 3; round++) {
      const added = Array.from({ length: 900 }, make)
      indexed.add(added)
      scanned.add(added)
    }
    for (let k = 0; k < 100; k++) {
      const q = make()
      expect(indexed.corrections(q)).toEqual(scanned.corrections(q))
    }
  })

  it('corrects what a user would mistype, and nothing below five letters', () => {
    const v = new Vocabulary([
      { term: 'developpeur', docs: 40 }, { term: 'developpeurs', docs: 3 }, { term: 'javascript', docs: 20 },
      { term: 'react', docs: 9 }, { term: 'calais', docs: 12 }, { term: 'reseaux', docs: 5 },
    ])
    expect(v.corrections('devlopeur')).toEqual(['developpeur']) // two letters missing, 9 letters: allowed
    expect(v.corrections('javsacript')).toEqual(['javascript']) // one transposition counts as one typo
    expect(v.corrections('caliasx')).toEqual([]) // a transposition and an extra letter: 2 typos, 7 letters allow 1
    expect(v.corrections('reatc')).toEqual(['react'])
    expect(v.corrections('raect')).toEqual(['react'])
    expect(v.corrections('rect')).toEqual([]) // 4 letters: no typo allowed
    expect(v.corrections('rezseaxux')).toEqual(['reseaux']) // 9 letters, two stray letters early in the word
  })
})

function mulberry(seed: number) {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
