import { describe, expect, it } from 'vitest'
import { skills as taxonomy } from '#db/reference/skills.ts'
import { offerQuery } from '../query-params.ts'
import { Synonyms } from '../synonyms.ts'
import { allowedTypos } from '../text.ts'
import { MAIN_QUERY_FACETS } from './facets.ts'
import { combine, offerFilters } from './filters.ts'
import { MAX_VALUES_PER_FACET, offerIndexSettings, profileIndexSettings, synonymsSetting } from './settings.ts'

const synonyms = new Synonyms(taxonomy)
const offers = offerIndexSettings(synonyms)

describe('offer index settings', () => {
  it('search the title first, then skills and company, then the description, as the embedded tiers do', () => {
    expect(offers.searchableAttributes!.slice(0, 3)).toEqual(['title', 'skillsAndCompany', 'description'])
    expect(offers.rankingRules).toEqual(['sort', 'words', 'typo', 'attributeRank', 'publishedAtMs:desc', 'id:desc'])
  })

  it('allow typos exactly where the embedded engine does: 1 from 5 letters, 2 from 9', () => {
    const { oneTypo, twoTypos } = offers.typoTolerance!.minWordSizeForTypos!
    expect(allowedTypos('a'.repeat(oneTypo! - 1))).toBe(0)
    expect(allowedTypos('a'.repeat(oneTypo!))).toBe(1)
    expect(allowedTypos('a'.repeat(twoTypos! - 1))).toBe(1)
    expect(allowedTypos('a'.repeat(twoTypos!))).toBe(2)
  })

  it('make filterable every attribute a filter or a facet uses, and sortable every sort', () => {
    const everything = offerQuery({
      contracts: ['cdi'], remote: ['hybrid'], experience: ['junior'], territories: ['calaisis'], companies: ['x'], skills: ['php'],
      salaryMin: 30_000, postedWithinDays: 7, near: { insee: '62193', radiusKm: 20 },
    })
    const clauses = combine(offerFilters(everything, new Date(), { latitude: 50, longitude: 2 })).flat()
    const used = clauses.map((c) => (c.startsWith('_geoRadius') ? '_geo' : /^\w+/.exec(c)![0]))
    for (const attribute of [...used, ...MAIN_QUERY_FACETS]) expect(offers.filterableAttributes).toContain(attribute)
    for (const attribute of ['publishedAtMs', 'yearlySalary', 'id', '_geo']) expect(offers.sortableAttributes).toContain(attribute)
  })

  it('list every skill and far more companies than a facet shows, counting the most frequent first', () => {
    expect(MAX_VALUES_PER_FACET).toBeGreaterThanOrEqual(taxonomy.length)
    expect(offers.faceting).toEqual({ maxValuesPerFacet: MAX_VALUES_PER_FACET, sortFacetValuesBy: { '*': 'count' } })
  })
})

describe('synonyms from the skills taxonomy', () => {
  const setting = synonymsSetting(synonyms)

  it('lead every spelling of a skill to all the others, as the tokens our documents hold', () => {
    expect(setting.js).toEqual(expect.arrayContaining(['javascript', 'ecmascript', 'es6']))
    expect(setting.javascript).toContain('js')
    expect(setting['react js']).toEqual(expect.arrayContaining(['react', 'reactjs']))
    // C# is the word "csharp" in documents and queries alike: never the letter "c".
    expect(setting.csharp).toEqual(expect.arrayContaining(['c sharp']))
    expect(setting).not.toHaveProperty('c')
    // A spelling of several words is one word in the documents' skillsAndCompany: the phrase and every other spelling lead to it.
    expect(setting.aws).toEqual(expect.arrayContaining(['amazon web services', 'amazonwebservices']))
    expect(setting['amazon web services']).toContain('amazonwebservices')
    expect(setting).not.toHaveProperty('web')
    for (const [phrase, others] of Object.entries(setting)) {
      expect(others).not.toContain(phrase)
      for (const other of others) expect(setting[other] ?? []).toContain(phrase)
    }
  })
})

it('the profile index matches skill tokens exactly: no typos, no prefixes', () => {
  expect(profileIndexSettings()).toMatchObject({ searchableAttributes: ['skillTokens'], typoTolerance: { enabled: false }, prefixSearch: 'disabled' })
})
