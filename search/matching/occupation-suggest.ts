import { suggestOccupation } from '../occupations.ts'

/**
 * Target occupations to suggest on a profile: votes of the skills held (each
 * skill points to the trades whose offers ask for it, curated below), plus the
 * occupation the training's or speciality's wording names, at most 3.
 */
const SKILL_TRADES: Record<string, string[]> = {
  php: ['M1855'], symfony: ['M1855'], laravel: ['M1855'], wordpress: ['M1855'], 'html-css': ['M1855'], javascript: ['M1855', 'M1805'],
  typescript: ['M1855'], react: ['M1855'], vuejs: ['M1855'], angular: ['M1855'], nodejs: ['M1855'],
  java: ['M1805'], spring: ['M1805'], csharp: ['M1805'], dotnet: ['M1805'], python: ['M1805', 'M1811'], go: ['M1805'], cpp: ['M1805'],
  kotlin: ['M1861'], swift: ['M1861'], flutter: ['M1861'], dart: ['M1861'], 'react-native': ['M1861'],
  linux: ['M1801'], 'windows-server': ['M1801', 'M1810'], reseaux: ['M1816', 'M1801'], cybersecurite: ['M1819'], support: ['I1404', 'I1401'],
  docker: ['M1827'], kubernetes: ['M1827'], 'ci-cd': ['M1827'], aws: ['M1860'], azure: ['M1860'],
  sql: ['M1894', 'M1419'], postgresql: ['M1894'], mysql: ['M1894'], mongodb: ['M1894'], 'power-bi': ['M1419'], 'machine-learning': ['M1405'],
  figma: ['E1206'], 'ux-design': ['E1206'], seo: ['M1718'], 'google-ads': ['M1718'], 'reseaux-sociaux': ['M1718'], scrum: ['M1828'],
}

export function suggestTargetOccupations(training: string, skills: readonly { slug: string; level: number }[]): string[] {
  const votes = new Map<string, number>()
  for (const s of skills) for (const code of SKILL_TRADES[s.slug] ?? []) votes.set(code, (votes.get(code) ?? 0) + s.level)
  const named = training.trim() ? suggestOccupation(training) : null
  // The training's own wording counts like three skills held well.
  if (named) votes.set(named, (votes.get(named) ?? 0) + 9)
  return [...votes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 3).map(([code]) => code)
}
