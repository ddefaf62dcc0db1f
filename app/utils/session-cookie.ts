/**
 * The name of the session cookie, and whether a request carries it: what
 * makes a page personal. Kept apart from session.server.ts (which reads the
 * database) so the HTTP layer (server/react-router.ts, the page cache) can
 * ask without loading it.
 */
export const SESSION_COOKIE = 'passerelle_session'

/**
 * The Cookie header may hold a session cookie, valid or not: an answer for it is personal either way.
 * Any mention of the name counts, whatever the spacing or case (cookie parsers trim names): a page
 * for a signed-in visitor wrongly kept would be shown to others; a cookie wrongly suspected only
 * costs a render.
 */
export function carriesSession(cookieHeader: string | undefined | null): boolean {
  return (cookieHeader ?? '').toLowerCase().includes(SESSION_COOKIE)
}
