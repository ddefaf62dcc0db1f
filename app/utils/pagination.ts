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
