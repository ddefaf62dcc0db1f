import { z } from 'zod'

/**
 * Server-side pages of a list already in memory (the forum match lists are
 * computed whole, then shown a page at a time), driven by plain links so they
 * work without JavaScript.
 */

export const MAX_PAGE = 10_000
export const INVALID_PAGE = `Numéro de page invalide : indiquez un nombre entier de 1 à ${MAX_PAGE}.`

/** A `?page`-like parameter: absent means 1; "0", "-2", "abc" or "1.5" are refused with the French message. */
export const pageParam = z
  .string()
  .regex(/^\d{1,5}$/, INVALID_PAGE)
  .transform(Number)
  .pipe(z.number().int().min(1, INVALID_PAGE).max(MAX_PAGE, INVALID_PAGE))
  .optional()
  .transform((page) => page ?? 1)

export type Page<T> = { items: T[]; page: number; pageCount: number; total: number; first: number }

/**
 * The requested page of `items`; a page past the end (the list shrank since
 * the link was made) gives the last one, which the "Page n sur m" shows.
 */
export function pageOf<T>(items: T[], requested: number, perPage: number): Page<T> {
  const pageCount = Math.max(1, Math.ceil(items.length / perPage))
  const page = Math.min(Math.max(1, requested), pageCount)
  const first = (page - 1) * perPage
  return { items: items.slice(first, first + perPage), page, pageCount, total: items.length, first: first + 1 }
}

/**
 * Where a page starts when the list stays in the database (read with
 * `limit`/`offset` in its index's order, the total from a count): a page past
 * the end gives the last one, as `pageOf` does.
 */
export function pageWindow(total: number, requested: number, perPage: number) {
  const pageCount = Math.max(1, Math.ceil(total / perPage))
  const page = Math.min(Math.max(1, requested), pageCount)
  const offset = (page - 1) * perPage
  return { page, pageCount, total, offset, limit: perPage, first: offset + 1 }
}

/** The list's address with `changes` applied: a value of 1 for `page`, or null, leaves the parameter out. */
export function listHref(url: URL | string, changes: Record<string, string | number | null>): string {
  const current = new URL(url, 'http://localhost')
  const search = new URLSearchParams(current.search)
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || (key === 'page' && value === 1)) search.delete(key)
    else search.set(key, String(value))
  }
  search.delete('fait')
  return `${current.pathname}${search.size ? `?${search}` : ''}`
}
