import type { Synonyms } from '../synonyms.ts'
import { fold, tokenize } from '../text.ts'
import type { Vocabulary } from '../vocabulary.ts'

export const MAX_QUERY_WORDS = 10

/**
 * A user's words turned into an FTS5 expression. Every token is quoted, so
 * nothing the user types (", *, NEAR, -, AND) is read as FTS5 syntax.
 * Each word matches itself, its skill synonyms, the indexed words within
 * its typo budget, and, for the last word, any word it begins.
 */
export type TextPlan = {
  /** Full expression, typos included; null when no word is left. */
  expression: string | null
  /** Same expression without typo corrections, to rank exact matches first. */
  exactExpression: string | null
  truncated: boolean
}

type Group = { exact: string[]; typos: string[] }

export function planTextQuery(text: string, synonyms: Synonyms, vocabulary: Vocabulary): TextPlan {
  let tokens = tokenize(text)
  const truncated = tokens.length > MAX_QUERY_WORDS
  tokens = tokens.slice(0, MAX_QUERY_WORDS)
  if (tokens.length === 0) return { expression: null, exactExpression: null, truncated }
  // The last word is still being typed unless the text ends with a separator.
  const lastIsPrefix = !/[^\p{L}\p{N}]$/u.test(fold(text))

  const groups: Group[] = []
  for (let i = 0; i < tokens.length; ) {
    let matched = false
    for (let length = Math.min(synonyms.longestPhrase, tokens.length - i); length >= 1; length--) {
      const phrase = tokens.slice(i, i + length).join(' ')
      const equivalents = synonyms.equivalents(phrase)
      if (!equivalents) continue
      const exact = equivalents.map(quote)
      if (lastIsPrefix && i + length === tokens.length) exact.push(`${quote(phrase)}*`)
      groups.push({ exact, typos: [] })
      i += length
      matched = true
      break
    }
    if (matched) continue
    const token = tokens[i]!
    const isLast = i === tokens.length - 1
    const exact = [isLast && lastIsPrefix ? `${quote(token)}*` : quote(token)]
    groups.push({ exact, typos: vocabulary.corrections(token).map(quote) })
    i += 1
  }

  const render = (withTypos: boolean) =>
    groups.map((g) => `(${[...g.exact, ...(withTypos ? g.typos : [])].join(' OR ')})`).join(' AND ')
  const hasTypos = groups.some((g) => g.typos.length > 0)
  return { expression: render(true), exactExpression: hasTypos ? render(false) : null, truncated }
}

function quote(phrase: string): string {
  return `"${phrase.replaceAll('"', '""')}"`
}
