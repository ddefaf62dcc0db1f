import { CircuitBreaker } from './circuit-breaker.ts'
import { SearchRequestError, SearchUnavailableError } from './errors.ts'
import type { CandidateMatch, OfferMatch, OfferQuery, OfferSearchResult, SearchEngine } from './types.ts'

/** Shown above the results whenever the embedded engine answered in Meilisearch's place. */
export const FALLBACK_NOTICE =
  'Le moteur de recherche principal est momentanément indisponible : ces résultats viennent du moteur de secours, leur ordre peut légèrement différer.'

/** How long a down engine is left alone before one request tries it again. */
export const BREAKER_OPEN_MS = 30_000
/** A refusal that repeats (the same code) is logged at most this often. */
const REFUSAL_LOG_INTERVAL_MS = 60_000

type Logger = Pick<Console, 'warn' | 'error'>
type Options = { openMs?: number; now?: () => number; log?: Logger }

/**
 * Meilisearch first, the embedded engine when it cannot answer. The embedded
 * FTS index is written in the same transaction as every offer and profile
 * change, so the fallback is never behind the database, only ranked its own way.
 *
 * - Unavailable (unreachable, timeout, 5xx): embedded answer plus a notice,
 *   and the circuit breaker skips Meilisearch for BREAKER_OPEN_MS so that
 *   visitors do not each wait for a timeout.
 * - Refused (SearchRequestError): our request or Meilisearch's settings are
 *   wrong (e.g. the index was never built: run `npm run search:reindex`), not
 *   the visitor's input, which is validated before. The visitor still gets an
 *   answer from the embedded engine with the notice, never a 500; the error is
 *   logged; the breaker stays closed, since Meilisearch itself is up and other
 *   requests may succeed.
 * - Anything else is a bug in the adapter (an answer it cannot read, say):
 *   it is logged with its stack, the breaker opens as for an outage (a trial
 *   call that threw must not leave the breaker half-open for good), and the
 *   visitor gets the embedded answer with the notice rather than a 500.
 */
export class FallbackSearchEngine implements SearchEngine {
  readonly name = 'meilisearch' as const
  private readonly breaker: CircuitBreaker
  private readonly openMs: number
  private readonly log: Logger
  private readonly now: () => number
  private readonly refusalsLoggedAt = new Map<string, number>()

  constructor(
    private readonly primary: SearchEngine,
    private readonly embedded: SearchEngine,
    options: Options = {},
  ) {
    this.now = options.now ?? Date.now
    this.openMs = options.openMs ?? BREAKER_OPEN_MS
    this.breaker = new CircuitBreaker(this.openMs, this.now)
    this.log = options.log ?? console
  }

  async warmUp(): Promise<void> {
    // The embedded engine must be ready to take over at any moment; Meilisearch being down at boot is not fatal.
    await this.embedded.warmUp()
    await this.attempt(
      () => this.primary.warmUp(),
      async () => {},
    )
  }

  searchOffers(query: OfferQuery, now?: Date): Promise<OfferSearchResult> {
    return this.attempt(
      () => this.primary.searchOffers(query, now),
      async () => {
        const result = await this.embedded.searchOffers(query, now)
        return { ...result, notices: [...result.notices, FALLBACK_NOTICE] }
      },
    )
  }

  candidatesForOffer(offerId: number, options: { limit: number; now?: Date }): Promise<CandidateMatch[]> {
    return this.attempt(
      () => this.primary.candidatesForOffer(offerId, options),
      () => this.embedded.candidatesForOffer(offerId, options),
    )
  }

  offersForCandidate(userId: number, options: { limit: number; now?: Date }): Promise<OfferMatch[]> {
    return this.attempt(
      () => this.primary.offersForCandidate(userId, options),
      () => this.embedded.offersForCandidate(userId, options),
    )
  }

  private async attempt<T>(primary: () => Promise<T>, fallback: () => Promise<T>): Promise<T> {
    if (!this.breaker.allows()) return fallback()
    let result: T
    try {
      result = await primary()
    } catch (error) {
      if (error instanceof SearchUnavailableError) {
        if (this.breaker.failed()) {
          this.log.warn(
            `Recherche : Meilisearch indisponible (${error.message}) ; le moteur intégré répond, nouvel essai dans ${Math.round(this.openMs / 1000)} s.`,
          )
        }
        return fallback()
      }
      if (error instanceof SearchRequestError) {
        this.breaker.succeeded()
        this.logRefusal(error)
        return fallback()
      }
      this.breaker.failed()
      this.log.error('Recherche : erreur inattendue de l’adaptateur Meilisearch ; le moteur intégré a répondu.', error)
      return fallback()
    }
    if (this.breaker.isOpen) this.log.warn('Recherche : Meilisearch répond de nouveau.')
    this.breaker.succeeded()
    return result
  }

  private logRefusal(error: SearchRequestError) {
    const last = this.refusalsLoggedAt.get(error.code)
    if (last !== undefined && this.now() - last < REFUSAL_LOG_INTERVAL_MS) return
    this.refusalsLoggedAt.set(error.code, this.now())
    this.log.error(`Recherche : Meilisearch a refusé la requête (${error.code} : ${error.message}) ; le moteur intégré a répondu.`)
  }
}
