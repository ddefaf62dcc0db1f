import { expect, it } from 'vitest'
import { parseEnv } from './env.server.ts'

it('fills every default for an empty environment', () => {
  expect(parseEnv({})).toEqual({
    NODE_ENV: 'production',
    HOST: '0.0.0.0',
    PORT: 3000,
    DATABASE_PATH: 'data/passerelle.sqlite',
    UPLOADS_DIR: 'data/uploads',
    SEARCH_ENGINE: 'embedded',
    DEMO_DATA: true,
    PUBLIC_URL: 'http://localhost:3000',
    MAIL_FROM: 'Passerelle <ne-pas-repondre@passerelle.local>',
  })
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
