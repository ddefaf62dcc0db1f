import { z } from 'zod'

/**
 * One offer of France Travail's "Offres d'emploi v2" API (GET /offres/search → `resultats`,
 * GET /offres/{id}), as documented on francetravail.io. Only what the importer reads is
 * declared; every other field is ignored, and `contact` (a recruiter's name, e-mail, phone)
 * is never read, so it never reaches the database.
 */
const text = z.string().trim()
const optionalText = text.nullish().transform((v) => (v ? v : null))

export const FranceTravailOfferSchema = z.object({
  id: text.min(1, { message: 'identifiant manquant' }).max(40),
  intitule: text.min(1, { message: 'intitulé manquant' }).max(500, { message: 'intitulé de plus de 500 caractères' }),
  description: z.string().nullish(),
  dateCreation: z.iso.datetime({ offset: true, message: 'dateCreation n’est pas une date ISO 8601' }),
  dateActualisation: z.iso.datetime({ offset: true }).nullish(),
  lieuTravail: z.object({
    libelle: optionalText,
    latitude: z.number().nullish(),
    longitude: z.number().nullish(),
    codePostal: optionalText,
    commune: optionalText,
  }),
  romeCode: optionalText,
  romeLibelle: optionalText,
  appellationlibelle: optionalText,
  entreprise: z
    .object({
      nom: optionalText,
      description: optionalText,
      url: optionalText,
      entrepriseAdaptee: z.boolean().nullish(),
    })
    .nullish(),
  typeContrat: text.min(1, { message: 'type de contrat manquant' }),
  typeContratLibelle: optionalText,
  natureContrat: optionalText,
  experienceExige: z.enum(['D', 'S', 'E']).nullish(),
  experienceLibelle: optionalText,
  formations: z
    .array(z.object({ niveauLibelle: optionalText, domaineLibelle: optionalText, exigence: optionalText, commentaire: optionalText }))
    .nullish(),
  langues: z.array(z.object({ libelle: text, exigence: optionalText })).nullish(),
  permis: z.array(z.object({ libelle: text, exigence: optionalText })).nullish(),
  competences: z.array(z.object({ code: optionalText, libelle: text, exigence: optionalText })).nullish(),
  salaire: z
    .object({ libelle: optionalText, commentaire: optionalText, complement1: optionalText, complement2: optionalText })
    .nullish(),
  dureeTravailLibelle: optionalText,
  dureeTravailLibelleConverti: optionalText,
  alternance: z.boolean().nullish(),
  nombrePostes: z.number().int().min(0).max(10_000).nullish(),
  qualificationLibelle: optionalText,
  secteurActiviteLibelle: optionalText,
  trancheEffectifEtab: optionalText,
  origineOffre: z.object({ origine: optionalText, urlOrigine: optionalText }).nullish(),
})
export type FranceTravailOffer = z.infer<typeof FranceTravailOfferSchema>

/** A file: the API's search answer (`{resultats: [...]}`) or a bare array of offers. */
export const FranceTravailFileSchema = z.union([
  z.object({ resultats: z.array(z.unknown()) }).transform((v) => v.resultats),
  z.array(z.unknown()),
])
