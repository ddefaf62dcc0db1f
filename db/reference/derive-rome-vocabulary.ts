/**
 * Derives db/reference/data/rome-vocabulary.json.gz from France Travail's
 * ROME 4.0 referential, version 60 (25M09), published under the Licence
 * Ouverte / Open Licence (Etalab) — « Source : France Travail, ROME 4.0
 * version 60 (25M09), Licence Ouverte. » The CSV extract is read from
 * ../shared/data/rome/ (see its SOURCES.md); the output is committed, so
 * nothing reads ../shared at run time.
 *
 *   npx tsx db/reference/derive-rome-vocabulary.ts [path/to/rome]
 *
 * What it keeps, per fiche métier (all 1,584 of them, every family): the
 * label, the job titles (appellations, short form), the savoir-faire and
 * savoir-être (competences), the savoirs, the work contexts, and the
 * sentences of its definition and access texts. Phrases are stored once and
 * referred to by index. The deterministic generator (db/seed/rome-offers.ts)
 * draws offers from it when a benchmark asks for a national-scale vocabulary.
 */
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { readRomeCsv } from './rome-csv.ts'

const source = process.argv[2] ?? path.resolve(import.meta.dirname, '../../../shared/data/rome')
const out = path.resolve(import.meta.dirname, 'data/rome-vocabulary.json.gz')

const readCsv = (file: string) => readRomeCsv(source, file)

const phrases: string[] = []
const phraseIndex = new Map<string, number>()
const phrase = (text: string) => {
  const clean = text.replace(/\s+/g, ' ').trim()
  let index = phraseIndex.get(clean)
  if (index === undefined) {
    index = phrases.length
    phrases.push(clean)
    phraseIndex.set(clean, index)
  }
  return index
}

type Fiche = { code: string; label: string; titles: number[]; skills: number[]; knowledge: number[]; contexts: number[]; sentences: number[] }
const fiches = new Map<string, Fiche>()
for (const r of readCsv('unix_referentiel_code_rome_v460_utf8.csv')) {
  fiches.set(r.code_rome!, { code: r.code_rome!, label: r.libelle_rome!, titles: [], skills: [], knowledge: [], contexts: [], sentences: [] })
}
for (const r of readCsv('unix_referentiel_appellation_v460_utf8.csv')) fiches.get(r.code_rome!)?.titles.push(phrase(r.libelle_appellation_court!))

const competences = new Map(readCsv('unix_referentiel_competence_v460_utf8.csv').map((r) => [r.code_ogr!, r.libelle_competence!]))
const savoirs = new Map(readCsv('unix_referentiel_savoir_v460_utf8.csv').map((r) => [r.code_ogr_savoir!, r.libelle_savoir!]))
const contexts = new Map(readCsv('unix_referentiel_contexte_travail_v460_utf8.csv').map((r) => [r.code_ogr!, r.libelle_cont_travail!]))
for (const r of readCsv('unix_liens_rome_referentiels_v460_utf8.csv')) {
  const fiche = fiches.get(r.code_rome!)
  if (!fiche) continue
  if (r.code_compo_bloc === '5' && (r.code_rubrique === '1' || r.code_rubrique === '2')) {
    const text = competences.get(r.code_ogr!)
    if (text) fiche.skills.push(phrase(text))
  } else if (r.code_compo_bloc === '5' && r.code_rubrique === '3') {
    const text = savoirs.get(r.code_ogr!)
    if (text) fiche.knowledge.push(phrase(text))
  } else if (r.code_compo_bloc === '6') {
    const text = contexts.get(r.code_ogr!)
    if (text) fiche.contexts.push(phrase(text))
  }
}
for (const r of readCsv('unix_texte_v460_utf8.csv')) fiches.get(r.code_rome!)?.sentences.push(phrase(r.libelle_texte!))

const usable = [...fiches.values()].filter((f) => f.titles.length > 0)
const json = JSON.stringify({
  source: 'France Travail, ROME 4.0 version 60 (25M09), Licence Ouverte / Open Licence (Etalab)',
  phrases,
  fiches: usable,
})
writeFileSync(out, gzipSync(json, { level: 9 }))
console.log(`${usable.length} fiches, ${phrases.length} phrases, ${(json.length / 1e6).toFixed(1)} MB of JSON → ${out}`)
