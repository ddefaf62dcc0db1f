/**
 * Skills close enough that holding one is partial proof of the other (a
 * JavaScript developer learns TypeScript quickly). Symmetric, by slug of the
 * taxonomy (db/reference/skills.ts). Synonyms ("JS", "ECMAScript") are not
 * here: they are aliases of the same skill and count in full.
 */
const PAIRS: [string, string][] = [
  ['javascript', 'typescript'],
  ['javascript', 'nodejs'],
  ['typescript', 'nodejs'],
  ['react', 'react-native'],
  ['react', 'vuejs'],
  ['vuejs', 'angular'],
  ['mysql', 'postgresql'],
  ['sql', 'mysql'],
  ['sql', 'postgresql'],
  ['php', 'symfony'],
  ['php', 'laravel'],
  ['symfony', 'laravel'],
  ['java', 'kotlin'],
  ['java', 'spring'],
  ['csharp', 'dotnet'],
  ['python', 'django'],
  ['flutter', 'dart'],
  ['flutter', 'react-native'],
  ['docker', 'kubernetes'],
  ['aws', 'azure'],
  ['linux', 'windows-server'],
  ['reseaux', 'cybersecurite'],
  ['figma', 'ux-design'],
  ['seo', 'google-ads'],
  ['git', 'ci-cd'],
]

const RELATED = new Map<string, Set<string>>()
for (const [a, b] of PAIRS) {
  RELATED.set(a, (RELATED.get(a) ?? new Set()).add(b))
  RELATED.set(b, (RELATED.get(b) ?? new Set()).add(a))
}

const NONE: ReadonlySet<string> = new Set()

/** The slugs related to `slug` (never itself). */
export function relatedSkills(slug: string): ReadonlySet<string> {
  return RELATED.get(slug) ?? NONE
}
