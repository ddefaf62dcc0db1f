import type SQLite from 'better-sqlite3'
import { tokenize } from './text.ts'

export type SkillSpellings = { slug: string; name: string; aliases: string[] }

/** Every skill of the taxonomy with its aliases: the one source of search synonyms. */
export function readSkillSpellings(sqlite: SQLite.Database): SkillSpellings[] {
  const rows = sqlite
    .prepare<[], { slug: string; name: string; aliases: string }>(
      `select s.slug, s.name, (select json_group_array(alias) from skill_aliases a where a.skill_id = s.id) as aliases
       from skills s order by s.id`,
    )
    .all()
  return rows.map((r) => ({ slug: r.slug, name: r.name, aliases: JSON.parse(r.aliases) as string[] }))
}

/**
 * Job titles said two ways: both genders of the usual role words (as ROME's
 * appellations write them, "Développeur / Développeuse"), and English or
 * short forms of French titles. Each group leads from any phrase to all;
 * a phrase that is already a skill's spelling keeps its skill meaning.
 */
export const ROLE_SYNONYMS: string[][] = [
  ['développeur', 'développeuse', 'développeurs', 'développeuses', 'dev'],
  ['administrateur', 'administratrice'],
  ['technicien', 'technicienne'],
  ['ingénieur', 'ingénieure'],
  ['consultant', 'consultante'],
  ['intégrateur', 'intégratrice'],
  ['testeur', 'testeuse'],
  ['concepteur', 'conceptrice'],
  ['chargé', 'chargée'],
  ['assistant', 'assistante'],
  ['designer', 'designeuse'],
  ['chef de projet', 'cheffe de projet', 'project manager'],
  ['ingénieur de données', 'ingénieure de données', 'data engineer'],
  ['analyste de données', 'data analyst'],
  ['scientifique des données', 'data scientist'],
  ['administrateur système', 'administrateur systèmes', 'administratrice système', 'administratrice systèmes', 'sysadmin', 'admin sys'],
  ['technicien informatique', 'technicienne informatique', 'technicien support'],
]

/**
 * The head nouns of job titles: what kind of job ("Ingénieur", "Responsable",
 * "Chef de projet"), while the other words of a title say its field ("web",
 * "support", "Java"). Relaxing a query, such a word goes before the field
 * (decision 001, "Relaxation"): "ingénieur web" with no such offer shows web
 * jobs, not any engineer's. Single words only; each gender and the short
 * forms of ROLE_SYNONYMS count too.
 */
const ROLE_NOUNS = ['responsable', 'architecte', 'analyste', 'expert', 'experte']

/** Whether the folded word is a role noun, or one said another way ("dev", "ingénieure"). */
export function isRoleNoun(phrase: string): boolean {
  return ROLE_NOUN_PHRASES.has(phrase)
}

/**
 * Skill synonyms as token phrases: every spelling of a skill ("JS",
 * "JavaScript", "ECMAScript") leads to all the others; then the role
 * synonyms above.
 */
export class Synonyms {
  private phrasesBySpelling = new Map<string, string[]>()
  private skillPhrases = new Set<string>()
  /** Words of the skill spellings of several words ("web" of "amazon web services"). */
  private wordsInPhrases = new Set<string>()
  readonly longestPhrase: number = 1

  constructor(skills: SkillSpellings[]) {
    let longest = 1
    for (const skill of skills) {
      const phrases = unique([skill.name, ...skill.aliases].map((s) => tokenize(s).join(' ')).filter(Boolean))
      for (const phrase of phrases) {
        this.skillPhrases.add(phrase)
        if (phrase.includes(' ')) for (const word of phrase.split(' ')) this.wordsInPhrases.add(word)
        // A spelling shared by two skills (rare) keeps the first skill's meaning.
        if (!this.phrasesBySpelling.has(phrase)) this.phrasesBySpelling.set(phrase, phrases)
        longest = Math.max(longest, phrase.split(' ').length)
      }
    }
    for (const group of ROLE_SYNONYMS) {
      // Phrases already spelling a skill keep that meaning; the others lead to each other (both ways).
      const phrases = unique(group.map((s) => tokenize(s).join(' '))).filter((p) => !this.phrasesBySpelling.has(p))
      if (phrases.length < 2) continue
      for (const phrase of phrases) {
        this.phrasesBySpelling.set(phrase, phrases)
        longest = Math.max(longest, phrase.split(' ').length)
      }
    }
    this.longestPhrase = longest
  }

  /** All phrases equivalent to `phrase` (itself included), or undefined. */
  equivalents(phrase: string): string[] | undefined {
    return this.phrasesBySpelling.get(phrase)
  }

  /** Whether the phrase is a whole spelling of a skill ("aws", "amazon web services"; not "web"). */
  isSkillSpelling(phrase: string): boolean {
    return this.skillPhrases.has(phrase)
  }

  /**
   * Whether the word (or, typed, a word it begins) sits inside a skill
   * spelling of several words: only then can it match the skills column
   * without being a skill.
   */
  isInsideSkillSpelling(word: string, prefix: boolean): boolean {
    if (!prefix) return this.wordsInPhrases.has(word)
    for (const inside of this.wordsInPhrases) if (inside.startsWith(word)) return true
    return false
  }

  /** Whether a skill's spelling begins with these letters (a word being typed may be a skill's name). */
  beginsSkillSpelling(prefix: string): boolean {
    for (const phrase of this.skillPhrases) if (phrase.startsWith(prefix)) return true
    return false
  }

  /** Each known phrase with the other phrases it leads to (itself excluded). */
  *pairs(): Iterable<[phrase: string, others: string[]]> {
    for (const [phrase, equivalents] of this.phrasesBySpelling) {
      const others = equivalents.filter((p) => p !== phrase)
      if (others.length > 0) yield [phrase, others]
    }
  }
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)]
}

// The single-word role groups of ROLE_SYNONYMS. Not the phrases: "chef de projet", "data engineer",
// "administrateur système" name a field as well as a kind of job.
const ROLE_NOUN_PHRASES = new Set([...ROLE_NOUNS, ...ROLE_SYNONYMS.filter((g) => g.every((p) => !p.includes(' '))).flat()].map((p) => tokenize(p).join(' ')))
