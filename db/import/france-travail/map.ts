import { decodeHTML } from 'entities'
import type { ContractType, ExperienceLevel, SalaryPeriod } from '../../domain.ts'
import { suggestOccupation } from '#search/occupations.ts'
import type { Referential } from '../places.ts'
import type { ImportedOffer, Requirement } from '../types.ts'
import type { FranceTravailOffer } from './schema.ts'

/**
 * France Travail's contract codes (référentiel « typesContrats ») and what they are here.
 * Decision 012 explains each line; a code missing from this table rejects the offer.
 */
export const CONTRACT_CODES: Record<string, ContractType> = {
  CDI: 'cdi', // Contrat à durée indéterminée
  DIN: 'cdi', // CDI intérimaire: hired for good by the agency
  CDD: 'cdd', // Contrat à durée déterminée
  DDI: 'cdd', // CDD d'insertion
  SAI: 'cdd', // Contrat de travail saisonnier: a fixed-term contract
  MIS: 'interim', // Mission intérimaire
  TTI: 'interim', // Contrat de travail temporaire d'insertion
  FRA: 'freelance', // Franchise: one runs one's own business
  LIB: 'freelance', // Profession libérale
  CCE: 'freelance', // Profession commerciale (agent, mandataire)
}

/** The nature of contract overrides the code for work-study and internships. */
function contractOf(offer: FranceTravailOffer): ContractType | null {
  const nature = offer.natureContrat ?? ''
  if (offer.alternance || /apprentissage|professionnalisation/i.test(nature)) return 'alternance'
  if (/stage/i.test(nature)) return 'stage'
  return CONTRACT_CODES[offer.typeContrat.toUpperCase()] ?? null
}

/** « D » débutant accepté; otherwise the years the label asks for (« 2 ans », « 6 mois »). */
export function experienceOf(required: FranceTravailOffer['experienceExige'], label: string | null): ExperienceLevel {
  if (required === 'D' || !required) return 'entry'
  const years = /(\d+)\s*an/i.exec(label ?? '')
  const months = /(\d+)\s*mois/i.exec(label ?? '')
  const total = years ? Number(years[1]) : months ? Number(months[1]) / 12 : null
  if (total === null) return 'junior'
  if (total < 1) return 'entry'
  if (total < 3) return 'junior'
  if (total < 5) return 'confirmed'
  return 'senior'
}

const PERIODS: Record<string, SalaryPeriod> = { annuel: 'year', mensuel: 'month', journalier: 'day', horaire: 'hour' }
const AMOUNT = String.raw`(\d[\d\s]*(?:[.,]\d+)?)\s*(?:euros?|€)`
const SALARY = new RegExp(String.raw`^(annuel|mensuel|journalier|horaire)\s+de\s+${AMOUNT}(?:\s+à\s+${AMOUNT})?`, 'i')
const cents = (amount: string) => Math.round(Number(amount.replace(/\s/g, '').replace(',', '.')) * 100)

/**
 * « Mensuel de 2500.0 Euros à 3000.0 Euros sur 12.0 mois » → 250000–300000 cents a month.
 * Anything else (« Selon profil », a weekly amount, a range upside down) stays text.
 */
export function parseSalary(label: string | null): ImportedOffer['salary'] {
  const match = label ? SALARY.exec(label.trim()) : null
  if (!match) return null
  const min = cents(match[2]!)
  const max = match[3] ? cents(match[3]) : null
  if (!Number.isFinite(min) || (max !== null && (!Number.isFinite(max) || max < min)) || min <= 0) return null
  return { minCents: min, maxCents: max, period: PERIODS[match[1]!.toLowerCase()]! }
}

function httpUrl(value: string | null | undefined): string | null {
  if (!value) return null
  try {
    const url = new URL(value)
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : null
  } catch {
    return null
  }
}

const decode = (value: string | null | undefined) => (value ? decodeHTML(value).trim() : null)
const DAY_MS = 86_400_000
/** An imported offer leaves search 60 days after the source last refreshed it, unless closed before. */
export const IMPORTED_VALIDITY_DAYS = 60

function requirements(items: { label: string | null; exigence?: string | null }[] | null | undefined): Requirement[] {
  return (items ?? []).flatMap((i) => (i.label ? [{ label: i.label, required: i.exigence === 'E' }] : []))
}

/** A France Travail offer as Passerelle stores it, or the French reason it cannot be. */
export function mapFranceTravailOffer(offer: FranceTravailOffer, referential: Referential): ImportedOffer | { reason: string } {
  const contractType = contractOf(offer)
  if (!contractType) return { reason: `type de contrat inconnu : ${offer.typeContrat}` }
  const place = offer.lieuTravail
  const communeInsee = referential.commune(place.commune, place.codePostal)
  if (!communeInsee) return { reason: `commune introuvable : ${place.libelle ?? place.commune ?? 'lieu non renseigné'}` }
  const title = decode(offer.intitule)!
  const salaryLabel = decode(offer.salaire?.libelle)
  const salary = parseSalary(salaryLabel)
  const salaryNotes = [salary ? null : salaryLabel, ...[offer.salaire?.commentaire, offer.salaire?.complement1, offer.salaire?.complement2].map(decode)]
    .filter((v): v is string => Boolean(v))
  const updatedAt = offer.dateActualisation ?? offer.dateCreation
  const rome = offer.romeCode?.toUpperCase() ?? null
  const employerName = decode(offer.entreprise?.nom)
  return {
    sourceId: offer.id,
    // Only an http(s) address becomes a link on the offer page (never javascript: or data:).
    sourceUrl: httpUrl(offer.origineOffre?.urlOrigine) ?? `https://candidat.francetravail.fr/offres/recherche/detail/${encodeURIComponent(offer.id)}`,
    sourceCreatedAt: new Date(offer.dateCreation).toISOString(),
    sourceUpdatedAt: offer.dateActualisation ? new Date(offer.dateActualisation).toISOString() : null,
    title,
    descriptionMd: decode(offer.description) || title,
    communeInsee,
    contractType,
    sourceContract: [offer.typeContrat, offer.natureContrat].filter(Boolean).join(' · '),
    remotePolicy: 'on_site',
    remoteStated: false,
    experienceLevel: experienceOf(offer.experienceExige, offer.experienceLibelle),
    occupation: rome && referential.isOccupation(rome) ? rome : suggestOccupation(title),
    salary,
    salaryText: salaryNotes.length ? salaryNotes.join(' · ') : null,
    employerName: employerName || null,
    employerSector: decode(offer.secteurActiviteLibelle),
    employerSize: decode(offer.trancheEffectifEtab),
    workingTime: [offer.dureeTravailLibelle, offer.dureeTravailLibelleConverti].map(decode).filter(Boolean).join(' · ') || null,
    positions: offer.nombrePostes ?? null,
    qualification: decode(offer.qualificationLibelle),
    education: requirements(
      offer.formations?.map((f) => ({ label: [f.niveauLibelle, f.domaineLibelle].map(decode).filter(Boolean).join(' — '), exigence: f.exigence })),
    ),
    languages: requirements(offer.langues?.map((l) => ({ label: decode(l.libelle), exigence: l.exigence }))),
    licences: requirements(offer.permis?.map((p) => ({ label: decode(p.libelle), exigence: p.exigence }))),
    startDate: null,
    expiresAt: new Date(Date.parse(updatedAt) + IMPORTED_VALIDITY_DAYS * DAY_MS).toISOString(),
    skills: referential.skillsIn(title, [decode(offer.description), ...(offer.competences ?? []).map((c) => decode(c.libelle))].filter(Boolean).join('\n')),
  }
}
