import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setOwnVisibility } from '#db/queries/candidate-profiles.ts'
import { createTestCandidate, createTestCompany, createTestOffer } from '#db/seed/index.ts'
import { skills as taxonomy } from '#db/reference/skills.ts'
import { createTestDatabase } from '#db/test-database.ts'
import { ANYWHERE_MOBILITY_KM, documentIds, offerDocuments, profileDocuments, skillToken } from './documents.ts'

const NOW = new Date('2026-11-20T10:00:00Z')
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString()

let test: Awaited<ReturnType<typeof createTestDatabase>>
const ids: Record<string, number> = {}

beforeAll(async () => {
  test = await createTestDatabase()
  const lille = await createTestCompany(test.db, { name: 'Métropole Data', slug: 'metropole-data', commune_insee: '59350' })
  const offer = async (key: string, fields: Omit<Parameters<typeof createTestOffer>[1], 'companyId'>) => {
    ids[key] = (await createTestOffer(test.db, { companyId: lille.id, ...fields })).id
  }
  await offer('csharp', {
    title: 'Ingénieur C# / .NET', commune_insee: '62193', contract_type: 'cdi', remote_policy: 'hybrid', experience_level: 'confirmed',
    salary_min: 3000, salary_max: 3500, salary_period: 'month', published_at: daysAgo(1), expires_at: daysAgo(-59),
    description_md: 'Applications **métier** en C#.', skills: [{ slug: 'csharp', required: true }, { slug: 'power-bi', required: false }],
  })
  // Every commune of France has a point: this one loses it, to stand for a place that cannot be located.
  await test.db.updateTable('communes').set({ latitude: null, longitude: null }).where('insee', '=', '59001').execute()
  await offer('noSalaryNoPlace', { title: 'Développeur', commune_insee: '59001', published_at: daysAgo(3), expires_at: null })
  await offer('expired', { title: 'Périmée', published_at: daysAgo(70), expires_at: daysAgo(10) })
  await offer('draft', { title: 'Brouillon', status: 'draft' })
  await offer('pending', { title: 'En attente', status: 'pending' })
  await offer('closed', { title: 'Pourvue', status: 'closed', published_at: daysAgo(20) })
  ids.consenting = (await createTestCandidate(test.db, { visibility: 'verified_recruiters', firstName: 'Inès', communeInsee: '62160',
    skills: [{ slug: 'react-native', level: 3 }, { slug: 'php', level: 2 }] })).id
  ids.private = (await createTestCandidate(test.db, { visibility: 'private', skills: [{ slug: 'php', level: 4 }] })).id
  ids.unlocated = (await createTestCandidate(test.db, { visibility: 'verified_recruiters', communeInsee: '59001' })).id
})
afterAll(() => test.destroy())

describe('offer documents', () => {
  it('hold our tokens (folded, C# and .NET as words), filter values and the place', () => {
    const [doc] = offerDocuments(test.sqlite, [ids.csharp!])
    expect(doc).toEqual({
      id: ids.csharp,
      // The contract and remote policy are title words (search/offer-terms.ts).
      title: 'ingenieur csharp dotnet cdi hybride teletravail',
      // Each skill spelling is one word: "power bi" is "powerbi", so "power" alone does not reach the skill.
      skillsAndCompany: 'metropole data csharp csharp csharp powerbi powerbi',
      description: 'applications metier en csharp',
      skillTokens: expect.stringMatching(/^(csharp powerbi|powerbi csharp)$/),
      contractType: 'cdi',
      remotePolicy: 'hybrid',
      experienceLevel: 'confirmed',
      territory: 'calaisis',
      company: 'metropole-data',
      skills: expect.arrayContaining(['csharp', 'power-bi']),
      // 3,500 €/month is 42,000 €/year: it reaches four of the five thresholds.
      yearlySalary: 42_000,
      salarySteps: ['25000', '30000', '35000', '40000'],
      publishedAtMs: Date.parse(daysAgo(1)),
      expiresAtMs: Date.parse(daysAgo(-59)),
      located: true,
      _geo: { lat: expect.closeTo(50.95, 1), lng: expect.closeTo(1.86, 1) },
    })
  })

  it('leave an unstated remote policy out: no « sur site » filter, facet value or « présentiel » word reaches it', async () => {
    // An imported offer whose source says nothing of remote work: stored on_site, remote_stated 0 (decision 012).
    const company = await test.db.selectFrom('companies').select('id').where('slug', '=', 'metropole-data').executeTakeFirstOrThrow()
    const made = [
      await createTestOffer(test.db, { companyId: company.id, title: 'Technicien support', contract_type: 'cdd', remote_policy: 'on_site', published_at: daysAgo(2) }),
      await createTestOffer(test.db, { companyId: company.id, title: 'Technicien réseau', contract_type: 'cdd', remote_policy: 'on_site', published_at: daysAgo(2) }),
    ].map((o) => o.id)
    await test.db.updateTable('offers').set({ remote_stated: 0 }).where('id', '=', made[0]!).execute()
    try {
      const [unstated, onSite] = offerDocuments(test.sqlite, made)
      expect(unstated).not.toHaveProperty('remotePolicy')
      expect(unstated!.title).toBe('technicien support cdd')
      expect(onSite).toMatchObject({ remotePolicy: 'on_site', title: 'technicien reseau cdd presentiel' })
    } finally {
      await test.db.deleteFrom('offers').where('id', 'in', made).execute()
    }
  })

  it('leave out what is unknown rather than sending null', () => {
    const [doc] = offerDocuments(test.sqlite, [ids.noSalaryNoPlace!])
    expect(doc).not.toHaveProperty('yearlySalary')
    expect(doc).not.toHaveProperty('expiresAtMs')
    expect(doc!.territory).toBe('hors-territoire')
    expect(doc).not.toHaveProperty('_geo')
    expect(doc!.located).toBe(false)
    expect(doc!.salarySteps).toEqual([])
  })

  it('exist for published offers only, expired ones included (hidden at query time); any other id is a delete', () => {
    const all = Object.values(ids)
    expect(offerDocuments(test.sqlite, all).map((d) => d.id).sort()).toEqual([ids.csharp, ids.noSalaryNoPlace, ids.expired].sort())
    expect(offerDocuments(test.sqlite, [999_999])).toEqual([])
    expect(documentIds(test.sqlite, 'offer')).toEqual([ids.csharp, ids.noSalaryNoPlace, ids.expired].sort((a, b) => a! - b!))
  })
})

describe('profile documents', () => {
  it('exist for consenting candidates only, and hold no name nor text of theirs', async () => {
    const docs = profileDocuments(test.sqlite, [ids.consenting!, ids.private!, ids.unlocated!])
    expect(docs.map((d) => d.id)).toEqual([ids.consenting, ids.unlocated])
    expect(docs[0]).toEqual({
      id: ids.consenting, skillTokens: expect.stringMatching(/^(reactnative php|php reactnative)$/),
      skills: expect.arrayContaining(['react-native', 'php']), mobilityKm: 30, located: true,
      _geo: { lat: expect.closeTo(50.72, 1), lng: expect.closeTo(1.61, 1) },
    })
    expect(JSON.stringify(docs)).not.toMatch(/Inès|Camille/)
    expect(docs[1]).toMatchObject({ located: false })
    expect(docs[1]).not.toHaveProperty('_geo')
  })

  it('file a candidate mobile anywhere in France beyond every radius band, so no place filters them out (decision 014)', async () => {
    await test.db.updateTable('candidate_profiles').set({ mobile_anywhere: 1 }).where('user_id', '=', ids.consenting!).execute()
    expect(profileDocuments(test.sqlite, [ids.consenting!])[0]).toMatchObject({ mobilityKm: ANYWHERE_MOBILITY_KM })
    expect(ANYWHERE_MOBILITY_KM).toBeGreaterThan(200)
    await test.db.updateTable('candidate_profiles').set({ mobile_anywhere: 0 }).where('user_id', '=', ids.consenting!).execute()
    expect(profileDocuments(test.sqlite, [ids.consenting!])[0]).toMatchObject({ mobilityKm: 30 })
  })

  it('disappear when consent is withdrawn', async () => {
    await setOwnVisibility(test.db, ids.consenting!, false, NOW)
    expect(profileDocuments(test.sqlite, [ids.consenting!])).toEqual([])
    expect(documentIds(test.sqlite, 'profile')).toEqual([ids.unlocated])
    await setOwnVisibility(test.db, ids.consenting!, true, NOW)
    expect(documentIds(test.sqlite, 'profile')).toEqual([ids.consenting, ids.unlocated])
  })
})

it('gives each skill of the taxonomy its own word, so a shortlist query never confuses two skills', () => {
  const tokens = taxonomy.map((s) => skillToken(s.slug))
  expect(new Set(tokens).size).toBe(tokens.length)
  for (const token of tokens) expect(token).toMatch(/^[a-z0-9]+$/)
})

describe('imported offer documents (decision 012)', () => {
  it('carry the employer the source names, or « Entreprise non communiquée », the mapped contract and the ROME code; withdrawn ones leave', async () => {
    const { importFranceTravail } = await import('#db/import/france-travail/index.ts')
    const { franceTravailFixture } = await import('#db/import/fixtures/france-travail-generator.ts')
    const report = await importFranceTravail(test.db, franceTravailFixture(40, 1, NOW), { now: NOW, complete: true })
    const rows = await test.db.selectFrom('offers').select(['id', 'employer_name', 'contract_type', 'occupation', 'salary_max_cents', 'salary_period'])
      .where('source', '=', 'france-travail').execute()
    expect(rows).toHaveLength(report.created)
    const documents = new Map(offerDocuments(test.sqlite, rows.map((r) => r.id)).map((d) => [d.id, d]))
    expect(documents.size).toBe(rows.length)
    for (const row of rows) {
      const document = documents.get(row.id)!
      expect(document.skillsAndCompany).toContain(row.employer_name ? row.employer_name.toLowerCase().split(' ')[0]! : 'entreprise non communiquee')
      expect(document.contractType).toBe(row.contract_type)
      expect(document.occupation).toBe(row.occupation ?? undefined)
      expect(document.company).toBe('offres-france-travail')
    }
    expect([...documents.values()].some((d) => d.skillsAndCompany.startsWith('digital co'))).toBe(true)
    expect(rows.some((r) => r.salary_period === 'month' && r.salary_max_cents && documents.get(r.id)!.yearlySalary === Math.round(Math.round(r.salary_max_cents / 100) * 12))).toBe(true)
    const withdrawn = await importFranceTravail(test.db, franceTravailFixture(40, 2, NOW), { now: NOW, complete: true })
    expect(withdrawn.closed).toBeGreaterThan(0)
    const published = new Set(documentIds(test.sqlite, 'offer'))
    const closed = await test.db.selectFrom('offers').select('id').where('source', '=', 'france-travail').where('status', '=', 'closed').execute()
    expect(closed.length).toBe(withdrawn.closed)
    for (const { id } of closed) expect(published.has(id)).toBe(false)
  })
})
