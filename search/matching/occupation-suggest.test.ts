import { expect, test } from 'vitest'
import { suggestTargetOccupations } from './occupation-suggest.ts'

test('a BTS SIO SISR graduate holding Linux, Windows Server and networks is pointed to systems administration', () => {
  const codes = suggestTargetOccupations('BTS SIO option SISR', [
    { slug: 'linux', level: 3 }, { slug: 'windows-server', level: 3 }, { slug: 'reseaux', level: 2 }, { slug: 'support', level: 2 }])
  expect(codes[0]).toBe('M1801')
  expect(codes).toHaveLength(3)
})

test('a PHP and Symfony developer is pointed to web development first, and a training without skills still gets its own occupation', () => {
  expect(suggestTargetOccupations('', [{ slug: 'php', level: 3 }, { slug: 'symfony', level: 2 }])[0]).toBe('M1855')
  expect(suggestTargetOccupations('Data engineer', [])).toEqual(['M1811'])
  expect(suggestTargetOccupations('', [])).toEqual([])
})
