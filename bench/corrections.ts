import { Random } from '#db/seed/random.ts'
import { allowedTypos, boundedDistance } from '#search/text.ts'
import { Vocabulary } from '#search/vocabulary.ts'
import { summarize } from './stats.ts'

type Word = { term: string; docs: number }

/**
 * Times Vocabulary.corrections on vocabularies of the given sizes, made from
 * the indexed words (sampled down, or padded up with misspelt copies of them,
 * as real offers misspell), against the former scan of every word of a
 * plausible length, on the same 100 typed words.
 */
export function correctionTimes(indexed: Word[], sizes: number[], seed = 7) {
  const rng = new Random(seed)
  const typed = Array.from({ length: 100 }, () => {
    let word = rng.pick(indexed).term
    for (let tries = 0; word.length < 6 && tries < 50; tries++) word = rng.pick(indexed).term
    return misspell(rng, word)
  })
  return sizes.map((size) => {
    const words = vocabularyOf(indexed, size, rng)
    let start = performance.now()
    const vocabulary = new Vocabulary(words)
    const buildMs = performance.now() - start
    const index: number[] = []
    const scan: number[] = []
    for (const word of typed) {
      start = performance.now()
      vocabulary.corrections(word)
      index.push(performance.now() - start)
      start = performance.now()
      scanned(words, word)
      scan.push(performance.now() - start)
    }
    return { words: words.length, buildMs, index: summarize(index), scan: summarize(scan) }
  })
}

function vocabularyOf(indexed: Word[], size: number, rng: Random): Word[] {
  if (size <= indexed.length) return rng.sample(indexed, size)
  const words = [...indexed]
  const known = new Set(words.map((w) => w.term))
  while (words.length < size) {
    const term = misspell(rng, rng.pick(indexed).term + rng.pick(['', 's', 'e', 'es', 'ment']))
    if (!known.has(term)) {
      known.add(term)
      words.push({ term, docs: 1 })
    }
  }
  return words
}

function misspell(rng: Random, word: string): string {
  if (word.length < 4) return word + 'e'
  const at = rng.int(1, word.length - 2)
  switch (rng.int(0, 2)) {
    case 0: return word.slice(0, at) + word.slice(at + 1)
    case 1: return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2)
    default: return word.slice(0, at) + 'e' + word.slice(at + 1)
  }
}

/** The former implementation's work: every word within the length window, by edit distance. */
function scanned(words: Word[], word: string): number {
  const budget = allowedTypos(word)
  let found = 0
  if (budget === 0) return 0
  for (const w of words) if (Math.abs(w.term.length - word.length) <= budget && w.term !== word && boundedDistance(word, w.term, budget) <= budget) found++
  return found
}
