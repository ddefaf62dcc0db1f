import { skills as TAXONOMY } from '#db/reference/skills.ts'
import { tokenize } from '../text.ts'

/**
 * The taxonomy skills an offer's title and description name, by their name or
 * an alias, as whole words (case and accents folded). Spellings too short or
 * too common to mean the skill ("AD", "UI", "réseau", "assistance") are left
 * out: a suggestion the recruiter has to remove is worse than none.
 * Used as evidence for offers without required skills (score-criteria.ts) and
 * as suggestions on the offer form.
 */
const AMBIGUOUS = new Set(['ad', 'ui', 'ux', 'rn', 'py', 'wp', 'ts', 'js', 'ml', 'go', 'reseau', 'assistance', 'agile', 'cyber', 'node', 'vue', 'ssi', 'sea',
  // Words of everyday French or English that also name a tool.
  'notion', 'tableau', 'sage', 'word', 'shell', 'elastic', 'unity', 'express', 'recette', 'rest', 'lean', 'sauvegarde',
  'statistiques', 'backup', 'fibre', 'sketch', 'helm', 'puppet', 'delphi', 'ionic', 'safe',
  'amo', 'moa', 'po', 'pra', 'pca', 'mdm', 'rag', 'soc', 'ad', 'r', 'c', 'sem', 'cms', 'xd', 'ia', 'paie', 'adp', 'snow'])

type Phrase = { tokens: string[]; slug: string }
let phrasesByFirst: Map<string, Phrase[]> | null = null
function phrases(): Map<string, Phrase[]> {
  if (phrasesByFirst) return phrasesByFirst
  phrasesByFirst = new Map()
  for (const skill of TAXONOMY) {
    for (const spelling of [skill.name, ...skill.aliases]) {
      const tokens = tokenize(spelling)
      const joined = tokens.join(' ')
      if (tokens.length === 0 || AMBIGUOUS.has(joined) || (tokens.length === 1 && joined.length < 2)) continue
      const list = phrasesByFirst.get(tokens[0]!) ?? []
      list.push({ tokens, slug: skill.slug })
      phrasesByFirst.set(tokens[0]!, list)
    }
  }
  return phrasesByFirst
}

/**
 * Slugs in the order first named. The longest spelling at a place wins and
 * takes its words: "SQL Server" is SQL Server, not also SQL.
 */
export function skillsNamedIn(text: string): string[] {
  const words = tokenize(text)
  const found = new Set<string>()
  const index = phrases()
  for (let i = 0; i < words.length; i++) {
    let longest: Phrase | undefined
    for (const phrase of index.get(words[i]!) ?? []) {
      if (longest && phrase.tokens.length <= longest.tokens.length) continue
      if (phrase.tokens.every((t, k) => words[i + k] === t)) longest = phrase
    }
    if (!longest) continue
    found.add(longest.slug)
    i += longest.tokens.length - 1
  }
  return [...found]
}
