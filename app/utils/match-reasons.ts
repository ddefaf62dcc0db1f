import type { MatchReasons } from '#search/matching/score.ts'
import { CONTRACT_LABELS, EXPERIENCE_LABELS, LANGUAGE_LEVEL_LABELS } from './labels.ts'

export type MatchFlag = { label: string; ok: boolean | null }

/** The scorer's reasons as French lines (skills) and flags (distance, contract, availability, level, English). */
export function describeMatch(r: MatchReasons): { skills: string[]; flags: MatchFlag[] } {
  const skills = [
    r.requiredMet.length ? `Compétences demandées présentes : ${r.requiredMet.join(', ')}` : null,
    r.requiredMissing.length ? `Compétences demandées manquantes : ${r.requiredMissing.join(', ')}` : null,
    r.related.length ? `Compétences proches : ${r.related.map((x) => `${x.via} pour ${x.wanted}`).join(', ')}` : null,
    r.niceToHaveMet.length ? `Atouts appréciés : ${r.niceToHaveMet.join(', ')}` : null,
  ].filter((line): line is string => line !== null)

  const flags: MatchFlag[] = []
  if (r.remotePolicy === 'full_remote') flags.push({ label: 'Télétravail complet : accessible de partout', ok: true })
  else if (r.distanceKm === null) flags.push({ label: 'Distance inconnue', ok: null })
  else {
    const hybrid = r.remotePolicy === 'hybrid' ? ' (poste hybride)' : ''
    flags.push(r.reachable
      ? { label: `À ${r.distanceKm} km, dans le rayon de mobilité${hybrid}`, ok: true }
      : { label: `À ${r.distanceKm} km, au-delà du rayon de mobilité${hybrid}`, ok: false })
  }
  const contract = CONTRACT_LABELS[r.contract.type]
  if (r.contract.wished === true) flags.push({ label: `${contract} compatible`, ok: true })
  else if (r.contract.wished === false) flags.push({ label: `${contract} non recherché`, ok: false })
  if (r.lateDays !== null) {
    flags.push(r.lateDays === 0
      ? { label: 'Disponible à temps', ok: true }
      : { label: `Disponible ${r.lateDays} jour${r.lateDays > 1 ? 's' : ''} après le début`, ok: false })
  }
  flags.push(r.level.ok
    ? { label: 'Niveau d’expérience adapté', ok: true }
    : { label: `Expérience demandée : ${EXPERIENCE_LABELS[r.level.offer]}`, ok: false })
  if (r.english) {
    const level = r.english.level ? LANGUAGE_LEVEL_LABELS[r.english.level] : 'non renseigné'
    flags.push({ label: `Anglais demandé (niveau : ${level})`, ok: r.english.ok })
  }
  return { skills, flags }
}
