import { SearchRequestError, SearchUnavailableError } from '../errors.ts'

/** One French line for logs and `search_relay.last_error`. */
export function describeSyncError(error: unknown): string {
  if (error instanceof SearchUnavailableError) return `moteur indisponible : ${error.message}`.slice(0, 500)
  if (error instanceof SearchRequestError) return `requête refusée (${error.code}) : ${error.message}`.slice(0, 500)
  return `erreur inattendue : ${error instanceof Error ? error.message : String(error)}`.slice(0, 500)
}
