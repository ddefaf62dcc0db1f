import type { ApplicationStage, ContractType, DegreeLevel, ExperienceLevel, LanguageLevel, RemotePolicy, SalaryPeriod } from '#db/domain.ts'
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

export const EXPERIENCE_LABELS: Record<ExperienceLevel, string> = {
  entry: 'Débutant·e accepté·e',
  junior: 'Junior (1 à 2 ans)',
  confirmed: 'Confirmé·e (3 à 5 ans)',
  senior: 'Senior (plus de 5 ans)',
}

export const SORT_LABELS: Record<OfferSort, string> = {
  relevance: 'Pertinence',
  date: 'Plus récentes',
  distance: 'Distance',
  salary: 'Salaire',
}

const PERIOD_LABELS: Record<SalaryPeriod, string> = { year: 'an', month: 'mois', day: 'jour', hour: 'heure' }

const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 })

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

export function formatCount(count: number, singular: string, plural: string): string {
  return `${count.toLocaleString('fr-FR')} ${count > 1 ? plural : singular}`
}

export const STAGE_LABELS: Record<ApplicationStage, string> = {
  new: 'Nouvelle',
  reviewed: 'Étudiée',
  interview: 'Entretien',
  offer: 'Proposition',
  hired: 'Recrutée',
  rejected: 'Refusée',
}

export const DEGREE_LABELS: Record<DegreeLevel, string> = {
  bac: 'Bac',
  bac2: 'Bac +2',
  bac3: 'Bac +3',
  bac5: 'Bac +5',
  bac8: 'Bac +8',
}

export const SKILL_LEVEL_LABELS: Record<number, string> = { 1: 'notions', 2: 'intermédiaire', 3: 'avancé', 4: 'expert' }

export const LANGUAGE_LEVEL_LABELS: Record<LanguageLevel, string> = {
  a1: 'A1', a2: 'A2', b1: 'B1', b2: 'B2', c1: 'C1', c2: 'C2', native: 'langue maternelle',
}

const dateTimeFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' })
export function formatDateTime(iso: string): string {
  return dateTimeFormat.format(new Date(iso))
}
