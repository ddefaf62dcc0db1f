import type { Referential } from '../places.ts'
import type { ImportedOffer, Rejection } from '../types.ts'
import { mapFranceTravailOffer } from './map.ts'
import { FranceTravailFileSchema, FranceTravailOfferSchema } from './schema.ts'

/** Each raw record validated and mapped, or rejected with a French reason naming the field. */
export function readFranceTravailOffers(records: unknown[], referential: Referential, now: Date) {
  const offers: ImportedOffer[] = []
  const rejected: Rejection[] = []
  records.forEach((record, index) => {
    const rawId = typeof record === 'object' && record && 'id' in record ? String((record as { id: unknown }).id) : `#${index + 1}`
    const parsed = FranceTravailOfferSchema.safeParse(record)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!
      // zod's own wording is English: the report names the field and says what is wrong in French.
      const what = issue.code === 'invalid_type' ? (issue.input === undefined ? 'manquant' : 'd’un type inattendu') : issue.message
      rejected.push({ sourceId: rawId, reason: `${issue.path.join('.') || 'offre'} : ${what}` })
      return
    }
    const mapped = mapFranceTravailOffer(parsed.data, referential)
    if ('reason' in mapped) rejected.push({ sourceId: parsed.data.id, reason: mapped.reason })
    else if (mapped.expiresAt <= now.toISOString()) rejected.push({ sourceId: mapped.sourceId, reason: `expirée (dernière actualisation il y a plus de 60 jours)` })
    else offers.push(mapped)
  })
  return { offers, rejected }
}

/** The records of a file: the API's answer or an array; a French error when it is neither. */
export function parseFranceTravailFile(text: string): unknown[] {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw new Error('Le fichier n’est pas du JSON valide.')
  }
  const parsed = FranceTravailFileSchema.safeParse(json)
  if (!parsed.success) throw new Error('Le fichier n’est ni une réponse « resultats » de l’API Offres d’emploi v2 ni une liste d’offres.')
  return parsed.data
}

