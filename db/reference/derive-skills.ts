/**
 * Derives db/reference/data/skills.json, the skills vocabulary, from two sources:
 * - our curation, db/reference/skills-curated.txt: the tools and skills digital
 *   offers really name, with the spellings people write (categories for the pickers);
 * - France Travail's ROME 4.0 referential, version 60 (25M09), Licence Ouverte —
 *   « Source : France Travail, ROME 4.0 version 60 (25M09), Licence Ouverte. » —
 *   read from ../shared/data/rome/ (see its SOURCES.md): each skill records the
 *   ROME savoirs and competences that name it (by a spelling, as whole words) in
 *   the digital fiches, and the script lists the digital savoirs of type
 *   "langages" or "logiciels" no curated spelling names, for the next curation.
 * The output is committed: nothing reads ../shared at run time.
 *
 *   npx tsx db/reference/derive-skills.ts [path/to/rome]
 */
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { tokenize } from '../../search/text.ts'
import rome from './data/rome-occupations.json' with { type: 'json' }
import { readRomeCsv } from './rome-csv.ts'

const source = process.argv[2] ?? path.resolve(import.meta.dirname, '../../../shared/data/rome')
const curatedFile = path.resolve(import.meta.dirname, 'skills-curated.txt')
const out = path.resolve(import.meta.dirname, 'data/skills.json')
const CATEGORIES = ['langage', 'framework', 'donnees', 'systemes', 'cloud', 'infra', 'securite', 'erp', 'methode', 'design', 'marketing', 'outil']

type Curated = { slug: string; name: string; category: string; aliases: string[] }
const curated: Curated[] = []
let category = ''
for (const line of readFileSync(curatedFile, 'utf8').split('\n')) {
  if (line.startsWith('## ')) category = line.slice(3).trim()
  if (!line.includes('|') || line.startsWith('#')) continue
  const [slug, name, aliases] = line.split('|').map((part) => part.trim()) as [string, string, string]
  if (!CATEGORIES.includes(category)) throw new Error(`${slug}: unknown category ${category}`)
  curated.push({ slug, name, category, aliases: aliases ? aliases.split(';').map((a) => a.trim()).filter(Boolean) : [] })
}

// One meaning per spelling: a spelling two skills share would make search and extraction guess.
const owner = new Map<string, string>()
for (const skill of curated) {
  if ([...owner.values()].includes(skill.slug)) throw new Error(`duplicate slug ${skill.slug}`)
  for (const spelling of [skill.name, ...skill.aliases]) {
    const key = tokenize(spelling).join(' ')
    const other = owner.get(key)
    if (other && other !== skill.slug) throw new Error(`"${spelling}" spells both ${other} and ${skill.slug}`)
    owner.set(key, skill.slug)
  }
}

// A word people type alone for a field ("ingénieur web") must not begin a spelling ("WebLogic"): typed last, it would
// be read as that skill being typed, and rank by it (bench:relevance, "generic" queries). Such a tool is named otherwise.
const GENERIC_WORDS = ['web', 'support', 'securite', 'projet', 'donnees', 'systeme', 'systemes', 'reseau', 'reseaux', 'informatique']
for (const [spelling, slug] of owner) {
  const first = spelling.split(' ')[0]!
  const clash = GENERIC_WORDS.includes(first) ? undefined : GENERIC_WORDS.find((word) => first.startsWith(word))
  if (clash) throw new Error(`"${spelling}" (${slug}) begins with the generic word "${clash}"`)
}

// ROME: the savoirs and competences of the digital fiches.
const digital = new Set(rome.occupations.map((o) => o.code))
const savoirs = new Map(readRomeCsv(source, 'unix_referentiel_savoir_v460_utf8.csv').map((r) => [r.code_ogr_savoir!, r]))
const competences = new Map(readRomeCsv(source, 'unix_referentiel_competence_v460_utf8.csv').map((r) => [r.code_ogr!, r.libelle_competence!]))
const romeItems = new Map<string, { label: string; occupations: Set<string>; software: boolean }>()
for (const link of readRomeCsv(source, 'unix_liens_rome_referentiels_v460_utf8.csv')) {
  if (!digital.has(link.code_rome!)) continue
  const savoir = savoirs.get(link.code_ogr!)
  const label = savoir?.libelle_savoir ?? competences.get(link.code_ogr!)
  if (!label) continue
  const item = romeItems.get(link.code_ogr!) ?? {
    label, occupations: new Set<string>(),
    software: /Langages informatiques|Logiciels, progiciels/.test(savoir?.sous_categorie_savoir ?? ''),
  }
  item.occupations.add(link.code_rome!)
  romeItems.set(link.code_ogr!, item)
}

const contains = (words: string[], phrase: string[]) =>
  words.some((_, i) => phrase.every((token, k) => words[i + k] === token))
const named = new Set<string>()
const skills = curated.map((skill) => {
  const spellings = [skill.name, ...skill.aliases].map((s) => tokenize(s)).filter((t) => t.join('').length > 1)
  const items = [...romeItems].filter(([, item]) => {
    const words = tokenize(item.label)
    return spellings.some((phrase) => contains(words, phrase))
  })
  items.forEach(([code]) => named.add(code))
  const occupations = [...new Set(items.flatMap(([, item]) => [...item.occupations]))].sort()
  return { ...skill, rome: { savoirs: items.map(([code]) => code).sort(), occupations } }
})

writeFileSync(out, `${JSON.stringify({
  source: 'Curated list (db/reference/skills-curated.txt), cross-referenced with France Travail, ROME 4.0 version 60 (25M09), Licence Ouverte',
  skills,
}, null, 1)}\n`)
const unnamed = [...romeItems].filter(([code, item]) => item.software && !named.has(code))
console.log(`${skills.length} skills, ${skills.reduce((n, s) => n + s.aliases.length, 0)} aliases; ${skills.filter((s) => s.rome.savoirs.length).length} named by ROME's digital fiches`)
console.log(`ROME digital software/language savoirs no spelling names (${unnamed.length}):`)
for (const [code, item] of unnamed) console.log(`  ${code} ${item.label}`)
