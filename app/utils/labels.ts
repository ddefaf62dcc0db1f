import type {
  ApplicationStage, ContractType, DegreeLevel, ExperienceKind, ExperienceLevel, LanguageLevel, RemotePolicy, RemotePreference, SalaryPeriod,
} from '#db/domain.ts'
import type { OfferSource, OfferStatus, ReportReason, UserRole } from '#db/domain.ts'
import { EXPERIENCE_BANDS } from '#db/domain.ts'
import type { OfferSort } from '#search/types.ts'

export const CONTRACT_LABELS: Record<ContractType, string> = {
  cdi: 'CDI',
  cdd: 'CDD',
  alternance: 'Alternance',
  stage: 'Stage',
  freelance: 'Freelance',
  interim: 'Intérim',
}

export const REMOTE_LABELS: Record<RemotePolicy, string> = {
  on_site: 'Sur site',
  hybrid: 'Hybride',
  full_remote: 'Télétravail complet',
}
/** A hit's remote policy as a tag: an imported offer whose source says nothing is « non précisé » (decision 012). */
export const remoteLabelOf = (hit: { remotePolicy: RemotePolicy; remoteStated: boolean }) =>
  hit.remoteStated ? REMOTE_LABELS[hit.remotePolicy] : 'Télétravail non précisé'

// Built from EXPERIENCE_BANDS, the scorer's own definition, so a label never says another range than the one scored.
const years = (level: 'junior' | 'confirmed') => `${EXPERIENCE_BANDS[level].minYears} à ${EXPERIENCE_BANDS[level].maxYears} ans`
export const EXPERIENCE_LABELS: Record<ExperienceLevel, string> = {
  entry: 'Débutant·e accepté·e',
  junior: `Junior (${years('junior')})`,
  confirmed: `Confirmé·e (${years('confirmed')})`,
  senior: `Senior (plus de ${EXPERIENCE_BANDS.confirmed.maxYears} ans)`,
}
export const EXPERIENCE_KIND_LABELS: Record<ExperienceKind, string> = {
  internship: 'Stage',
  apprenticeship: 'Alternance',
  job: 'Emploi',
}

/** A candidate's own level, same bands. */
export const CANDIDATE_EXPERIENCE_LABELS: Record<ExperienceLevel, string> = {
  entry: `débutant·e (moins d’${EXPERIENCE_BANDS.junior.minYears === 1 ? 'un an' : `${EXPERIENCE_BANDS.junior.minYears} ans`})`,
  junior: `junior (${years('junior')})`,
  confirmed: `confirmé·e (${years('confirmed')})`,
  senior: `senior (plus de ${EXPERIENCE_BANDS.confirmed.maxYears} ans)`,
}

export const REMOTE_PREFERENCE_LABELS: Record<RemotePreference, string> = {
  on_site: 'Sur site',
  hybrid: 'Hybride',
  full_remote: 'Télétravail complet uniquement',
  any: 'Indifférent',
}

export const DEGREE_LABELS: Record<DegreeLevel, string> = {
  bac: 'Bac',
  bac2: 'Bac +2 (BTS, BUT 2e année…)',
  bac3: 'Bac +3 (licence, BUT…)',
  bac5: 'Bac +5 (master, diplôme d’ingénieur…)',
  bac8: 'Bac +8 (doctorat)',
}

/** For one-line summaries, e.g. an applicant's training. */
export const DEGREE_SHORT_LABELS: Record<DegreeLevel, string> = { bac: 'Bac', bac2: 'Bac +2', bac3: 'Bac +3', bac5: 'Bac +5', bac8: 'Bac +8' }

export const SKILL_LEVEL_LABELS: Record<number, string> = { 1: 'Notions', 2: 'Intermédiaire', 3: 'Avancé', 4: 'Expert' }

/** The languages a profile may list (ISO 639-1), in the order the form shows them. */
export const LANGUAGE_LABELS = {
  fr: 'Français',
  en: 'Anglais',
  nl: 'Néerlandais',
  de: 'Allemand',
  es: 'Espagnol',
  it: 'Italien',
  pt: 'Portugais',
  ar: 'Arabe',
  zh: 'Chinois',
  pl: 'Polonais',
  ru: 'Russe',
  ja: 'Japonais',
} as const
export type LanguageCode = keyof typeof LANGUAGE_LABELS
export const LANGUAGE_CODES = Object.keys(LANGUAGE_LABELS) as LanguageCode[]

export const LANGUAGE_LEVEL_LABELS: Record<LanguageLevel, string> = {
  a1: 'A1 – Débutant',
  a2: 'A2 – Élémentaire',
  b1: 'B1 – Intermédiaire',
  b2: 'B2 – Avancé',
  c1: 'C1 – Autonome',
  c2: 'C2 – Maîtrise',
  native: 'Langue maternelle',
}

/** The pipeline as the candidate sees it: what happened to their application, never the recruiters' wording. */
export const CANDIDATE_STAGE_LABELS: Record<ApplicationStage, string> = {
  new: 'Envoyée',
  reviewed: 'Consultée',
  interview: 'Entretien prévu',
  offer: 'Proposition reçue',
  hired: 'Retenue',
  rejected: 'Non retenue',
}

export const SORT_LABELS: Record<OfferSort, string> = {
  relevance: 'Pertinence',
  date: 'Plus récentes',
  distance: 'Distance',
  salary: 'Salaire',
}

const PERIOD_LABELS: Record<SalaryPeriod, string> = { year: 'an', month: 'mois', day: 'jour', hour: 'heure' }

const wholeEuros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 })
const eurosAndCents = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', minimumFractionDigits: 2 })
// Imported salaries keep their cents (decision 012): 1 801,80 €, never 1 802 €.
const euros = { format: (amount: number) => (Number.isInteger(amount) ? wholeEuros : eurosAndCents).format(amount) }

export function formatSalary(salary: { min: number | null; max: number | null; period: SalaryPeriod } | null): string | null {
  if (!salary || (salary.min == null && salary.max == null)) return null
  const per = ` brut / ${PERIOD_LABELS[salary.period]}`
  if (salary.min != null && salary.max != null && salary.min !== salary.max) {
    return `${euros.format(salary.min)} – ${euros.format(salary.max)}${per}`
  }
  return `${euros.format((salary.min ?? salary.max)!)}${per}`
}

export function formatEuros(amount: number): string {
  return euros.format(amount)
}

const dateFormat = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' })
export function formatDate(iso: string): string {
  return dateFormat.format(new Date(iso))
}

/** A calendar day ("2026-12-25", no time zone) in French: "25 décembre 2026". */
export function formatDay(day: string): string {
  return dateFormat.format(new Date(`${day}T12:00:00Z`))
}

/** A time of day ("09:00") the French way: "9 h", "12 h 20". */
export function formatTime(time: string): string {
  const [hours, minutes] = time.split(':')
  return `${Number(hours)} h${minutes && minutes !== '00' ? ` ${minutes}` : ''}`
}

// Built once: `toLocaleString('fr-FR')` builds a formatter at each call (4× the cost).
const countFormat = new Intl.NumberFormat('fr-FR')
export function formatCount(count: number, singular: string, plural: string): string {
  return `${countFormat.format(count)} ${count > 1 ? plural : singular}`
}

export const STAGE_LABELS: Record<ApplicationStage, string> = {
  new: 'Nouvelle',
  reviewed: 'Étudiée',
  interview: 'Entretien',
  offer: 'Proposition',
  hired: 'Embauche',
  rejected: 'Refusée',
}

/** The stage a recruiter reads: a withdrawn application says so first, then where it stood. */
export function recruiterStageText(a: { stage: ApplicationStage; withdrawn_at: string | null }): string {
  return a.withdrawn_at ? `Retirée par la personne le ${formatDate(a.withdrawn_at)} (était : ${STAGE_LABELS[a.stage]})` : STAGE_LABELS[a.stage]
}

const dateTimeFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' })
export function formatDateTime(iso: string): string {
  return dateTimeFormat.format(new Date(iso))
}

export const OFFER_STATUS_LABELS: Record<OfferStatus, string> = {
  draft: 'Brouillon',
  pending: 'En attente de modération',
  published: 'En ligne',
  closed: 'Clôturée',
  expired: 'Expirée',
}

/** Where an offer comes from (decision 012), as the offer page names it. */
export const SOURCE_LABELS: Record<OfferSource, string> = {
  manual: 'Passerelle',
  'france-travail': 'France Travail',
  jsonld: 'page carrières de l’entreprise',
}

export const ROLE_LABELS: Record<UserRole, string> = {
  candidate: 'Candidat·e',
  recruiter: 'Recruteur·se',
  organiser: 'Organisateur·rice',
  admin: 'Administration',
}

export const REPORT_REASON_LABELS: Record<ReportReason, string> = {
  fraud: 'Arnaque ou offre frauduleuse',
  discrimination: 'Contenu discriminatoire',
  outdated: 'Offre déjà pourvue ou périmée',
  inaccurate: 'Informations fausses ou trompeuses',
  other: 'Autre raison',
}
