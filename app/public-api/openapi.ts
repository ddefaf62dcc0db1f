import { z } from 'zod'
import { CONTRACT_TYPES, EXPERIENCE_LEVELS, REMOTE_POLICIES } from '#db/domain.ts'
import { PARAM, MAX_TEXT_LENGTH, MAX_RADIUS_KM } from '#search/query-params.ts'
import { SORTS } from '#search/types.ts'
import { apiSchemas } from './schemas.ts'
import { API_REQUESTS_PER_MINUTE, MAX_PER_PAGE } from './limits.ts'

/**
 * The OpenAPI 3.1 document of the public API, generated from the zod schemas
 * of schemas.ts (zod 4's own JSON Schema output, draft 2020-12, which is what
 * OpenAPI 3.1 speaks). Served at /api/v1/openapi.json, rendered at /api.
 */
type Parameter = { name: string; in: 'query' | 'path'; required?: boolean; description: string; schema: Record<string, unknown>; explode?: boolean }

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` })
const json = (id: string, description: string, headers: Record<string, unknown> = {}) => ({
  description,
  headers: { ...CORS_HEADER, ...headers },
  content: { 'application/json': { schema: ref(id) } },
})
const CORS_HEADER = { 'Access-Control-Allow-Origin': { description: 'Toujours « * » : l’API se lit depuis n’importe quel site', schema: { type: 'string' } } }
const ETAG = { ETag: { description: 'Version de la réponse ; renvoyez-la dans If-None-Match', schema: { type: 'string' } } }
const NOT_MODIFIED = { description: 'Inchangée depuis la version indiquée par If-None-Match', headers: { ...CORS_HEADER, ...ETAG } }
const TOO_MANY = json('Error', `Trop de requêtes depuis cette adresse (${API_REQUESTS_PER_MINUTE} par minute par défaut)`, {
  'Retry-After': { description: 'Secondes à attendre', schema: { type: 'integer' } },
})

const many = (values: readonly string[]) => ({ type: 'array', items: { type: 'string', enum: [...values] } })
const SEARCH_PARAMETERS: Parameter[] = [
  { name: PARAM.text, in: 'query', description: `Texte recherché (métier, compétence, entreprise), ${MAX_TEXT_LENGTH} caractères au plus`, schema: { type: 'string', maxLength: MAX_TEXT_LENGTH } },
  { name: PARAM.contract, in: 'query', description: 'Type de contrat (plusieurs possibles)', schema: many(CONTRACT_TYPES), explode: true },
  { name: PARAM.remote, in: 'query', description: 'Télétravail (plusieurs possibles)', schema: many(REMOTE_POLICIES), explode: true },
  { name: PARAM.territory, in: 'query', description: 'Territoire de la région (identifiant)', schema: { type: 'array', items: { type: 'string', pattern: '^[a-z0-9-]{1,80}$' } }, explode: true },
  { name: PARAM.commune, in: 'query', description: 'Code INSEE de la commune autour de laquelle chercher', schema: { type: 'string', pattern: '^(\\d{5}|2[AB]\\d{3})$' } },
  { name: PARAM.radius, in: 'query', description: `Rayon autour de la commune, en km (1 à ${MAX_RADIUS_KM})`, schema: { type: 'integer', minimum: 1, maximum: MAX_RADIUS_KM } },
  { name: PARAM.experience, in: 'query', description: 'Niveau d’expérience (plusieurs possibles)', schema: many(EXPERIENCE_LEVELS), explode: true },
  { name: PARAM.skill, in: 'query', description: 'Compétence exigée (identifiant ; toutes doivent y être)', schema: { type: 'array', items: { type: 'string' } }, explode: true },
  { name: PARAM.salaryMin, in: 'query', description: 'Salaire annuel brut que l’offre peut atteindre, en euros', schema: { type: 'integer', minimum: 0 } },
  { name: PARAM.postedWithin, in: 'query', description: 'Publiées depuis au plus ce nombre de jours (1 à 365)', schema: { type: 'integer', minimum: 1, maximum: 365 } },
  { name: PARAM.company, in: 'query', description: 'Entreprise (identifiant)', schema: { type: 'array', items: { type: 'string' } }, explode: true },
  { name: PARAM.occupation, in: 'query', description: 'Métier (code ROME)', schema: { type: 'array', items: { type: 'string', pattern: '^[A-N]\\d{4}$' } }, explode: true },
  { name: PARAM.sort, in: 'query', description: 'Tri : pertinence (avec un texte), date, distance (avec une commune), salaire', schema: { type: 'string', enum: [...SORTS] } },
  { name: PARAM.page, in: 'query', description: 'Page (à partir de 1)', schema: { type: 'integer', minimum: 1, maximum: 500 } },
  { name: 'par_page', in: 'query', description: `Offres par page (1 à ${MAX_PER_PAGE}, 20 par défaut)`, schema: { type: 'integer', minimum: 1, maximum: MAX_PER_PAGE } },
]

/** Every schema of schemas.ts, each referring to the others by #/components/schemas/<id>. */
function componentSchemas(): Record<string, Record<string, unknown>> {
  const { schemas } = z.toJSONSchema(apiSchemas, { uri: (id) => `#/components/schemas/${id}` })
  return Object.fromEntries(
    Object.entries(schemas).map(([id, schema]) => {
      // Inside an OpenAPI document a component carries neither its own dialect nor its own id.
      const { $schema: _dialect, $id: _id, ...rest } = schema as Record<string, unknown>
      return [id, rest]
    }),
  )
}

let built: Record<string, unknown> | null = null

export function openApiDocument(): Record<string, unknown> {
  built ??= {
    openapi: '3.1.0',
    info: {
      title: 'API publique de Passerelle',
      version: '1.0.0',
      description:
        'Les offres d’emploi publiées sur Passerelle et les entreprises qui les proposent, en lecture seule. ' +
        'Aucune donnée personnelle : ni candidat·e, ni recruteur·se, ni contact. Les filtres sont ceux de la page de recherche. ' +
        `Chaque adresse IP peut faire un nombre limité de requêtes par minute (${API_REQUESTS_PER_MINUTE} par défaut ; 429 et Retry-After au-delà). ` +
        'Les réponses portent un ETag : renvoyez-le dans If-None-Match pour recevoir 304 si rien n’a changé.',
    },
    servers: [{ url: '/', description: 'Ce site' }],
    paths: {
      '/api/v1/offres': {
        get: {
          operationId: 'searchOffers',
          summary: 'Rechercher des offres',
          parameters: SEARCH_PARAMETERS,
          responses: {
            '200': json('OfferList', 'Une page de résultats, avec les nombres par filtre', ETAG),
            '304': NOT_MODIFIED,
            '400': json('Error', 'Paramètre inconnu ou valeur invalide'),
            '429': TOO_MANY,
          },
        },
      },
      '/api/v1/offres/{id}': {
        get: {
          operationId: 'getOffer',
          summary: 'Une offre en ligne',
          parameters: [{ name: 'id', in: 'path', required: true, description: 'Identifiant de l’offre', schema: { type: 'integer', minimum: 1 } }],
          responses: {
            '200': json('Offer', 'L’offre', ETAG),
            '304': NOT_MODIFIED,
            '400': json('Error', 'Identifiant invalide'),
            '404': json('Error', 'Offre inconnue, fermée ou expirée'),
            '429': TOO_MANY,
          },
        },
      },
      '/api/v1/entreprises/{slug}': {
        get: {
          operationId: 'getCompany',
          summary: 'Une entreprise et ses offres ouvertes',
          parameters: [{ name: 'slug', in: 'path', required: true, description: 'Identifiant de l’entreprise', schema: { type: 'string' } }],
          responses: {
            '200': json('Company', 'L’entreprise', ETAG),
            '304': NOT_MODIFIED,
            '404': json('Error', 'Entreprise inconnue'),
            '429': TOO_MANY,
          },
        },
      },
      '/api/v1/openapi.json': {
        get: {
          operationId: 'getOpenApi',
          summary: 'Ce document',
          responses: { '200': { description: 'Le document OpenAPI 3.1', content: { 'application/json': { schema: { type: 'object' } } } } },
        },
      },
    },
    components: { schemas: componentSchemas() },
  }
  return built
}
