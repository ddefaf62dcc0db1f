import type { ContractType, RemotePolicy } from '#db/domain.ts'
import { offerKindsOf } from '../offer-terms.ts'
import { isRoleNoun, type Synonyms } from '../synonyms.ts'
import { MAX_QUERY_WORDS, fold, tokenize, writtenAsSyntax } from '../text.ts'
import type { Vocabulary } from '../vocabulary.ts'

/**
 * The shortest last word matched as a prefix while typing: two letters
 * ("bi", "de") begin too many words (bilingue, biostatisticien…); shorter
 * words match themselves only.
 */
export const MIN_PREFIX_LENGTH = 3

/**
 * A word found exactly in this many offers or more gets no typo corrections:
 * "ingénieur" must not also pull "intérieur". Rarer words keep them, in case
 * the exact word is itself the typo of a common one.
 */
export const ENOUGH_EXACT_OFFERS = 20

/**
 * One way to satisfy a query word: a phrase of tokens, the last maybe a
 * prefix. `skill`: it may match the offer's skills, being a whole spelling
 * of a skill (or, typed, the beginning of one): "web" is a word of the
 * spelling "Amazon Web Services", not a skill, so it does not reach AWS.
 */
export type Alternative = { tokens: string[]; prefix: boolean; skill: boolean }
/** A query word (or a multi-word skill or role name) and the ways it may match. */
export type Group = {
  exact: Alternative[]
  typos: Alternative[]
  /** How many of the user's words the group stands for ("chef de projet": 3). */
  words: number
  /** The user's word(s), folded, as typed. */
  source: string
  /** The contracts and remote policies the word names ("alternance", "télétravail"): such offers match it as a title word. */
  kinds: { contracts: ContractType[]; remote: RemotePolicy[] } | null
  /** The likeliest word meant, when no offer holds the word itself ("Vouliez-vous dire"). */
  correction: string | null
  /**
   * Whether an alternative that is not a skill could still match inside a
   * skill spelling ("web" in "amazon web services"): only then does the
   * FTS5 expression keep it out of the skills column.
   */
  insideSkills: boolean
  /** A job title's head noun ("ingénieur", "chef de projet"): relaxing drops it before the field words. */
  role: boolean
}

/**
 * A user's words, each with the ways it may match: itself, its skill and
 * role synonyms, the indexed words within its typo budget, and, for the
 * last word, any word it begins. Rendered as FTS5 expressions by
 * ftsExpression(), where every token is quoted, so nothing the user types
 * (", *, NEAR, -, AND) is read as FTS5 syntax.
 */
export type TextPlan = {
  groups: Group[]
  truncated: boolean
  /** Written in a search syntax ("title:web"): every word is required, never relaxed. */
  syntax: boolean
}

export function planTextQuery(
  text: string,
  synonyms: Synonyms,
  vocabulary: Vocabulary,
  /** How many offers hold a word exactly; without it, every word gets its corrections. */
  exactOffers: (word: string) => number = () => 0,
): TextPlan {
  let tokens = tokenize(text)
  const truncated = tokens.length > MAX_QUERY_WORDS
  const syntax = writtenAsSyntax(text)
  tokens = tokens.slice(0, MAX_QUERY_WORDS)
  if (tokens.length === 0) return { groups: [], truncated, syntax }
  // The last word is still being typed unless the text ends with a separator.
  const lastIsPrefix = !/[^\p{L}\p{N}]$/u.test(fold(text))

  const groups: Group[] = []
  for (let i = 0; i < tokens.length; ) {
    const isLast = (length: number) => i + length === tokens.length
    let length = Math.min(synonyms.longestPhrase, tokens.length - i)
    for (; length >= 1; length--) {
      const phrase = tokens.slice(i, i + length).join(' ')
      const equivalents = synonyms.equivalents(phrase)
      if (!equivalents) continue
      const exact = equivalents.map((p) => ({ tokens: p.split(' '), prefix: false, skill: synonyms.isSkillSpelling(p) }))
      if (lastIsPrefix && isLast(length)) exact.push({ tokens: phrase.split(' '), prefix: true, skill: synonyms.beginsSkillSpelling(phrase) })
      const insideSkills = exact.some((a) => !a.skill && a.tokens.some((t, k) => synonyms.isInsideSkillSpelling(t, a.prefix && k === a.tokens.length - 1)))
      groups.push({ exact, typos: [], words: length, source: phrase, kinds: null, correction: null, insideSkills, role: isRoleNoun(phrase) })
      break
    }
    if (length >= 1) {
      i += length
      continue
    }
    const token = tokens[i]!
    const prefix = lastIsPrefix && isLast(1) && token.length >= MIN_PREFIX_LENGTH
    const exactCount = exactOffers(token)
    // A correction the prefix already covers ("developpeurs" for "developpeur") adds nothing.
    const typos = exactCount >= ENOUGH_EXACT_OFFERS ? [] : vocabulary
      .corrections(token)
      .filter((t) => !(prefix && t.startsWith(token)))
      .map((t) => ({ tokens: [t], prefix: false, skill: synonyms.isSkillSpelling(t) }))
    const correction = exactCount === 0 && typos.length > 0 ? typos[0]!.tokens[0]! : null
    const skill = prefix && synonyms.beginsSkillSpelling(token)
    const insideSkills = synonyms.isInsideSkillSpelling(token, prefix) || typos.some((t) => !t.skill && synonyms.isInsideSkillSpelling(t.tokens[0]!, false))
    groups.push({ exact: [{ tokens: [token], prefix, skill }], typos, words: 1, source: token, kinds: offerKindsOf(token), correction, insideSkills, role: isRoleNoun(token) })
    i += 1
  }
  return { groups, truncated, syntax }
}

/**
 * The groups as one FTS5 expression (every group required), or null when
 * there are none. Any alternative may match the title, company or
 * description; only whole skill spellings match the skills column (a
 * column filter, written only for groups holding a word that sits inside a
 * skill spelling of several words).
 */
export function ftsExpression(groups: Group[], withTypos: boolean, { keepCovered = false } = {}): string | null {
  if (groups.length === 0) return null
  return groups
    .map((g) => {
      const alternatives = [...g.exact, ...(withTypos ? g.typos : [])]
      // keepCovered: every alternative, as the plan has them (relevance.test.ts compares).
      const any = (list: Alternative[]) => (keepCovered ? list : withoutCovered(list)).map(toFts).join(' OR ')
      // No word of it sits inside a skill spelling: any column, as plain as it gets (FTS5 skips the position lists).
      if (!g.insideSkills) return `(${any(alternatives)})`
      const skills = alternatives.filter((a) => a.skill)
      const text = `{title company description} : (${any(alternatives)})`
      return skills.length > 0 ? `((${text}) OR ({skills} : (${any(skills)})))` : `(${text})`
    })
    .join(' AND ')
}

export const hasTypos = (groups: Group[]) => groups.some((g) => g.typos.length > 0)

/**
 * The alternatives but those another one already finds: "linux" and the
 * phrase "gnu linux" beside the prefix "linux*", "chef de projet" beside
 * "chef de projet*". The OR finds the same offers, and FTS5 reads fewer
 * lists (a phrase reads every position of its words: "de" is in most offers).
 */
function withoutCovered(alternatives: Alternative[]): Alternative[] {
  return alternatives.filter((a, i) => !alternatives.some((b, j) => j !== i && covers(b, a) && !(covers(a, b) && j > i)))
}

/** Whether every offer `a` matches holds what `b` matches, as FTS5 reads them (tokens are whole folded words). */
function covers(b: Alternative, a: Alternative): boolean {
  const last = a.tokens.length - 1
  const finds = (token: string, k: number) => {
    // A last token typed as a prefix stands for every word it begins: only a shorter prefix holds them all.
    if (k === last && a.prefix) return b.prefix && token.startsWith(b.tokens.at(-1)!)
    return b.prefix ? token.startsWith(b.tokens.at(-1)!) : token === b.tokens.at(-1)
  }
  // One word: any of the phrase's words. Several: the same phrase, its last word covered.
  if (b.tokens.length === 1) return a.tokens.some(finds)
  return b.tokens.length === a.tokens.length && b.tokens.every((t, k) => (k === last ? finds(a.tokens[k]!, k) : t === a.tokens[k]))
}

function toFts(alternative: Alternative): string {
  const quoted = `"${alternative.tokens.join(' ').replaceAll('"', '""')}"`
  return alternative.prefix ? `${quoted}*` : quoted
}
