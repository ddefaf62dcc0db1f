import { readFileSync } from 'node:fs'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'
import type { ContractType } from '../domain.ts'
import { atPlace, frenchList } from './description.ts'
import type { Random } from './random.ts'

/**
 * Offers of every trade, drawn from France Travail's ROME referential
 * (db/reference/data/rome-vocabulary.json.gz, derived by
 * db/reference/derive-rome-vocabulary.ts), with the long tail of words real
 * offers carry: the names of clients, projects and in-house tools, and a few
 * typos. Only benchmarks ask for them (seedDemo's wideVocabulary): the demo
 * stays a board of digital jobs.
 */
type Fiche = { code: string; label: string; titles: number[]; skills: number[]; knowledge: number[]; contexts: number[]; sentences: number[] }
type RomeVocabulary = { phrases: string[]; fiches: Fiche[] }

let loaded: RomeVocabulary | null = null
function rome(): RomeVocabulary {
  loaded ??= JSON.parse(
    gunzipSync(readFileSync(path.resolve('db/reference/data/rome-vocabulary.json.gz'))).toString('utf8'),
  ) as RomeVocabulary
  return loaded
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ra', 'te', 'vo', 'zen', 'dri', 'sol', 'nex', 'pha', 'qui', 'bor', 'tal', 'vik', 'gra',
  'lu', 'nor', 'pel', 'ris', 'sha', 'tor', 'um', 'val', 'wen', 'xo', 'yr', 'zo', 'bel', 'cor', 'dun', 'fel', 'gil', 'hal',
  'ith', 'jas', 'kor', 'lim', 'mor', 'nal', 'ost', 'pry', 'quo', 'rin', 'sev', 'tis', 'ulm', 'ver', 'wyn', 'zar']

/** A made-up proper name (client, project, tool): most are new, as in real offers. */
function properName(rng: Random): string {
  const n = rng.int(2, 4)
  let name = ''
  for (let k = 0; k < n; k++) name += rng.pick(SYLLABLES)
  return name[0]!.toUpperCase() + name.slice(1)
}

/** One letter dropped, doubled, swapped or replaced, in about one word out of `every`. */
function withTypos(rng: Random, text: string, every: number): string {
  return text.replace(/\p{L}{6,}/gu, (word) => {
    if (!rng.chance(1 / every)) return word
    const at = rng.int(1, word.length - 2)
    const kind = rng.int(0, 3)
    if (kind === 0) return word.slice(0, at) + word.slice(at + 1)
    if (kind === 1) return word.slice(0, at) + word[at] + word.slice(at)
    if (kind === 2) return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2)
    return word.slice(0, at) + 'aeioulnrst'[rng.int(0, 9)] + word.slice(at + 1)
  })
}

/** The sentence that brings the long tail: who the job works for, on what. */
export function longTailSentence(rng: Random): string {
  return `Vous interviendrez pour nos clients ${properName(rng)} et ${properName(rng)}, sur le projet ${properName(rng)} (outil interne ${properName(rng)}).`
}

export type RomeOffer = { title: string; description_md: string }

/** A whole offer of any trade: a fiche métier's title, missions, knowledge, contexts and definition. */
export function romeOffer(rng: Random, input: { companyName: string; communeName: string; contract: ContractType }): RomeOffer {
  const { phrases, fiches } = rome()
  const fiche = rng.pick(fiches)
  const text = (indexes: number[], count: number) => rng.sample(indexes, Math.min(count, indexes.length)).map((k) => phrases[k]!)
  const title = phrases[rng.pick(fiche.titles)]!
  const definition = text(fiche.sentences, 3).map((d) => (/[.!?:)]$/.test(d) ? d : `${d}.`))
  const missions = text(fiche.skills, rng.int(3, 6))
  const knowledge = text(fiche.knowledge, rng.int(2, 4))
  const contexts = text(fiche.contexts, 2)
  const description = [
    '## Le poste', '',
    `${input.companyName} recrute ${atPlace(input.communeName)} : ${title} (${input.contract.toUpperCase()}). ${definition.join(' ')}`, '',
    '## Vos missions', '', ...missions.map((m) => `- ${m}`), '',
    '## Votre profil', '', `- Connaissances : ${frenchList(knowledge.map((k) => k.toLowerCase()))}.`,
    ...(contexts.length ? [`- Conditions : ${frenchList(contexts.map((c) => c.toLowerCase()))}.`] : []), '',
    longTailSentence(rng),
  ].join('\n')
  return { title, description_md: withTypos(rng, description, 40) }
}
