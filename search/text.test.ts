import { describe, expect, it } from 'vitest'
import { isRoleNoun } from './synonyms.ts'
import { writtenAsSyntax } from './text.ts'

describe('a query written in a search syntax (never relaxed, decision 001)', () => {
  it('is one with a field prefix, quotes, a leading minus, parentheses or a star', () => {
    for (const text of ['title:web', '"développeur web"', 'développeur -web', 'NEAR(web', 'dév*', 'col:web full']) expect(writtenAsSyntax(text)).toBe(true)
  })

  it('is not one of plain words, hyphenated words, symbolic skills or an apostrophe', () => {
    for (const text of ['développeur web', 'full-stack', 'C# / .NET', 'C++', "développeur d'application", 'AND OR NOT', 'bac+5']) expect(writtenAsSyntax(text)).toBe(false)
  })
})

describe('head nouns of job titles (dropped before field words when relaxing)', () => {
  it('are single role words in either gender or short form, not the phrases that name a field', () => {
    for (const word of ['ingenieur', 'ingenieure', 'responsable', 'technicienne', 'dev', 'architecte']) expect(isRoleNoun(word)).toBe(true)
    for (const phrase of ['chef de projet', 'data engineer', 'administrateur systeme', 'web', 'support', 'java']) expect(isRoleNoun(phrase)).toBe(false)
  })
})
