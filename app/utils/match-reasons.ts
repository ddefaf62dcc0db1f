import { occupationLabel } from '#db/reference/occupations.ts'
import { AVAILABILITY_GRACE_DAYS, HYBRID_RADIUS_FACTOR, WEIGHTS, type Criterion } from '#search/matching/weights.ts'
import type { Exclusion, MatchReasons } from '#search/matching/score.ts'
import { CANDIDATE_EXPERIENCE_LABELS, CONTRACT_LABELS, EXPERIENCE_LABELS, LANGUAGE_LEVEL_LABELS } from './labels.ts'

/**
 * One line per criterion, with the points it gave: the lines add up to the
 * score (each criterion is rounded on its own, score-criteria.ts). An offer
 * a constraint of the candidate rules out gets the lines saying which, and 0.
 * `ok`: true met, false not met, null neither (unknown, partly).
 */
export type MatchLine = { criterion: Criterion | 'excluded'; label: string; points: number; max: number; ok: boolean | null }

// One formatter for the module: `toLocaleDateString` with options builds a new one at each call
// (~45 µs here, against 1 µs), which the planning page paid for each of its 150 explained matches.
const dayFormat = new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' })
const day = (iso: string) => dayFormat.format(new Date(`${iso}T12:00:00Z`))
const plural = (n: number, word: string) => `${n} ${word}${n > 1 ? 's' : ''}`

export function describeMatch(r: MatchReasons): MatchLine[] {
  if (r.excluded.length) return r.excluded.map((e) => ({ criterion: 'excluded', label: exclusionLabel(e, r), points: 0, max: 0, ok: false }))
  const line = (criterion: Criterion, label: string, ok: boolean | null): MatchLine =>
    ({ criterion, label, points: r.points[criterion], max: WEIGHTS[criterion], ok })
  return [
    line('requiredSkills', requiredLabel(r), r.evidence !== null ? null : r.requiredMissing.length === 0),
    line('niceToHaveSkills', r.niceToHaveCount === 0
      ? 'Aucun atout supplémentaire demandé'
      : r.niceToHaveMet.length ? `Atouts appréciés : ${r.niceToHaveMet.join(', ')}` : 'Aucun des atouts appréciés', r.niceToHaveCount === 0 || r.niceToHaveMet.length === r.niceToHaveCount),
    line('occupation', occupationText(r), r.occupation.fit === 'same' || r.occupation.fit === 'neighbour' ? true : r.occupation.fit === 'other' ? false : null),
    line('distance', distanceText(r), r.remotePolicy === 'full_remote' || r.reachable === true ? true : r.reachable === null ? null : false),
    line('contract', r.contract.wished
      ? `${CONTRACT_LABELS[r.contract.type]} compatible`
      : `${CONTRACT_LABELS[r.contract.type]} : aucun contrat recherché indiqué sur votre profil`, r.contract.wished ? true : null),
    line('level', r.level.ok
      ? `Niveau d’expérience adapté (${EXPERIENCE_LABELS[r.level.offer]} ; ${candidateLevel(r)})`
      : `Expérience demandée : ${EXPERIENCE_LABELS[r.level.offer]}, un niveau au-dessus (${candidateLevel(r)})`, r.level.ok),
    line('availability', availabilityText(r), r.lateDays === null ? null : r.lateDays === 0),
    line('english', r.english
      ? `Anglais demandé (niveau : ${r.english.level ? LANGUAGE_LEVEL_LABELS[r.english.level] : 'non renseigné'})`
      : 'Anglais non demandé', r.english ? r.english.ok : true),
  ]
}

function requiredLabel(r: MatchReasons): string {
  if (r.evidence !== null) {
    return `Aucune compétence exigée : moitié selon le métier, moitié selon vos compétences que l’annonce cite (${r.evidence.length ? r.evidence.join(', ') : 'aucune'})`
  }
  return [
    r.requiredMet.length ? `Compétences demandées présentes : ${r.requiredMet.join(', ')}` : null,
    r.requiredMissing.length ? `Compétences demandées manquantes : ${r.requiredMissing.join(', ')}` : null,
    r.related.length ? `Compétences proches : ${r.related.map((x) => `${x.via} pour ${x.wanted}`).join(', ')}` : null,
  ].filter(Boolean).join(' ; ')
}

function occupationText(r: MatchReasons): string {
  const { offer, fit, via } = r.occupation
  if (fit === 'same') return `Métier visé : ${occupationLabel(offer!)}`
  if (fit === 'neighbour') return `Métier proche de votre métier visé (${occupationLabel(via!)}) : ${occupationLabel(offer!)}`
  if (fit === 'other') return `Métier du poste hors de vos métiers visés : ${occupationLabel(offer!)}`
  return offer ? 'Aucun métier visé sur votre profil' : 'Métier du poste non précisé'
}

function distanceText(r: MatchReasons): string {
  if (r.remotePolicy === 'full_remote') return 'Télétravail complet : accessible de partout'
  if (r.distanceKm === null) return 'Lieu inconnu : distance non évaluée'
  const radius = `${Math.round(r.reachKm!)} km${r.remotePolicy === 'hybrid' ? `, rayon ×${String(HYBRID_RADIUS_FACTOR).replace('.', ',')} pour un poste hybride` : ''}`
  return r.reachable
    ? `À ${r.distanceKm} km, dans le rayon de mobilité (${radius})`
    : `À ${r.distanceKm} km, au-delà du rayon de mobilité (${radius}) : vous êtes mobile partout en France`
}

function candidateLevel(r: MatchReasons): string {
  const how = r.level.from === 'entries' ? 'd’après vos expériences datées' : r.level.from === 'graduation' ? 'd’après votre année de diplôme' : 'aucune expérience indiquée'
  return `vous : ${CANDIDATE_EXPERIENCE_LABELS[r.level.candidate]}, ${how}`
}

function availabilityText(r: MatchReasons): string {
  const start = r.startDate ? `début le ${day(r.startDate)}` : 'début dès que possible'
  if (r.lateDays === null) return `Disponibilité non indiquée (${start})`
  return r.lateDays === 0 ? `Disponible à temps (${start})` : `Disponible ${plural(r.lateDays, 'jour')} après le ${start}`
}

function exclusionLabel(e: Exclusion, r: MatchReasons): string {
  switch (e) {
    case 'contract': return `Écartée : ${CONTRACT_LABELS[r.contract.type]} non recherché`
    case 'remote': return 'Écartée : poste sur site ou hybride, vous cherchez du télétravail complet uniquement'
    case 'distance': return `Écartée : à ${r.distanceKm} km, au-delà du rayon de mobilité (${Math.round(r.reachKm!)} km)`
    case 'level': return `Écartée : expérience demandée ${EXPERIENCE_LABELS[r.level.offer]}, deux niveaux ou plus au-dessus (${candidateLevel(r)})`
    case 'trade': return 'Écartée : métier hors de vos métiers visés (ou non précisé) et moins de la moitié des compétences demandées'
    case 'availability': return `Écartée : disponible ${plural(r.lateDays!, 'jour')} après le début, au-delà de ${AVAILABILITY_GRACE_DAYS} jours`
  }
}
