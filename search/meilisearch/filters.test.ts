import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { offerQuery } from '../query-params.ts'
import { anyOf, combine, equals, literal, offerFilters, quoted, visibleAt, withinKm } from './filters.ts'

/**
 * A reference reader of Meilisearch's filter syntax for the clause shapes we
 * send (`attr = value`, `attr IN [values]`), written from its parser
 * (crates/filter-parser/src/value.rs): inside quotes a backslash skips the
 * next character, the first other quote ends the value, and the value is
 * then unescaped by the `unescaper` crate (\n, \t, \u{..}, \x.., octal...;
 * anything else after a backslash is an error).
 */
const KEYWORDS = new Set(['AND', 'OR', 'IN', 'NOT', 'TO', 'EXISTS', 'IS', 'NULL', 'EMPTY', 'CONTAINS', 'STARTS', 'WITH'])

function unescape(fragment: string): string {
  let out = ''
  const chars = [...fragment]
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] !== '\\') {
      out += chars[i]
      continue
    }
    const c = chars[++i]
    if (c === undefined) throw new Error('incomplete escape')
    const simple: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', "'": "'", '"': '"', '\\': '\\', '/': '/' }
    if (c in simple) out += simple[c]
    else if (c === 'u' || c === 'x' || /[0-7]/.test(c)) throw new Error(`escape sequence \\${c} in a value: never produced by quoting`)
    else throw new Error(`invalid escape \\${c}`)
  }
  return out
}

function reader(input: string) {
  let i = 0
  const spaces = () => {
    while (i < input.length && /\s/.test(input[i]!)) i++
  }
  const value = (): string => {
    spaces()
    const quote = input[i]
    if (quote === '"' || quote === "'") {
      let j = i + 1
      while (j < input.length && input[j] !== quote) {
        if (input[j] === '\\') {
          if (j + 1 >= input.length) throw new Error('malformed value')
          j += 2
        } else j++
      }
      if (j >= input.length) throw new Error('missing closing quote')
      const result = unescape(input.slice(i + 1, j))
      i = j + 1
      spaces()
      return result
    }
    const word = /^[\p{L}\p{N}_.-]+/u.exec(input.slice(i))?.[0]
    if (!word || KEYWORDS.has(word)) throw new Error(`expected a value at ${i}`)
    i += word.length
    spaces()
    return word
  }
  const expect_ = (token: string) => {
    spaces()
    if (!input.startsWith(token, i)) throw new Error(`expected ${token} at ${i}`)
    i += token.length
    spaces()
  }
  const end = () => {
    if (i !== input.length) throw new Error(`unexpected text after the clause: ${input.slice(i)}`)
  }
  return { value, expect: expect_, end, peek: (token: string) => input.startsWith(token, i) }
}

/** `attr IN [a, b]` → the attribute and its values; throws if the text says anything more. */
function readIn(input: string) {
  const r = reader(input)
  const attribute = r.value()
  r.expect('IN')
  r.expect('[')
  const values: string[] = []
  while (!r.peek(']')) {
    values.push(r.value())
    if (!r.peek(']')) r.expect(',')
  }
  r.expect(']')
  r.end()
  return { attribute, values }
}

function readEquals(input: string) {
  const r = reader(input)
  const attribute = r.value()
  r.expect('=')
  const value = r.value()
  r.end()
  return { attribute, value }
}

const hostile = fc.oneof(
  fc.constantFrom(
    '', '"', '\\', '\\"', '"\\', '\\\\"', "'", '" OR company = "x', 'a" OR "1" = "1', 'x"] OR contractType IN ["cdi',
    'cdi AND 1=1', 'OR', 'AND', 'NOT', 'NULL', '\n', '\r\n', '\\n', '\\u0041', '\\x41', '\\101', '\\u{1F980}', '\u0000',
    'é', '🦀', '\u202E', '\uD800', '\uDFFF', ']', '[', ', "', '_geoRadius(0, 0, 1)', 'a\\', 'a\\\\', '\\"\\"',
  ),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.array(fc.constantFrom('"', '\\', "'", ' ', 'OR', 'AND', 'a', ']', ','), { maxLength: 12 }).map((parts) => parts.join('')),
)

describe('quoted values', () => {
  it('read back as exactly the value, whatever it holds (lone surrogates become U+FFFD)', () => {
    fc.assert(
      fc.property(hostile, (value) => {
        expect(readEquals(equals('company', value))).toEqual({ attribute: 'company', value: value.toWellFormed() })
      }),
      { numRuns: 2000 },
    )
  })

  it('keep an IN list to exactly its values: no value closes the list or adds a clause', () => {
    fc.assert(
      fc.property(fc.array(hostile, { minLength: 1, maxLength: 5 }), (values) => {
        expect(readIn(anyOf('territory', values))).toEqual({ attribute: 'territory', values: values.map((v) => v.toWellFormed()) })
      }),
      { numRuns: 2000 },
    )
  })

  it('escape backslashes before quotes', () => {
    expect(quoted('a\\"b')).toBe('"a\\\\\\"b"')
    expect(quoted('\\')).toBe('"\\\\"')
  })
})

describe('numbers', () => {
  it('are written without exponent, and anything not finite is refused rather than sent', () => {
    expect(literal(1_732_000_000_000)).toBe('1732000000000')
    expect(literal(50.95, 6)).toBe('50.950000')
    expect(literal(-1.5, 6)).toBe('-1.500000')
    for (const bad of [Number.NaN, Infinity, -Infinity, 1e21]) expect(() => literal(bad)).toThrow(RangeError)
  })

  it('place a radius in metres around a centre', () => {
    expect(withinKm({ latitude: 50.95, longitude: 1.85 }, 40)).toBe('_geoRadius(50.950000, 1.850000, 40000)')
  })
})

describe('offer filters', () => {
  const NOW = new Date('2026-11-20T10:00:00Z')

  it('hide offers not yet published and offers past their expiry, at query time', () => {
    expect(visibleAt(NOW)).toEqual([`publishedAtMs <= ${NOW.getTime()}`, [`expiresAtMs > ${NOW.getTime()}`, 'expiresAtMs NOT EXISTS']])
  })

  it('turn every filter of a query into its clauses, grouped by facet', () => {
    const query = offerQuery({
      contracts: ['cdi', 'cdd'], remote: ['hybrid'], experience: ['junior'], territories: ['calaisis'], companies: ['opale'],
      skills: ['javascript', 'react'], salaryMin: 35_000, postedWithinDays: 7, near: { insee: '62193', radiusKm: 20 },
    })
    const filters = offerFilters(query, NOW, { latitude: 50.95, longitude: 1.85 })
    expect(filters.byFacet).toEqual({
      contract: ['contractType IN ["cdi", "cdd"]'],
      remote: ['remotePolicy IN ["hybrid"]'],
      experience: ['experienceLevel IN ["junior"]'],
      territory: ['territory IN ["calaisis"]'],
      company: ['company IN ["opale"]'],
      // Every skill is required: one clause each.
      skill: ['skills = "javascript"', 'skills = "react"'],
      salaryMin: ['yearlySalary >= 35000'],
      postedWithin: [`publishedAtMs >= ${NOW.getTime() - 7 * 86_400_000}`],
      radius: ['_geoRadius(50.950000, 1.850000, 20000)'],
    })
    expect(combine(filters, 'contract')).not.toContain('contractType IN ["cdi", "cdd"]')
    expect(combine(filters, 'contract')).toContain('remotePolicy IN ["hybrid"]')
    expect(combine(filters)).toEqual([...visibleAt(NOW), ...Object.values(filters.byFacet).flat()])
  })

  it('leave a filter out when it is off, and the radius out without a located centre', () => {
    const filters = offerFilters(offerQuery({ near: { insee: '99999', radiusKm: 10 } }), NOW, null)
    expect(filters.byFacet).toEqual({})
    expect(combine(filters)).toEqual(visibleAt(NOW))
  })
})
