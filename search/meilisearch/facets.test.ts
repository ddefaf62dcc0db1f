import { describe, expect, it } from 'vitest'
import { offerQuery } from '../query-params.ts'
import { facetProbes, facetsFromAnswers, MAIN_QUERY_FACETS, type FacetAnswer } from './facets.ts'
import { combine, offerFilters, publishedSince, withinKm } from './filters.ts'

const NOW = new Date('2026-11-20T10:00:00Z')
const CENTER = { latitude: 50.95, longitude: 1.85 }

describe('facet queries', () => {
  it('count a facet whose filter is on without that filter, and each cumulative bucket with a query of its own', () => {
    const query = offerQuery({ contracts: ['cdi'], territories: ['calaisis'], salaryMin: 30_000, near: { insee: '62193', radiusKm: 20 } })
    const filters = offerFilters(query, NOW, CENTER)
    const probes = facetProbes(filters, NOW, CENTER)
    expect(probes.map((p) => ('attribute' in p ? `${p.facet}:${p.attribute}` : `${p.facet}:${p.threshold}`))).toEqual([
      'contract:contractType', 'territory:territory', 'salaryMin:salarySteps',
      'postedWithin:1', 'postedWithin:7', 'postedWithin:30',
      'radius:10', 'radius:20', 'radius:50', 'radius:100',
    ])
    expect(probes[0]!.filter).toEqual(combine(filters, 'contract'))
    expect(probes[0]!.filter).toContain('territory IN ["calaisis"]')
    expect(probes[3]!.filter).toEqual([...combine(filters, 'postedWithin'), publishedSince(NOW, 1)])
    // The radius buckets leave the chosen radius out, not the other filters.
    expect(probes[6]!.filter).toEqual([...combine(filters, 'radius'), withinKm(CENTER, 10)])
    expect(probes[6]!.filter).toContain('contractType IN ["cdi"]')
  })

  it('need no radius query without a centre, and no own query for a facet whose filter is off', () => {
    const probes = facetProbes(offerFilters(offerQuery({ skills: ['php'] }), NOW, null), NOW, null)
    expect(probes.map((p) => p.facet)).toEqual(['postedWithin', 'postedWithin', 'postedWithin'])
  })
})

describe('facet answers', () => {
  const main = {
    totalHits: 4,
    facetDistribution: {
      contractType: { cdi: 4 },
      remotePolicy: { hybrid: 3, on_site: 1 },
      experienceLevel: { junior: 4 },
      territory: { calaisis: 4 },
      company: { 'opale-logiciels': 3, 'baie-numerique': 1 },
      skills: { javascript: 4, react: 2, python: 1 },
      salarySteps: { 25000: 4, 30000: 4, 35000: 1 },
    },
  }

  it('take each facet from the query that honours every other filter, in the embedded engine’s order', () => {
    const query = offerQuery({ contracts: ['cdi'], companies: ['unknown-company'], skills: ['javascript'], near: { insee: '62193', radiusKm: 20 } })
    const probes = facetProbes(offerFilters(query, NOW, CENTER), NOW, CENTER)
    const answers = probes.map((p): FacetAnswer => {
      if (p.facet === 'contract') return { totalHits: 6, facetDistribution: { contractType: { cdi: 4, stage: 2 } } }
      if (p.facet === 'company') return { totalHits: 4, facetDistribution: { company: { 'opale-logiciels': 3, 'baie-numerique': 1 } } }
      if (p.facet === 'postedWithin') return { totalHits: { 1: 0, 7: 2, 30: 4 }[p.threshold]! }
      if (p.facet === 'radius') return { totalHits: { 10: 1, 20: 3, 50: 3, 100: 5 }[p.threshold]! }
      return {}
    })
    const facets = facetsFromAnswers(query, main, probes, answers)
    expect(facets.contract).toEqual([{ value: 'cdi', count: 4 }, { value: 'stage', count: 2 }])
    expect(facets.remote).toEqual([{ value: 'hybrid', count: 3 }, { value: 'on_site', count: 1 }])
    // A selected value always shows, with 0 when nothing has it.
    expect(facets.company).toEqual([
      { value: 'opale-logiciels', count: 3 }, { value: 'baie-numerique', count: 1 }, { value: 'unknown-company', count: 0 },
    ])
    expect(facets.skill).toEqual([{ value: 'javascript', count: 4 }, { value: 'react', count: 2 }, { value: 'python', count: 1 }])
    // Buckets in threshold order; an empty bucket is not listed.
    expect(facets.postedWithin).toEqual([{ value: '7', count: 2 }, { value: '30', count: 4 }])
    expect(facets.radius).toEqual([{ value: '10', count: 1 }, { value: '20', count: 3 }, { value: '50', count: 3 }, { value: '100', count: 5 }])
    expect(facets.salaryMin).toEqual([{ value: '25000', count: 4 }, { value: '30000', count: 4 }, { value: '35000', count: 1 }])
  })

  it('count a selected company exactly even when its own query cut the list short', () => {
    const query = offerQuery({ companies: ['rare'] })
    const probes = facetProbes(offerFilters(query, NOW, null), NOW, null)
    const answers = probes.map((p): FacetAnswer => (p.facet === 'company' ? { facetDistribution: { company: { big: 40 } } } : { totalHits: 0 }))
    const facets = facetsFromAnswers(query, { facetDistribution: { company: { rare: 2 } } }, probes, answers)
    expect(facets.company).toEqual([{ value: 'big', count: 40 }, { value: 'rare', count: 2 }])
  })

  it('count salary thresholds without the salary filter, which would otherwise shrink the lower buckets', () => {
    const query = offerQuery({ salaryMin: 35_000 })
    const probes = facetProbes(offerFilters(query, NOW, null), NOW, null)
    const answers = probes.map((p): FacetAnswer => (p.facet === 'salaryMin' ? { facetDistribution: { salarySteps: { 25000: 9, 35000: 2 } } } : {}))
    expect(facetsFromAnswers(query, main, probes, answers).salaryMin).toEqual([{ value: '25000', count: 9 }, { value: '35000', count: 2 }])
  })

  it('ask the page’s query for every distributed facet', () => {
    expect(MAIN_QUERY_FACETS).toEqual(['contractType', 'remotePolicy', 'experienceLevel', 'territory', 'company', 'skills', 'salarySteps', 'occupation'])
  })
})
