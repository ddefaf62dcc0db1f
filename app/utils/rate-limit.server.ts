/** The 429 answer when any of the limits is exceeded, with a French message. */
export function tooManyAttempts(
  limits: { allowed: boolean; retryAfterSeconds: number }[],
  what: string,
): { message: string; init: ResponseInit } | null {
  const blocked = limits.filter((l) => !l.allowed)
  if (blocked.length === 0) return null
  const seconds = Math.max(...blocked.map((l) => l.retryAfterSeconds))
  const minutes = Math.ceil(seconds / 60)
  return {
    message: `${what} Réessayez dans ${minutes} minute${minutes > 1 ? 's' : ''}.`,
    init: { status: 429, headers: { 'Retry-After': String(seconds) } },
  }
}
