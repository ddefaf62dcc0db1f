/**
 * Text preparation shared by indexing and querying, so that both sides fold
 * accents, case and the symbolic skill spellings (C#, C++, .NET) the same way.
 */

// unicode61 would split "C#" into "c"; these spellings become one token first.
const SYMBOLIC_SPELLINGS: [RegExp, string][] = [
  [/(^|[^\p{L}\p{N}])c\s?#/giu, '$1 csharp '],
  [/(^|[^\p{L}\p{N}])c\s?\+\+/giu, '$1 cpp '],
  [/(^|[^\p{L}\p{N}])asp\.net/giu, '$1 asp dotnet '],
  [/(^|[^\p{L}\p{N}])\.net/giu, '$1 dotnet '],
]
const MAY_HOLD_SYMBOLS = /[#+]|\.net/i

/** Words of a query taken into account, as in Meilisearch (which ignores the words after the tenth). */
export const MAX_QUERY_WORDS = 10

/** C#, C++ and .NET written as single words; other text is returned as is. */
export function unifySymbolicSpellings(text: string): string {
  if (!MAY_HOLD_SYMBOLS.test(text)) return text
  let unified = text
  for (const [pattern, replacement] of SYMBOLIC_SPELLINGS) unified = unified.replace(pattern, replacement)
  return unified
}

/** Lowercase, accents removed, broken Unicode repaired: what unicode61 does to indexed text. */
export function fold(text: string): string {
  return unifySymbolicSpellings(text.toWellFormed())
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
}

/** The tokens FTS5's unicode61 tokenizer would produce from the folded text. */
export function tokenize(text: string): string[] {
  return fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean)
}

/**
 * Text as it is written into the index. FTS5's unicode61 tokenizer (with
 * remove_diacritics 2) folds case and accents itself, exactly as fold() does
 * for queries; only the symbolic spellings need rewriting first.
 */
export function indexableText(text: string): string {
  return unifySymbolicSpellings(text.toWellFormed())
}

/** Typo budget of Meilisearch's defaults: 1 typo from 5 letters, 2 from 9. */
export function allowedTypos(word: string): number {
  const length = [...word].length
  return length >= 9 ? 2 : length >= 5 ? 1 : 0
}

/**
 * Optimal-string-alignment distance (a transposition counts as one typo),
 * abandoned as soon as it must exceed `max`.
 */
export function boundedDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1
  const rows = a.length + 1
  const cols = b.length + 1
  let prevPrev = new Array<number>(cols).fill(0)
  let prev = Array.from({ length: cols }, (_, j) => j)
  for (let i = 1; i < rows; i++) {
    const current = new Array<number>(cols)
    current[0] = i
    let rowMin = current[0]
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let value = Math.min(prev[j]! + 1, current[j - 1]! + 1, prev[j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, prevPrev[j - 2]! + 1)
      }
      current[j] = value
      if (value < rowMin) rowMin = value
    }
    if (rowMin > max) return max + 1
    prevPrev = prev
    prev = current
  }
  return prev[cols - 1]!
}

/**
 * Whether the text is written in a search syntax (a field prefix "title:",
 * quotes, a leading minus, parentheses, a star): both engines read such
 * characters as separators, but a query written that way asks for every
 * word it holds, so it is never relaxed (decision 001, "Relaxation").
 */
export function writtenAsSyntax(text: string): boolean {
  return /[\p{L}\p{N}]:|["()*^]|(^|\s)-/u.test(text)
}

