import { tokenize } from './text.ts'

export type SkillSpellings = { slug: string; name: string; aliases: string[] }

/**
 * Skill synonyms as token phrases: every spelling of a skill ("JS",
 * "JavaScript", "ECMAScript") leads to all the others.
 */
export class Synonyms {
  private phrasesBySpelling = new Map<string, string[]>()
  readonly longestPhrase: number = 1

  constructor(skills: SkillSpellings[]) {
    let longest = 1
    for (const skill of skills) {
      const phrases = unique([skill.name, ...skill.aliases].map((s) => tokenize(s).join(' ')).filter(Boolean))
      for (const phrase of phrases) {
        // A spelling shared by two skills (rare) keeps the first skill's meaning.
        if (!this.phrasesBySpelling.has(phrase)) this.phrasesBySpelling.set(phrase, phrases)
        longest = Math.max(longest, phrase.split(' ').length)
      }
    }
    this.longestPhrase = longest
  }

  /** All phrases equivalent to `phrase` (itself included), or undefined. */
  equivalents(phrase: string): string[] | undefined {
    return this.phrasesBySpelling.get(phrase)
  }
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)]
}
