import { MIN_PREFIX_LENGTH } from '../embedded/text-query.ts'
import { MAX_QUERY_WORDS, fold, tokenize } from '../text.ts'

export type QueryText = {
  /** What Meilisearch receives as `q`; '' when no word is left (then every offer is listed). */
  q: string
  truncated: boolean
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
  if (tokens.length === 0) return { q: '', truncated }
  const lastIsPrefix = !/[^\p{L}\p{N}]$/u.test(fold(text)) && tokens.at(-1)!.length >= MIN_PREFIX_LENGTH
  return { q: tokens.join(' ') + (lastIsPrefix ? '' : ' '), truncated }
}
