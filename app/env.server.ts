import path from 'node:path'
import { z } from 'zod'

/** Every environment variable the board reads, validated once at boot. */
const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  DATABASE_PATH: z.string().min(1).default('data/passerelle.sqlite'),
  /** CVs and logos, never under public/; defaults to an `uploads` folder next to the database. */
  UPLOADS_DIR: z.string().min(1).optional(),
  SEARCH_ENGINE: z.enum(['embedded']).default('embedded'),
  DEMO_DATA: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /** Where users reach the board; links in e-mails start with it. */
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** smtp://user:pass@host:port; without it, e-mails are printed to the console. */
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  MAIL_FROM: z.string().min(3).default('Passerelle <ne-pas-repondre@passerelle.local>'),
})

export type Env = z.infer<typeof EnvSchema> & { PUBLIC_URL: string; UPLOADS_DIR: string }

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = EnvSchema.safeParse(source)
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  - ${issue.path.join('.')}: ${issue.message}`)
    throw new Error(`Configuration invalide, corrigez ces variables d'environnement :\n${problems.join('\n')}`)
  }
  return {
    ...result.data,
    PUBLIC_URL: result.data.PUBLIC_URL ?? `http://localhost:${result.data.PORT}`,
    UPLOADS_DIR: result.data.UPLOADS_DIR ?? path.join(path.dirname(result.data.DATABASE_PATH), 'uploads'),
  }
}
