import { describe, expect, it } from 'vitest'
import { CONTRACT_TYPES, REMOTE_POLICIES } from '#db/domain.ts'
import { ALL_OFFER_TERMS, isFoldedWord, offerKindsOf, offerTermsOf } from './offer-terms.ts'

describe('contract and remote words', () => {
  it('are folded single words, as queries and documents are tokenized', () => {
    for (const term of ALL_OFFER_TERMS) expect(isFoldedWord(term), term).toBe(true)
  })

  it('name every contract and remote policy', () => {
    for (const contract of CONTRACT_TYPES) for (const remote of REMOTE_POLICIES) expect(offerTermsOf(contract, remote).length).toBeGreaterThan(1)
  })

  it('lead a typed word to the kinds of offers it names', () => {
    expect(offerKindsOf('apprentissage')).toEqual({ contracts: ['alternance'], remote: [] })
    expect(offerKindsOf('teletravail')).toEqual({ contracts: [], remote: ['hybrid', 'full_remote'] })
    expect(offerKindsOf('developpeur')).toBeNull()
  })
})
