/** Throws a Response the error boundary renders, e.g. a French 404. */
export function invariantResponse(condition: unknown, message: string, init: ResponseInit = { status: 404 }): asserts condition {
  if (!condition) throw new Response(message, { ...init, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
}
