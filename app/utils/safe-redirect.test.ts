import fc from 'fast-check'
import { expect, it } from 'vitest'
import { safeRedirect } from './session.server.ts'

it('keeps paths of this site and refuses everything that could leave it', () => {
  expect(safeRedirect('/offres?q=react#haut')).toBe('/offres?q=react#haut')
  expect(safeRedirect('/recruteur/offres/12')).toBe('/recruteur/offres/12')
  for (const hostile of ['//evil.example', '/\\evil.example', '/\t/evil.example', '/\n/evil.example', '/\r\n//evil.example',
    'https://evil.example', 'javascript:alert(1)', '', null, undefined]) {
    expect(safeRedirect(hostile), String(hostile)).toBe('/')
  }
})

it('fuzzed: the answer is always a same-site path that a Location header accepts', () => {
  fc.assert(
    fc.property(fc.oneof(fc.string(), fc.string().map((s) => `/${s}`), fc.webUrl()), (to) => {
      const target = safeRedirect(to)
      expect(new URL(target, 'http://localhost').origin).toBe('http://localhost')
      expect(() => new Headers({ Location: target })).not.toThrow()
      expect(target).not.toMatch(/^\/\//)
    }),
    { numRuns: 2000 },
  )
})

it('refuses the dot-segment tricks that resolve to "//host" (issue 10)', () => {
  for (const hostile of ['/.//evil.example', '/..//evil.example', '/a/..//evil.example', '/%2e//evil.example', '/./%2e//evil.example', '/a/b/../..//evil.example']) {
    expect(safeRedirect(hostile), hostile).toBe('/')
  }
  // Encoded slashes stay encoded: the browser asks this site for that path.
  expect(safeRedirect('/%2F%2Fevil.example')).toBe('/%2F%2Fevil.example')
})

// Pieces a path can be made of that browsers treat specially (dots, slashes, backslashes, tabs, encodings).
const PIECES = [
  '/', '//', '.', '..', './', '../', '\\', '\t', '\n', '\r', ' ', '%2e', '%2E', '%2f', '%2F', '%5c', '%09', '%00', '%0a',
  'evil.example', 'evil.example:443', '@', ':', '?', '#', 'http:', 'https:', 'javascript:', 'offres', 'a', '\u3002', '\uff0f', '%ef%bc%8f',
]

it('property: whatever the pieces, a browser resolving the answer from any page of the site stays on the site (WHATWG URL)', () => {
  const origin = 'https://passerelle.example'
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }), fc.constantFrom('/', '/connexion', '/a/b/c/'), (pieces, page) => {
      const input = pieces.join('')
      const target = safeRedirect(input, '/repli')
      // As a Location header: resolved against the page that answered.
      expect(new URL(target, `${origin}${page}`).origin, JSON.stringify(input)).toBe(origin)
      expect(target.startsWith('/') && !target.startsWith('//') && !target.startsWith('/\\')).toBe(true)
      // Stable: what it keeps, it keeps as is.
      expect(safeRedirect(target, '/repli')).toBe(target)
    }),
    { numRuns: 5000 },
  )
})
