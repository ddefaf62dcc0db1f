import { createCookie, redirect } from 'react-router'
import {
  activityIsStale, createSession, deleteSession, findDeviceUser, findSessionUser, recordActivity, rememberDevice,
} from '#db/queries/accounts.ts'
import type { DB } from '#db/connection.ts'
import { SESSION_COOKIE } from './session-cookie.ts'

/**
 * The session cookie carries only a random token; everything else lives in
 * the sessions table. HttpOnly, SameSite=Lax, Secure outside development.
 */
const sessionCookie = createCookie(SESSION_COOKIE, {
  httpOnly: true,
  sameSite: 'lax',
  path: '/',
  secure: process.env.NODE_ENV !== 'development',
})

/**
 * A browser that signed in before: a random token (its SHA-256 in known_devices).
 * It lets its owner sign in while failed attempts from elsewhere lock the account.
 */
const deviceCookie = createCookie('passerelle_appareil', {
  httpOnly: true,
  sameSite: 'lax',
  path: '/',
  secure: process.env.NODE_ENV !== 'development',
  maxAge: 365 * 24 * 60 * 60,
})

/** The account this browser signed in to before, or null. */
export async function knownDeviceUser(request: Request, db: DB): Promise<{ userId: number; token: string } | null> {
  const token: unknown = await deviceCookie.parse(request.headers.get('Cookie'))
  if (typeof token !== 'string' || token.length === 0 || token.length > 100) return null
  const userId = await findDeviceUser(db, token)
  return userId === null ? null : { userId, token }
}

export type SessionUser = NonNullable<Awaited<ReturnType<typeof findSessionUser>>>

async function readToken(request: Request): Promise<string | null> {
  const value: unknown = await sessionCookie.parse(request.headers.get('Cookie'))
  return typeof value === 'string' && value.length > 0 ? value : null
}

/**
 * The user of a page load, looked up once: the root loader and the page's own both ask, in parallel.
 * GET only: an action may change the session or the role before the loaders run again.
 */
const usersOfPageLoads = new WeakMap<Request, Promise<SessionUser | null>>()

export function getOptionalUser(request: Request, db: DB): Promise<SessionUser | null> {
  if (request.method !== 'GET') return lookUpUser(request, db)
  let user = usersOfPageLoads.get(request)
  if (!user) usersOfPageLoads.set(request, (user = lookUpUser(request, db)))
  return user
}

async function lookUpUser(request: Request, db: DB): Promise<SessionUser | null> {
  const token = await readToken(request)
  if (!token) return null
  const now = new Date()
  const user = await findSessionUser(db, token, now)
  if (!user) return null
  // Keeps the inactivity purge away from accounts in use; writes once a day at most.
  if (activityIsStale(user, now)) await recordActivity(db, user.id, now)
  return user
}

/** The signed-in user, or a redirect to the login page that comes back here. */
export async function requireUser(request: Request, db: DB): Promise<SessionUser> {
  const user = await getOptionalUser(request, db)
  if (!user) {
    const url = new URL(request.url)
    throw redirect(`/connexion?${new URLSearchParams({ redirectTo: url.pathname + url.search })}`)
  }
  return user
}

function forbidden(message: string): Response {
  return new Response(message, { status: 403, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
}

/** A recruiter (or an admin), or a French 403 for anyone else signed in. */
export async function requireRecruiter(request: Request, db: DB): Promise<SessionUser> {
  const user = await requireUser(request, db)
  if (user.role !== 'recruiter' && user.role !== 'admin') throw forbidden('Cet espace est réservé aux recruteurs et recruteuses.')
  return user
}

/** A candidate, or a French 403 for anyone else signed in. */
export async function requireCandidate(request: Request, db: DB): Promise<SessionUser> {
  const user = await requireUser(request, db)
  if (user.role !== 'candidate') throw forbidden('Cet espace est réservé aux candidats et candidates.')
  return user
}

/** A forum organiser (or an admin), or a French 403 for anyone else signed in. */
export async function requireOrganiser(request: Request, db: DB): Promise<SessionUser> {
  const user = await requireUser(request, db)
  if (user.role !== 'organiser' && user.role !== 'admin') throw forbidden('Cet espace est réservé aux organisateurs et organisatrices de forums.')
  return user
}

/** An admin, or a French 403 for anyone else signed in. */
export async function requireAdmin(request: Request, db: DB): Promise<SessionUser> {
  const user = await requireUser(request, db)
  if (user.role !== 'admin') throw forbidden('Cet espace est réservé à l’équipe de modération.')
  return user
}

/** The Cookie header of a session, for tests that call loaders and actions directly. */
export async function sessionCookieHeader(token: string): Promise<string> {
  return (await sessionCookie.serialize(token)).split(';')[0]!
}

/**
 * Opens a session and answers with its cookie, going to `to`. Given the
 * request, the browser is also remembered as a device of this account.
 */
export async function signIn(db: DB, userId: number, to: string, request?: Request): Promise<Response> {
  const now = new Date()
  await recordActivity(db, userId, now)
  const { token, expires } = await createSession(db, userId, now)
  const headers = new Headers({ 'Set-Cookie': await sessionCookie.serialize(token, { expires }) })
  if (request && (await knownDeviceUser(request, db))?.userId !== userId) {
    headers.append('Set-Cookie', await deviceCookie.serialize(await rememberDevice(db, userId, now)))
  }
  return redirect(to, { headers })
}

export async function signOut(request: Request, db: DB): Promise<Response> {
  const token = await readToken(request)
  if (token) await deleteSession(db, token)
  return redirect('/', { headers: { 'Set-Cookie': await clearedSessionCookie() } })
}

/** The Set-Cookie value that removes the session cookie from the browser. */
export function clearedSessionCookie(): Promise<string> {
  return sessionCookie.serialize('', { maxAge: 0 })
}

/** Only same-site paths: a login link must never send the user elsewhere. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = '/'): string {
  // Browsers drop tabs and newlines and read "\\" as "/": "/\t/evil.example" would leave the site.
  if (typeof to !== 'string' || !to.startsWith('/') || /[\u0000-\u001f\u007f\\]/.test(to)) return fallback
  const base = 'http://passerelle.invalid'
  if (to.startsWith('//') || !URL.canParse(to, base)) return fallback
  const url = new URL(to, base)
  const path = url.pathname + url.search + url.hash
  // Dot segments can resolve to a path starting with "//" ("/.//evil.example", "/a/..//evil.example"),
  // which a Location header sends to another host: the answer must be a path on its own.
  if (url.origin !== base || path.startsWith('//') || new URL(path, base).origin !== base) return fallback
  return path
}
