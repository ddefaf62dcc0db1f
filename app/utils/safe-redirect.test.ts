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
