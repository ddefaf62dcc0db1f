import {
  MeilisearchApiError,
  MeilisearchError,
  MeilisearchRequestError,
  MeilisearchRequestTimeOutError,
  MeilisearchTaskTimeOutError,
  type Task,
} from 'meilisearch'
import { describe, expect, it } from 'vitest'
import { SearchRequestError, SearchUnavailableError } from '../errors.ts'
import { assertSucceeded, toSearchError } from './errors.ts'

const apiError = (status: number, code?: string) =>
  new MeilisearchApiError(
    new Response(null, { status }),
    code ? { message: `${code} happened`, code, type: 'invalid_request', link: '' } : undefined,
  )

describe('client errors become ours', () => {
  it('unreachable, timed out, overloaded or failing: unavailable, so the relay retries and search falls back', () => {
    const unavailable = [
      new MeilisearchRequestError('http://meili:7700/multi-search', new TypeError('fetch failed')),
      new MeilisearchRequestError('http://meili:7700/multi-search', new MeilisearchRequestTimeOutError(1000, {})),
      new MeilisearchTaskTimeOutError(12, 60_000),
      apiError(500, 'internal'),
      apiError(502),
      apiError(503),
      apiError(429, 'too_many_search_requests'),
      apiError(408),
      new SyntaxError('Unexpected token < in JSON'),
    ]
    for (const error of unavailable) expect(toSearchError(error), String(error)).toBeInstanceOf(SearchUnavailableError)
    const timeout = toSearchError(new MeilisearchRequestError('u', new MeilisearchRequestTimeOutError(1000, {}))) as Error
    expect(timeout.message).toMatch(/in time/)
  })

  it('a refused request keeps Meilisearch’s code: retrying will not help', () => {
    for (const [status, code] of [[400, 'invalid_search_filter'], [401, 'missing_authorization_header'], [403, 'invalid_api_key'], [400, 'invalid_document_geo_field']] as const) {
      const mapped = toSearchError(apiError(status, code))
      expect(mapped).toBeInstanceOf(SearchRequestError)
      expect((mapped as SearchRequestError).code).toBe(code)
    }
    expect((toSearchError(apiError(404)) as SearchRequestError).code).toBe('http_404')
    expect(toSearchError(new MeilisearchError('The provided host is not valid'))).toBeInstanceOf(SearchRequestError)
  })

  it('a missing index is data not there yet (never reindexed): unavailable, so search falls back meanwhile', () => {
    const mapped = toSearchError(apiError(404, 'index_not_found')) as Error
    expect(mapped).toBeInstanceOf(SearchUnavailableError)
    expect(mapped.message).toMatch(/search:reindex/)
  })

  it('our own errors pass through, and a bug of ours is not disguised as an engine failure', () => {
    const ours = new SearchRequestError('x', 'y')
    expect(toSearchError(ours)).toBe(ours)
    const bug = new TypeError('Cannot read properties of undefined')
    expect(toSearchError(bug)).toBe(bug)
  })
})

describe('finished tasks', () => {
  const task = (status: Task['status'], error: Task['error'] = null) => ({ uid: 7, type: 'documentAdditionOrUpdate', status, error }) as Task

  it('only a succeeded task counts as applied', () => {
    expect(() => assertSucceeded(task('succeeded'))).not.toThrow()
    const failed = (() => {
      try {
        assertSucceeded(task('failed', { code: 'invalid_document_id', message: 'bad id', type: 'invalid_request', link: '' }))
      } catch (error) {
        return error
      }
    })()
    expect(failed).toBeInstanceOf(SearchRequestError)
    expect((failed as SearchRequestError).code).toBe('invalid_document_id')
    expect(() => assertSucceeded(task('canceled'))).toThrow(SearchUnavailableError)
  })
})
