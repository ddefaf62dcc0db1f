import { availableParallelism } from 'node:os'
import path from 'node:path'
import { z } from 'zod'
import { parseTrustProxy, type TrustProxy } from './trust-proxy.server.ts'
import { DEFAULT_REGION_SLUG, REGION_SLUGS } from '#db/reference/regions.ts'
import type { SearchConfig } from '#search/index.ts'

const DEMO = '(démonstration : à configurer)'
/** Who runs the board, for the legal pages (checked at boot with the rest); set them all in production (README, "Legal pages"). */
const LegalEnvSchema = z.object({
  OPERATOR_NAME: z.string().trim().min(2).max(200).default(`Exploitant de la plateforme ${DEMO}`),
  OPERATOR_ADDRESS: z.string().trim().min(5).max(300).default(`Adresse postale de l’exploitant ${DEMO}`),
  OPERATOR_EMAIL: z.email({ message: 'une adresse e-mail' }).default('contact@passerelle.invalid'),
  OPERATOR_SIREN: z.string().regex(/^\d{9}$/, { message: '9 chiffres' }).optional(),
  OPERATOR_DIRECTOR: z.string().trim().min(2).max(200).default(`Directeur ou directrice de la publication ${DEMO}`),
  OPERATOR_HOST: z.string().trim().min(5).max(300).default(`Hébergeur : nom, adresse et téléphone ${DEMO}`),
})
export type LegalOperator = z.infer<typeof LegalEnvSchema>

/** One source of a CSP frame-ancestors list: 'self' or an http(s) origin, its host possibly starting with "*.". */
const FRAME_SOURCE = /^(?:'self'|https?:\/\/(?:\*\.)?[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?)*(?::\d{1,5})?)$/i

/** Every environment variable the board reads, validated once at boot. */
const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  DATABASE_PATH: z.string().min(1).default('data/passerelle.sqlite'),
  /** CVs and logos, never under public/; defaults to an `uploads` folder next to the database. */
  UPLOADS_DIR: z.string().min(1).optional(),
  SEARCH_ENGINE: z.enum(['embedded', 'meilisearch'], { message: 'valeurs possibles : embedded ou meilisearch' }).default('embedded'),
  /** Only read when SEARCH_ENGINE=meilisearch, which then requires the URL and the key. */
  MEILISEARCH_URL: z.url({ protocol: /^https?$/, message: 'une adresse http(s)://, par exemple http://127.0.0.1:7700' }).optional(),
  /** The server's key: search, documents, read and delete indexes, read tasks; never create one. Stays on the server. */
  MEILISEARCH_API_KEY: z.string().min(16, { message: 'une clé d’API Meilisearch (au moins 16 caractères)' }).optional(),
  /** The reindex key (creates, configures and swaps indexes): read by `npm run search:reindex` only. */
  MEILISEARCH_ADMIN_KEY: z.string().min(16, { message: 'une clé d’API Meilisearch (au moins 16 caractères)' }).optional(),
  // Meilisearch index uids allow letters, digits, hyphens and underscores.
  MEILISEARCH_INDEX_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]{0,100}$/, { message: 'lettres, chiffres, « - » et « _ » seulement (100 au plus)' })
    .default('passerelle_'),
  /**
   * Per request to Meilisearch; past it, search falls back to the embedded engine.
   * Capped so that a write's requests fit in the relay's 30 s per call (search/meilisearch/client.ts).
   */
  MEILISEARCH_TIMEOUT_MS: z.coerce
    .number({ message: 'un nombre de millisecondes' })
    .int({ message: 'un nombre entier de millisecondes' })
    .min(100, { message: 'au moins 100 ms' })
    .max(10_000, { message: 'au plus 10 000 ms (le relais abandonne un envoi à Meilisearch après 30 s)' })
    .default(2000),
  DEMO_DATA: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /** Where users reach the board; links in e-mails start with it. */
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** smtp://user:pass@host:port; without it, e-mails are printed to the console. */
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  MAIL_FROM: z.string().min(3).default('Passerelle <ne-pas-repondre@passerelle.local>'),
  /**
   * Which peers may tell the client's address, protocol and host (X-Forwarded-*): `false` (none, the
   * default: the board is reached directly), a hop count, or addresses/CIDRs of the proxies.
   */
  TRUST_PROXY: z
    .string()
    .default('false')
    .transform((value, ctx) => {
      const parsed = parseTrustProxy(value)
      if (typeof parsed === 'string') {
        ctx.addIssue({ code: 'custom', message: parsed })
        return z.NEVER
      }
      return parsed.value
    }),
  /** Worker processes serving requests; defaults to the number of cores. */
  WEB_CONCURRENCY: z.coerce
    .number({ message: 'un nombre de processus' })
    .int({ message: 'un nombre entier de processus' })
    .min(1, { message: 'au moins 1' })
    .max(64, { message: 'au plus 64' })
    .optional(),
  /** Where the daily maintenance writes a backup of the database (and uploads); unset: no automatic backup. */
  BACKUP_DIR: z.string().min(1).optional(),
  /** How many automatic backups BACKUP_DIR keeps; older ones are deleted. */
  BACKUP_KEEP: z.coerce
    .number({ message: 'un nombre de sauvegardes' })
    .int({ message: 'un nombre entier de sauvegardes' })
    .min(1, { message: 'au moins 1' })
    .max(365, { message: 'au plus 365' })
    .default(7),
  /**
   * Sites allowed to show the offers widget (/integrer/offres) in an iframe: the CSP frame-ancestors of that page
   * only (every other page stays 'none'). Space-separated: 'self', or origins such as https://www.cap-numeric.fr or
   * https://*.ecole.fr.
   */
  WIDGET_FRAME_ANCESTORS: z
    .string()
    .trim()
    .default("'self'")
    .refine((value) => value.split(/\s+/).every((source) => FRAME_SOURCE.test(source)), {
      message: "une liste d’origines séparées par des espaces (https://www.exemple.fr, https://*.exemple.fr) ou 'self'",
    }),
  /** Requests a minute each address may make to the public API (/api/v1/), in each worker process. */
  API_RATE_LIMIT: z.coerce
    .number({ message: 'un nombre de requêtes par minute' })
    .int({ message: 'un nombre entier de requêtes par minute' })
    .min(1, { message: 'au moins 1' })
    .max(1_000_000, { message: 'au plus 1 000 000' })
    .default(300),
  /** The region the board serves: a file of db/reference/regions/. */
  REGION: z.enum(REGION_SLUGS, { message: `valeurs possibles : ${REGION_SLUGS.join(', ')}` }).default(DEFAULT_REGION_SLUG),
  /** France Travail API (decision 012): with both, `npm run import:france-travail` and the daily maintenance read the API. */
  FRANCE_TRAVAIL_CLIENT_ID: z.string().trim().min(8, { message: 'l’identifiant client France Travail (francetravail.io)' }).optional(),
  FRANCE_TRAVAIL_CLIENT_SECRET: z.string().trim().min(8, { message: 'la clé secrète France Travail (francetravail.io)' }).optional(),
  /** Departments searched (comma-separated codes); default: those of the region's territories. */
  FRANCE_TRAVAIL_DEPARTMENTS: z
    .string()
    .regex(/^(\d{2}|2[AB]|97\d)(,(\d{2}|2[AB]|97\d))*$/, { message: 'des codes de département séparés par des virgules, par exemple 62,59' })
    .optional(),
  /** Overridable for a test's local server only; the documented addresses by default. */
  FRANCE_TRAVAIL_API_URL: z.url({ protocol: /^https?$/ }).default('https://api.francetravail.io/partenaire/offresdemploi/v2'),
  FRANCE_TRAVAIL_TOKEN_URL: z
    .url({ protocol: /^https?$/ })
    .default('https://entreprise.francetravail.fr/connexion/oauth2/access_token?realm=%2Fpartenaire'),
})

// Checked apart from the schema so that they are reported with every other problem at once
// (zod skips an object's refinements when one of its fields is already wrong).
const REQUIRED_WITH_MEILISEARCH = ['MEILISEARCH_URL', 'MEILISEARCH_API_KEY'] as const

export type Env = Omit<z.infer<typeof EnvSchema>, 'WEB_CONCURRENCY'> & {
  PUBLIC_URL: string
  UPLOADS_DIR: string
  WEB_CONCURRENCY: number
  TRUST_PROXY: TrustProxy
}

/**
 * What runs: the server (which, without the demo, must name its operator on the legal pages), a command
 * (`npm run db:backup`, `user:role`, `search:sync`…), or `npm run search:reindex`, which needs the reindex key too.
 */
export type EnvPurpose = 'server' | 'command' | 'search:reindex'

/** Named on /mentions-legales and /confidentialite (where people exercise their data rights): a real install sets them. */
const OPERATOR_REQUIRED = ['OPERATOR_NAME', 'OPERATOR_ADDRESS', 'OPERATOR_EMAIL', 'OPERATOR_DIRECTOR', 'OPERATOR_HOST'] as const

export function parseEnv(raw: Record<string, string | undefined>, purpose: EnvPurpose = 'command'): Env {
  // An empty variable (`MEILISEARCH_URL=` in an env template) means "not set", as in most deployment tools.
  const source = Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== ''))
  const result = EnvSchema.safeParse(source)
  const problems = result.success ? [] : result.error.issues.map((issue) => `  - ${issue.path.join('.')}: ${issue.message}`)
  const legal = LegalEnvSchema.safeParse(source)
  if (!legal.success) problems.push(...legal.error.issues.map((issue) => `  - ${issue.path.join('.')}: ${issue.message}`))
  if (source.SEARCH_ENGINE === 'meilisearch') {
    for (const name of REQUIRED_WITH_MEILISEARCH) if (!source[name]) problems.push(`  - ${name}: obligatoire avec SEARCH_ENGINE=meilisearch`)
    problems.push(...meilisearchKeyProblems(source, purpose))
  }
  if (Boolean(source.FRANCE_TRAVAIL_CLIENT_ID) !== Boolean(source.FRANCE_TRAVAIL_CLIENT_SECRET)) {
    problems.push('  - FRANCE_TRAVAIL_CLIENT_ID, FRANCE_TRAVAIL_CLIENT_SECRET: les deux ensemble, ou aucun')
  }
  if (purpose === 'server' && source.DEMO_DATA === 'false') {
    for (const name of OPERATOR_REQUIRED) {
      if (!source[name]) problems.push(`  - ${name}: obligatoire sans données de démonstration (DEMO_DATA=false), pour les mentions légales et la politique de confidentialité`)
    }
  }
  if (!result.success || problems.length > 0) {
    throw new Error(`Configuration invalide, corrigez ces variables d'environnement :\n${problems.join('\n')}`)
  }
  return {
    ...result.data,
    PUBLIC_URL: result.data.PUBLIC_URL ?? `http://localhost:${result.data.PORT}`,
    UPLOADS_DIR: result.data.UPLOADS_DIR ?? path.join(path.dirname(result.data.DATABASE_PATH), 'uploads'),
    WEB_CONCURRENCY: result.data.WEB_CONCURRENCY ?? availableParallelism(),
  }
}

// Two keys (README, « Clés ») so that the server's cannot create an index: a write racing a lost index would recreate it bare.
function meilisearchKeyProblems(source: Record<string, string | undefined>, purpose: EnvPurpose): string[] {
  const problems: string[] = []
  if (purpose === 'search:reindex' && !source.MEILISEARCH_ADMIN_KEY) {
    problems.push('  - MEILISEARCH_ADMIN_KEY: obligatoire pour npm run search:reindex (la clé du serveur, MEILISEARCH_API_KEY, ne peut ni créer ni échanger les index)')
  }
  if (source.MEILISEARCH_ADMIN_KEY && source.MEILISEARCH_ADMIN_KEY === source.MEILISEARCH_API_KEY) {
    problems.push('  - MEILISEARCH_ADMIN_KEY: doit différer de MEILISEARCH_API_KEY (le serveur ne doit pas pouvoir créer d’index)')
  }
  return problems
}

/** The operator named on the legal pages (/mentions-legales, /confidentialite), from the same environment. */
export function parseLegalOperator(raw: Record<string, string | undefined>): LegalOperator {
  const source = Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== ''))
  return LegalEnvSchema.parse(source)
}

/** What search/index.ts needs to build the configured engine. */
export function searchConfigFrom(env: Env): SearchConfig {
  if (env.SEARCH_ENGINE === 'embedded') return { engine: 'embedded' }
  // parseEnv has required both when SEARCH_ENGINE=meilisearch.
  return {
    engine: 'meilisearch',
    meilisearch: {
      url: env.MEILISEARCH_URL!,
      apiKey: env.MEILISEARCH_API_KEY!,
      ...(env.MEILISEARCH_ADMIN_KEY ? { adminKey: env.MEILISEARCH_ADMIN_KEY } : {}),
      indexPrefix: env.MEILISEARCH_INDEX_PREFIX,
      timeoutMs: env.MEILISEARCH_TIMEOUT_MS,
    },
  }
}
