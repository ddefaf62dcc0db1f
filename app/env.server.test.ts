import { availableParallelism } from 'node:os'
import { describe, expect, it } from 'vitest'
import { parseEnv, searchConfigFrom } from './env.server.ts'

it('fills every default for an empty environment', () => {
  expect(parseEnv({})).toEqual({
    NODE_ENV: 'production',
    HOST: '0.0.0.0',
    PORT: 3000,
    DATABASE_PATH: 'data/passerelle.sqlite',
    UPLOADS_DIR: 'data/uploads',
    SEARCH_ENGINE: 'embedded',
    MEILISEARCH_INDEX_PREFIX: 'passerelle_',
    MEILISEARCH_TIMEOUT_MS: 2000,
    DEMO_DATA: true,
    PUBLIC_URL: 'http://localhost:3000',
    MAIL_FROM: 'Passerelle <ne-pas-repondre@passerelle.local>',
    TRUST_PROXY: false,
    WEB_CONCURRENCY: availableParallelism(),
    BACKUP_KEEP: 7,
    REGION: 'littoral-hauts-de-france',
    WIDGET_FRAME_ANCESTORS: "'self'",
    API_RATE_LIMIT: 300,
    FRANCE_TRAVAIL_API_URL: 'https://api.francetravail.io/partenaire/offresdemploi/v2',
    FRANCE_TRAVAIL_TOKEN_URL: 'https://entreprise.francetravail.fr/connexion/oauth2/access_token?realm=%2Fpartenaire',
  })
})

describe('TRUST_PROXY', () => {
  it('takes false, a hop count, or the proxies’ addresses and CIDRs', () => {
    expect(parseEnv({ TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(false)
    expect(parseEnv({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1)
    expect(parseEnv({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1,fd00::/8,loopback' }).TRUST_PROXY).toEqual([
      '127.0.0.1', '10.0.0.0/8', '::1', 'fd00::/8', 'loopback',
    ])
  })

  it('refuses true (any peer could forge its address) and anything that is not an address, in French', () => {
    for (const bad of ['true', 'yes', '10.0.0.0/33', '300.1.1.1', 'nginx', '11', '127.0.0.1/8/1']) {
      expect(() => parseEnv({ TRUST_PROXY: bad }), bad).toThrow(/TRUST_PROXY: false, un nombre de relais|TRUST_PROXY: au plus 10/)
    }
  })
})

it('serves the region named by REGION, one of the files of db/reference/regions, or says which exist', () => {
  expect(parseEnv({ REGION: 'sophia-antipolis' }).REGION).toBe('sophia-antipolis')
  expect(() => parseEnv({ REGION: 'bretagne' })).toThrow(/REGION: valeurs possibles : littoral-hauts-de-france, sophia-antipolis, montpellier, clermont-ferrand/)
})

it('keeps uploads next to the database unless told otherwise', () => {
  expect(parseEnv({ DATABASE_PATH: '/srv/board/db.sqlite' }).UPLOADS_DIR).toBe('/srv/board/uploads')
  expect(parseEnv({ UPLOADS_DIR: '/mnt/files' }).UPLOADS_DIR).toBe('/mnt/files')
})

it('names every bad variable in one French message', () => {
  expect(() =>
    parseEnv({ PORT: 'quatre-vingt', SEARCH_ENGINE: 'elastic', DEMO_DATA: 'oui', SMTP_URL: 'http://mail.example' }),
  ).toThrow(/Configuration invalide[\s\S]*PORT[\s\S]*SEARCH_ENGINE[\s\S]*DEMO_DATA[\s\S]*SMTP_URL/)
})

describe('search engine', () => {
  const meilisearch = {
    SEARCH_ENGINE: 'meilisearch',
    MEILISEARCH_URL: 'http://127.0.0.1:7700',
    MEILISEARCH_API_KEY: 'cle-admin-de-test-0123456789abcdef',
  }

  it('uses the embedded engine unless told otherwise, and needs nothing more for it', () => {
    expect(searchConfigFrom(parseEnv({}))).toEqual({ engine: 'embedded' })
  })

  it('builds the Meilisearch configuration, with the default prefix and timeout', () => {
    expect(searchConfigFrom(parseEnv(meilisearch))).toEqual({
      engine: 'meilisearch',
      meilisearch: { url: 'http://127.0.0.1:7700', apiKey: 'cle-admin-de-test-0123456789abcdef', indexPrefix: 'passerelle_', timeoutMs: 2000 },
    })
    expect(parseEnv({ ...meilisearch, MEILISEARCH_INDEX_PREFIX: 'opale-', MEILISEARCH_TIMEOUT_MS: '500' })).toMatchObject({
      MEILISEARCH_INDEX_PREFIX: 'opale-',
      MEILISEARCH_TIMEOUT_MS: 500,
    })
  })

  it('stops the boot when Meilisearch is chosen without its URL and key, naming them with any other problem', () => {
    expect(() => parseEnv({ SEARCH_ENGINE: 'meilisearch', PORT: 'quatre-vingt' })).toThrow(
      /Configuration invalide[\s\S]*PORT[\s\S]*MEILISEARCH_URL: obligatoire avec SEARCH_ENGINE=meilisearch[\s\S]*MEILISEARCH_API_KEY: obligatoire/,
    )
  })

  it('needs the reindex key only for npm run search:reindex, says so, and refuses it equal to the server’s key', () => {
    expect(parseEnv(meilisearch).MEILISEARCH_ADMIN_KEY).toBeUndefined()
    expect(() => parseEnv(meilisearch, 'search:reindex')).toThrow(/MEILISEARCH_ADMIN_KEY: obligatoire pour npm run search:reindex/)
    const both = { ...meilisearch, MEILISEARCH_ADMIN_KEY: 'cle-de-reindexation-0123456789' }
    expect(searchConfigFrom(parseEnv(both, 'search:reindex'))).toMatchObject({ meilisearch: { apiKey: meilisearch.MEILISEARCH_API_KEY, adminKey: both.MEILISEARCH_ADMIN_KEY } })
    expect(() => parseEnv({ ...meilisearch, MEILISEARCH_ADMIN_KEY: meilisearch.MEILISEARCH_API_KEY })).toThrow(/MEILISEARCH_ADMIN_KEY: doit différer de MEILISEARCH_API_KEY/)
  })

  it('rejects a URL that is not http(s), a short key, an unusable prefix and an absurd timeout, in French', () => {
    let message = ''
    try {
      parseEnv({ ...meilisearch, MEILISEARCH_URL: 'ftp://meili', MEILISEARCH_API_KEY: 'court', MEILISEARCH_INDEX_PREFIX: 'passe relle', MEILISEARCH_TIMEOUT_MS: '10' })
    } catch (error) {
      message = (error as Error).message
    }
    expect(message).toContain('MEILISEARCH_URL: une adresse http(s)://')
    expect(message).toContain('MEILISEARCH_API_KEY: une clé d’API Meilisearch (au moins 16 caractères)')
    expect(message).toContain('MEILISEARCH_INDEX_PREFIX: lettres, chiffres')
    expect(message).toContain('MEILISEARCH_TIMEOUT_MS: au moins 100 ms')
    // The log must not carry the key, even a wrong one.
    expect(message).not.toContain('court')
  })

  it('caps the Meilisearch timeout at 10 s, so that a write’s requests fit in the relay’s 30 s per call', () => {
    expect(parseEnv({ ...meilisearch, MEILISEARCH_TIMEOUT_MS: '10000' }).MEILISEARCH_TIMEOUT_MS).toBe(10_000)
    expect(() => parseEnv({ ...meilisearch, MEILISEARCH_TIMEOUT_MS: '10001' })).toThrow(/MEILISEARCH_TIMEOUT_MS: au plus 10 000 ms/)
  })

  it('ignores the Meilisearch variables while the embedded engine is chosen', () => {
    expect(searchConfigFrom(parseEnv({ MEILISEARCH_URL: 'http://127.0.0.1:7700' }))).toEqual({ engine: 'embedded' })
  })

  it('reads an empty variable as unset, as env templates leave them (the board still boots on the embedded engine)', () => {
    const env = parseEnv({ SEARCH_ENGINE: '', MEILISEARCH_URL: '', MEILISEARCH_API_KEY: '', MEILISEARCH_TIMEOUT_MS: '', PORT: '', SMTP_URL: '' })
    expect(searchConfigFrom(env)).toEqual({ engine: 'embedded' })
    expect(env.PORT).toBe(3000)
    expect(env.SMTP_URL).toBeUndefined()
    expect(() => parseEnv({ SEARCH_ENGINE: 'meilisearch', MEILISEARCH_URL: '', MEILISEARCH_API_KEY: '' })).toThrow(/MEILISEARCH_URL: obligatoire/)
  })
})

describe('legal pages operator', () => {
  it('has demo defaults that say they are to be configured', async () => {
    const { parseLegalOperator } = await import('./env.server.ts')
    const operator = parseLegalOperator({})
    expect(operator.OPERATOR_NAME).toMatch(/démonstration : à configurer/)
    expect(operator.OPERATOR_ADDRESS).toMatch(/démonstration : à configurer/)
    expect(parseLegalOperator({ OPERATOR_NAME: 'Cap Numeric', OPERATOR_EMAIL: 'dpo@capnumeric.fr' })).toMatchObject({ OPERATOR_NAME: 'Cap Numeric', OPERATOR_EMAIL: 'dpo@capnumeric.fr' })
  })

  it('a server without the demo must name its operator: each missing variable is said; commands and demo boards keep the defaults', () => {
    const install = { DEMO_DATA: 'false' }
    expect(() => parseEnv(install, 'server')).toThrow(
      /OPERATOR_NAME: obligatoire sans données de démonstration[\s\S]*OPERATOR_ADDRESS[\s\S]*OPERATOR_EMAIL[\s\S]*OPERATOR_DIRECTOR[\s\S]*OPERATOR_HOST/,
    )
    const named = {
      ...install, OPERATOR_NAME: 'Cap Numeric', OPERATOR_ADDRESS: '1 rue du Port, 62100 Calais', OPERATOR_EMAIL: 'dpo@capnumeric.fr',
      OPERATOR_DIRECTOR: 'Camille Martin', OPERATOR_HOST: 'Hébergeur SAS, 2 rue des Serveurs, 59000 Lille, 03 00 00 00 00',
    }
    expect(parseEnv(named, 'server').DEMO_DATA).toBe(false)
    expect(parseEnv(install).DEMO_DATA).toBe(false)
    expect(parseEnv({}, 'server').DEMO_DATA).toBe(true)
  })

  it('stops the boot on a malformed contact, with the other problems', () => {
    expect(() => parseEnv({ PORT: 'x', OPERATOR_EMAIL: 'pas une adresse', OPERATOR_SIREN: '12' }))
      .toThrow(/PORT[\s\S]*OPERATOR_EMAIL: une adresse e-mail[\s\S]*OPERATOR_SIREN: 9 chiffres/)
  })
})
