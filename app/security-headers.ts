/**
 * Headers sent with every response, documents and assets alike. Scripts run
 * only with the request's nonce; no page can be framed but the offers widget,
 * by the sites WIDGET_FRAME_ANCESTORS lists.
 */
export function securityHeaders(
  nonce: string,
  { development, frameAncestors = "'none'" }: { development: boolean; frameAncestors?: string },
): Record<string, string> {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    // Vite injects styles and a websocket in development only.
    development ? "style-src 'self' 'unsafe-inline'" : "style-src 'self'",
    development ? "connect-src 'self' ws:" : "connect-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ]
  return {
    'Content-Security-Policy': directives.join('; '),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    // Framing allowed (the widget): frame-ancestors says where; X-Frame-Options cannot list sites.
    ...(frameAncestors === "'none'" ? { 'X-Frame-Options': 'DENY' } : {}),
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
  }
}
