import type { Settings } from 'meilisearch'
import type { Synonyms } from '../synonyms.ts'
import type { DocumentKind } from '../sync/index-writer.ts'
import type { OfferDocument, ProfileDocument } from './documents.ts'

type OfferAttribute = keyof OfferDocument
type ProfileAttribute = keyof ProfileDocument

/**
 * Settings of the offer index, mirroring docs/decisions/001-embedded-search.md
 * (written after Meilisearch's own defaults). Needs Meilisearch ≥ 1.36 for
 * the attributeRank ranking rule.
 */
export function offerIndexSettings(synonyms: Synonyms): Settings {
  return {
    // Relevance tiers: the title, then skills or company, then the description.
    // skillTokens is last and only ever searched by the match shortlists (attributesToSearchOn).
    searchableAttributes: ['title', 'skillsAndCompany', 'description', 'skillTokens'] satisfies OfferAttribute[],
    filterableAttributes: [
      'contractType', 'remotePolicy', 'experienceLevel', 'territory', 'company', 'skills', 'occupation',
      'yearlySalary', 'salarySteps', 'publishedAtMs', 'expiresAtMs', 'located', '_geo',
    ] satisfies OfferAttribute[],
    sortableAttributes: ['publishedAtMs', 'yearlySalary', 'id', '_geo'] satisfies OfferAttribute[],
    // `sort` first: a user who sorts by date or salary gets exactly that order, as with the embedded
    // engine. Without a sort: exact words before typos, then the attribute, then newest first.
    // No proximity or word position: the embedded engine ranks neither, and results must agree.
    rankingRules: ['sort', 'words', 'typo', 'attributeRank', 'publishedAtMs:desc', 'id:desc'],
    typoTolerance: {
      enabled: true,
      // Meilisearch's defaults, which the embedded engine copies: 1 typo from 5 letters, 2 from 9.
      minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 },
      // Skill tokens must match exactly: "mysql" is not a typo of "mssql".
      disableOnAttributes: ['skillTokens'] satisfies OfferAttribute[],
    },
    stopWords: [],
    synonyms: synonymsSetting(synonyms),
    faceting: {
      // Facets list the most frequent values; counting by frequency keeps them when truncated.
      maxValuesPerFacet: MAX_VALUES_PER_FACET,
      sortFacetValuesBy: { '*': 'count' },
    },
    // Totals must be exact, as the embedded engine's are; only the requested page is ever sorted.
    pagination: { maxTotalHits: MAX_TOTAL_HITS },
  }
}

/** The profile index only serves "candidates for this offer": skills, place and radius, nothing to read. */
export function profileIndexSettings(): Settings {
  return {
    searchableAttributes: ['skillTokens'] satisfies ProfileAttribute[],
    filterableAttributes: ['skills', 'mobilityKm', 'located', '_geo'] satisfies ProfileAttribute[],
    sortableAttributes: [],
    rankingRules: ['words', 'id:asc'],
    // Queries are skill tokens, never typed by a person: exact words only.
    typoTolerance: { enabled: false },
    prefixSearch: 'disabled',
    stopWords: [],
    synonyms: {},
  }
}

export function indexSettings(kind: DocumentKind, synonyms: Synonyms): Settings {
  return kind === 'offer' ? offerIndexSettings(synonyms) : profileIndexSettings()
}

/** Far above any company or skill count of a national board; facets show the top 30 anyway. */
export const MAX_VALUES_PER_FACET = 1000
export const MAX_TOTAL_HITS = 1_000_000

/**
 * Every spelling of a skill leads to all the others, as token phrases (the
 * same as the embedded engine's), and to the one word a spelling of several
 * words is in the documents' skillsAndCompany ("amazonwebservices",
 * documents.ts): only the whole phrase, or another spelling, reaches it.
 */
export function synonymsSetting(synonyms: Synonyms): Record<string, string[]> {
  const setting: Record<string, string[]> = {}
  for (const [phrase, others] of synonyms.pairs()) {
    const phrases = [phrase, ...others]
    const group = [...new Set([...phrases, ...phrases.filter((p) => p.includes(' ')).map((p) => p.replaceAll(' ', ''))])]
    for (const member of group) setting[member] ??= group.filter((p) => p !== member)
  }
  return setting
}
