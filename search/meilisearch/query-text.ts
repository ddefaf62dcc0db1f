import { MIN_PREFIX_LENGTH } from '../embedded/text-query.ts'
import { MAX_QUERY_WORDS, fold, tokenize, writtenAsSyntax } from '../text.ts'

export type QueryText = {
  /** What Meilisearch receives as `q`; '' when no word is left (then every offer is listed). */
  q: string
  truncated: boolean
  /** Written in a search syntax ("title:web"): every word is required, never relaxed. */
  syntax: boolean
}

/**
 * The user's words as Meilisearch's `q`, read the way the embedded engine
 * reads them (search/embedded/text-query.ts): our own tokens, so `"`
 * (phrase) and a leading `-` (exclusion), which Meilisearch would read as
 * syntax, are plain separators. The last word is matched as a prefix
 * unless the text ends with a separator: Meilisearch does the same when
 * `q` ends with a space. A word under MIN_PREFIX_LENGTH letters is never a prefix.
 */
export function queryText(text: string): QueryText {
  const all = tokenize(text)
  const tokens = all.slice(0, MAX_QUERY_WORDS)
  const truncated = all.length > MAX_QUERY_WORDS
  const syntax = writtenAsSyntax(text)
  if (tokens.length === 0) return { q: '', truncated, syntax }
  const lastIsPrefix = !/[^\p{L}\p{N}]$/u.test(fold(text)) && tokens.at(-1)!.length >= MIN_PREFIX_LENGTH
  return { q: tokens.join(' ') + (lastIsPrefix ? '' : ' '), truncated, syntax }
}

/**
 * Each word of `q` as a query of its own, the last one still a prefix when
 * it was: how many offers hold each word, asked before relaxing.
 */
export function wordQueries(q: string): string[] {
  const words = q.trim().split(' ')
  const lastIsPrefix = !q.endsWith(' ')
  return words.map((word, i) => word + (i === words.length - 1 && lastIsPrefix ? '' : ' '))
}

/** `q` without the words at the given positions (of wordQueries), the last word's prefix kept. */
export function withoutWords(q: string, dropped: Set<number>): string {
  const kept = wordQueries(q).filter((_, i) => !dropped.has(i))
  return kept.map((w) => w.trim()).join(' ') + (kept.at(-1)?.endsWith(' ') === false ? '' : ' ')
}
