import { OCCUPATIONS } from '#db/reference/occupations.ts'
import { fold } from './text.ts'

/**
 * Suggests the ROME occupation of a job title by matching it against the
 * appellations (ROME's 675 digital job titles, both genders): the occupation
 * whose title shares the rarest words with it wins. Used for offers imported
 * or saved without an occupation, and to pre-select the recruiter's choice.
 */
const STOP = new Set(['de', 'du', 'des', 'la', 'le', 'les', 'l', 'd', 'en', 'et', 'a', 'au', 'aux', 'h', 'f', 'se', 'e', 'ne', 'rice', 'euse', 'fe', 'un', 'une', 'pour', 'sur', 'ou'])

function words(text: string): string[] {
  return fold(text)
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0 && !STOP.has(w))
    .map(stem)
}

/** Gender and plural endings folded together: développeuse/développeur, administratrice/administrateur, réseaux/réseau. */
function stem(word: string): string {
  if (word.length <= 3) return word
  return word
    .replace(/euses?$/, 'eur')
    .replace(/rices?$/, 'teur')
    .replace(/trices?$/, 'teur')
    .replace(/(eaux|eau)$/, 'eau')
    .replace(/ennes?$/, 'en')
    .replace(/(ieres?|iers)$/, 'ier')
    .replace(/es$/, '')
    .replace(/s$/, '')
    .replace(/e$/, '')
}

/** "Développeur / Développeuse web full-stack" → ["Développeur web full-stack", "Développeuse web full-stack"]. */
export function genderedForms(label: string): string[] {
  const slash = label.indexOf(' / ')
  if (slash < 0) return [label]
  const left = label.slice(0, slash)
  const right = label.slice(slash + 3)
  const leftWords = left.split(' ').length
  const rest = right.split(' ').slice(leftWords).join(' ')
  return [`${left} ${rest}`.trim(), right]
}

type Title = { code: string; words: string[]; principal: boolean }
const TITLES: Title[] = OCCUPATIONS.flatMap((o) =>
  o.appellations.flatMap((a) =>
    genderedForms(a.label).map((form) => ({ code: o.code, words: [...new Set(words(form))], principal: a.label === o.label })),
  ),
)
// Rare words say more: "devops" names one occupation, "informatique" dozens.
const documentFrequency = new Map<string, number>()
for (const t of TITLES) for (const w of t.words) documentFrequency.set(w, (documentFrequency.get(w) ?? 0) + 1)
const weight = (w: string) => Math.log(1 + TITLES.length / (documentFrequency.get(w) ?? 0.5))

/** Extra words offers use that ROME's titles do not: stack names point to the development occupations. */
const ROLE_HINTS: [RegExp, string][] = [
  [/\b(full[- ]?stack|front[- ]?end|back[- ]?end|wordpress|php|symfony|laravel|react|angular|vue|node|javascript|typescript|integrat)/, 'M1855'],
  [/\b(java|spring|\.net|dotnet|c#|csharp|python|golang|rust|kotlin)\b/, 'M1805'],
  [/\b(mobile|flutter|android|ios|react native)\b/, 'M1861'],
  [/\b(c\+\+|cpp|embarqu)/, 'M1892'],
  [/\b(support|helpdesk|hotline|assistance)\b/, 'I1404'],
  [/\b(testeur|testeuse|qa|recette)\b/, 'M1815'],
  [/\b(sysadmin|admin sys)\b/, 'M1801'],
]

export function suggestOccupation(title: string): string | null {
  const titleWords = new Set(words(title))
  if (titleWords.size === 0) return null
  let best: { code: string; score: number; coverage: number; principal: boolean } | null = null
  for (const t of TITLES) {
    let matched = 0
    let total = 0
    for (const w of t.words) {
      const wt = weight(w)
      total += wt
      if (titleWords.has(w)) matched += wt
    }
    if (matched === 0) continue
    const coverage = matched / total
    // Shared rare words, scaled by how much of the ROME title the offer's title holds.
    const score = matched * (0.5 + coverage)
    if (!best || score > best.score + 1e-9 || (Math.abs(score - best.score) <= 1e-9 && t.principal && !best.principal)) {
      best = { code: t.code, score, coverage, principal: t.principal }
    }
  }
  const folded = fold(title)
  const hint = ROLE_HINTS.find(([pattern]) => pattern.test(folded))?.[1]
  // A strong title match wins; otherwise the stack named in the title decides; otherwise a partial match.
  if (best && best.coverage >= 0.99) return best.code
  if (hint) return hint
  return best && best.coverage >= 0.45 ? best.code : null
}
