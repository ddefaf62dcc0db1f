import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase } from '../test-database.ts'
import { resolveCommune, resolveCommuneInput, suggestCommunes } from './communes.ts'

let test: Awaited<ReturnType<typeof createTestDatabase>>
beforeAll(async () => {
  test = await createTestDatabase()
})
afterAll(() => test.destroy())

const found = async (text: string) => {
  const r = await resolveCommune(test.db, text)
  return r.status === 'found' ? r.commune.insee : r.status
}

describe('a commune typed by a user', () => {
  it('is found by name, folded, with or without its department or postcode', async () => {
    expect(await found('Calais')).toBe('62193')
    expect(await found('st omer (62)')).toBe('62765')
    expect(await found('Valbonne 06560')).toBe('06152')
    expect(await found('xyzzy')).toBe('unknown')
  })

  it('reads five digits as a postcode first: half the postcodes are another commune’s INSEE code', async () => {
    expect(await found('62100')).toBe('62193') // Calais's postcode
    const r = await resolveCommune(test.db, '62160') // Boulogne-sur-Mer's INSEE code, but Bully-les-Mines's postcode
    const meant = r.status === 'found' ? [r.commune.insee] : r.status === 'ambiguous' ? r.choices.map((c) => c.insee) : []
    expect(meant).not.toContain('62160')
  })

  it('lists homonyms, biggest first, instead of guessing', async () => {
    const r = await resolveCommune(test.db, 'Saint-Denis')
    expect(r.status).toBe('ambiguous')
    const choices = r.status === 'ambiguous' ? r.choices.map((c) => c.insee) : []
    expect(choices).toEqual(expect.arrayContaining(['93066', '97411']))
  })
})

describe('a form’s commune field (hidden code + text)', () => {
  it('keeps the code while the text is its label, resolves edited text, and is empty when cleared', async () => {
    const insee = (r: Awaited<ReturnType<typeof resolveCommuneInput>>) => (r.status === 'found' ? r.commune.insee : r.status)
    expect(insee(await resolveCommuneInput(test.db, { insee: '62160', text: 'Boulogne-sur-Mer (62)' }))).toBe('62160')
    expect(insee(await resolveCommuneInput(test.db, { insee: '62160' }))).toBe('62160')
    expect(insee(await resolveCommuneInput(test.db, { insee: '62160', text: 'Wimereux' }))).toBe('62893')
    expect(insee(await resolveCommuneInput(test.db, { insee: '62160', text: ' ' }))).toBe('empty')
  })
})

it('suggests communes as one types a name or the start of a postcode', async () => {
  expect((await suggestCommunes(test.db, 'boulogne-s'))[0]?.insee).toBe('62160')
  expect((await suggestCommunes(test.db, '0656')).map((c) => c.insee)).toContain('06152')
  expect(await suggestCommunes(test.db, 'b')).toEqual([])
})
