import { expect, it } from 'vitest'
import { SearchRequestError, SearchUnavailableError } from '../errors.ts'
import { retryDelay } from './backoff.ts'

const down = new SearchUnavailableError('connexion refusée')
const refused = new SearchRequestError('document refusé', 'invalid_document_fields')

it('doubles the wait after each failure of an unavailable engine, up to a minute', () => {
  expect([1, 2, 3, 4, 7, 8, 50].map((attempt) => retryDelay(attempt, down, () => 1))).toEqual([1000, 2000, 4000, 8000, 60_000, 60_000, 60_000])
})

it('spreads retries over the upper half of the delay, so processes do not retry in step', () => {
  expect(retryDelay(3, down, () => 0)).toBe(2000)
  expect(retryDelay(3, down, () => 0.5)).toBe(3000)
})

it('waits longer after a refusal, which needs a fix rather than patience', () => {
  expect(retryDelay(1, refused, () => 1)).toBe(10_000)
  expect(retryDelay(20, refused, () => 1)).toBe(600_000)
  expect(retryDelay(1, new TypeError('bug'), () => 1)).toBe(10_000)
})
