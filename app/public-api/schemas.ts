import { z } from 'zod'
import { COMPANY_SIZES, CONTRACT_TYPES, EXPERIENCE_LEVELS, OFFER_SOURCES, REMOTE_POLICIES, SALARY_PERIODS } from '#db/domain.ts'
import { FACETS, SORTS } from '#search/types.ts'

/**
 * The public API's answers, field by field: the OpenAPI document is generated
 * from these schemas (app/public-api/openapi.ts) and the serializers
 * (serialize.server.ts) are typed by them, so the two cannot drift apart.
 * Field names are stable: add fields, never rename or remove one within v1.
 * No schema holds a person: no recruiter, no candidate, no contact.
 */
export const apiSchemas = z.registry<{ id: string; description?: string }>()

const isoDateTime = z.string().describe('Date et heure ISO 8601 (UTC)')
const url = z.string().describe('Adresse absolue')

export const SalarySchema = z
  .object({
    min: z.number().nullable().describe('Montant minimum brut, en euros'),
    max: z.number().nullable().describe('Montant maximum brut, en euros'),
    period: z.enum(SALARY_PERIODS).describe('Période du montant : year, month, day, hour'),
  })
  .register(apiSchemas, { id: 'Salary' })

export const CompanyRefSchema = z
  .object({ slug: z.string(), name: z.string(), url, apiUrl: url })
  .register(apiSchemas, { id: 'CompanyRef' })

const source = z.enum(OFFER_SOURCES).describe('D’où vient l’offre : manual (écrite sur le site), france-travail, jsonld (page carrières de l’entreprise)')
const sourceUrl = url.nullable().describe('La page de l’offre à sa source, pour une offre importée')

/** The employer as an imported offer's source words it (decision 012), when no member company holds the offer. */
export const EmployerSchema = z
  .object({
    name: z.string().nullable().describe('Nom de l’employeur ; null : « Entreprise non communiquée »'),
    sector: z.string().nullable().describe('Secteur d’activité, quand la source le dit'),
    size: z.string().nullable().describe('Effectif, tel que la source le formule'),
  })
  .register(apiSchemas, { id: 'Employer' })

export const CommuneSchema = z
  .object({ insee: z.string().describe('Code INSEE de la commune'), name: z.string() })
  .register(apiSchemas, { id: 'Commune' })

export const OfferSummarySchema = z
  .object({
    id: z.number().int(),
    slug: z.string(),
    title: z.string(),
    url: url.describe('La page de l’offre sur le site'),
    apiUrl: url,
    company: CompanyRefSchema,
    commune: CommuneSchema,
    contract: z.enum(CONTRACT_TYPES),
    remote: z.enum(REMOTE_POLICIES),
    remoteStated: z.boolean().describe('false : la source ne dit rien du télétravail (remote vaut alors on_site, « non précisé »)'),
    experience: z.enum(EXPERIENCE_LEVELS),
    salary: SalarySchema.nullable(),
    publishedAt: isoDateTime,
    skills: z.array(z.string()).describe('Compétences (identifiants)'),
    distanceKm: z.number().nullable().describe('Distance à la commune recherchée, avec le filtre commune'),
    source,
    sourceUrl,
  })
  .register(apiSchemas, { id: 'OfferSummary' })

const FacetValueSchema = z.object({ value: z.string(), count: z.number().int() })

export const OfferListSchema = z
  .object({
    total: z.number().int(),
    page: z.number().int(),
    pageCount: z.number().int(),
    perPage: z.number().int(),
    sort: z.enum(SORTS),
    offers: z.array(OfferSummarySchema),
    facets: z.object(Object.fromEntries(FACETS.map((f) => [f, z.array(FacetValueSchema)])) as Record<(typeof FACETS)[number], z.ZodArray<typeof FacetValueSchema>>)
      .describe('Nombre d’offres par valeur de chaque filtre, les autres filtres appliqués'),
    notices: z.array(z.string()).describe('Ajustements faits par le moteur de recherche (en français)'),
    links: z.object({ self: url, next: url.nullable(), previous: url.nullable(), html: url, rss: url, atom: url }),
  })
  .register(apiSchemas, { id: 'OfferList' })

export const SkillSchema = z.object({ slug: z.string(), name: z.string(), required: z.boolean() }).register(apiSchemas, { id: 'Skill' })

export const OfferSchema = z
  .object({
    id: z.number().int(),
    slug: z.string(),
    title: z.string(),
    url,
    apiUrl: url,
    company: CompanyRefSchema,
    commune: CommuneSchema.extend({ postalCodes: z.array(z.string()), latitude: z.number().nullable(), longitude: z.number().nullable() }),
    territory: z.object({ slug: z.string(), name: z.string() }).nullable(),
    contract: z.enum(CONTRACT_TYPES),
    remote: z.enum(REMOTE_POLICIES),
    experience: z.enum(EXPERIENCE_LEVELS),
    salary: SalarySchema.nullable(),
    occupation: z.object({ code: z.string().describe('Code ROME'), label: z.string() }).nullable(),
    skills: z.array(SkillSchema),
    descriptionMarkdown: z.string(),
    descriptionHtml: z.string(),
    startDate: z.string().nullable(),
    publishedAt: isoDateTime,
    expiresAt: isoDateTime.nullable(),
    applyUrl: url.describe('Où postuler : sur le site, ou à la source pour une offre importée sans entreprise membre'),
    source,
    sourceId: z.string().nullable().describe('L’identifiant de l’offre à sa source'),
    sourceUrl,
    sourceUpdatedAt: z.string().nullable().describe('Dernière mise à jour à la source (ISO 8601)'),
    remoteStated: z.boolean().describe('false : la source ne dit rien du télétravail (remote vaut alors on_site, « non précisé »)'),
    employer: EmployerSchema.nullable().describe('L’employeur d’une offre importée qu’aucune entreprise membre ne publie ; null sinon'),
  })
  .register(apiSchemas, { id: 'Offer' })

export const CompanySchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    url,
    apiUrl: url,
    description: z.string(),
    website: z.string().nullable(),
    logoUrl: url.nullable(),
    sizeBand: z.enum(COMPANY_SIZES),
    commune: z.string(),
    territory: z.string().nullable(),
    cluster: z.string().nullable(),
    openOfferCount: z.number().int(),
    offers: z.array(OfferSummarySchema).describe('Les 100 offres ouvertes les plus récentes'),
    links: z.object({ offers: url.describe('Toutes ses offres, dans l’API') }),
  })
  .register(apiSchemas, { id: 'Company' })

export const ApiErrorSchema = z
  .object({
    status: z.number().int(),
    message: z.string().describe('Le problème, en français'),
    details: z.array(z.string()).describe('Chaque paramètre refusé et pourquoi, en français'),
  })
  .register(apiSchemas, { id: 'Error' })

export type OfferSummary = z.infer<typeof OfferSummarySchema>
export type OfferList = z.infer<typeof OfferListSchema>
export type ApiOffer = z.infer<typeof OfferSchema>
export type ApiCompany = z.infer<typeof CompanySchema>
export type ApiError = z.infer<typeof ApiErrorSchema>
