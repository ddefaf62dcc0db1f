import { describe, expect, it } from 'vitest'
import { OCCUPATIONS, occupationByCode } from '#db/reference/occupations.ts'
import { genderedForms, suggestOccupation } from './occupations.ts'

describe('the ROME occupations derived into the repository', () => {
  it('hold the digital families: M18 without its non-IT fiches, plus the listed digital codes outside it', () => {
    const codes = OCCUPATIONS.map((o) => o.code)
    expect(codes).toContain('M1811')
    expect(codes).toContain('M1405')
    expect(codes).not.toContain('M1808') // cartographe
    expect(codes).not.toContain('M1891') // météorologue
    expect(occupationByCode('M1811')?.appellations.map((a) => a.label)).toContain('Data engineer')
    // Every mobility neighbour is itself a listed occupation.
    for (const o of OCCUPATIONS) for (const to of o.mobility) expect(occupationByCode(to), `${o.code} → ${to}`).toBeDefined()
  })
})

describe('suggestOccupation', () => {
  it('reads both genders of a ROME job title', () => {
    expect(genderedForms('Développeur / Développeuse web')).toEqual(['Développeur web', 'Développeuse web'])
    expect(genderedForms('Consultant fonctionnel / Consultante fonctionnelle des SI')).toEqual([
      'Consultant fonctionnel des SI', 'Consultante fonctionnelle des SI',
    ])
  })

  it.each([
    ['Data engineer Python (H/F)', 'M1811'],
    ['Ingénieure de données', 'M1811'],
    ['Administrateur·rice systèmes et réseaux', 'M1801'],
    ['Sysadmin Linux', 'M1801'],
    ['Ingénieur·e DevOps', 'M1827'],
    ['Développeur·se React / TypeScript', 'M1855'],
    ['Développeuse Java / Spring', 'M1805'],
    ['Technicien helpdesk', 'I1404'],
    ['Data scientist', 'M1405'],
    ['Testeur·se QA', 'M1815'],
  ])('suggests the occupation of « %s »: %s', (title, code) => {
    expect(suggestOccupation(title)).toBe(code)
  })

  it('suggests nothing for a title that names no digital job', () => {
    expect(suggestOccupation('Boulanger de nuit')).toBeNull()
    expect(suggestOccupation('(H/F)')).toBeNull()
  })
})
