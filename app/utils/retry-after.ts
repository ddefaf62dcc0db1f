/**
 * A route's `headers` export for pages whose action may answer 429: React
 * Router keeps an action's headers off the document unless the route passes
 * them on, and a 429 must say when to come back.
 */
export function passRetryAfter({ actionHeaders }: { actionHeaders: Headers }): Headers {
  const headers = new Headers()
  const retryAfter = actionHeaders.get('Retry-After')
  if (retryAfter) headers.set('Retry-After', retryAfter)
  return headers
}
