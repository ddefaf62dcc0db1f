import { CONTRACT_TYPES, REMOTE_POLICIES, type ContractType, type RemotePolicy } from '#db/domain.ts'
import { tokenize } from './text.ts'

/**
 * The words that name an offer's contract and remote policy, so that
 * "alternance", "stage" or "télétravail" find the offers of that kind
 * whatever their title says. Both engines rank such a word as a title word
 * (the contract is what the offer is), never as the company name that
 * happens to contain it. Folded single words, as tokenize() writes them.
 */
export const CONTRACT_TERMS: Record<ContractType, string[]> = {
  cdi: ['cdi'],
  cdd: ['cdd'],
  alternance: ['alternance', 'alternant', 'alternante', 'apprentissage', 'apprenti', 'apprentie'],
  stage: ['stage', 'stagiaire'],
  freelance: ['freelance'],
  interim: ['interim', 'interimaire'],
}

export const REMOTE_TERMS: Record<RemotePolicy, string[]> = {
  on_site: ['presentiel'],
  hybrid: ['hybride', 'teletravail'],
  full_remote: ['teletravail', 'remote', 'distanciel'],
}

/** The contract types and remote policies a typed word names (folded, exact), or null. */
export function offerKindsOf(word: string): { contracts: ContractType[]; remote: RemotePolicy[] } | null {
  const contracts = CONTRACT_TYPES.filter((c) => CONTRACT_TERMS[c].includes(word))
  const remote = REMOTE_POLICIES.filter((r) => REMOTE_TERMS[r].includes(word))
  return contracts.length + remote.length > 0 ? { contracts, remote } : null
}

/** The words of an offer's contract and remote policy (null: unstated, decision 012): what Meilisearch's title attribute ends with. */
export function offerTermsOf(contract: ContractType, remote: RemotePolicy | null): string[] {
  return [...new Set([...CONTRACT_TERMS[contract], ...(remote ? REMOTE_TERMS[remote] : [])])]
}

/** Every term above is already folded, one word each (checked by the tests). */
export const ALL_OFFER_TERMS = [...Object.values(CONTRACT_TERMS), ...Object.values(REMOTE_TERMS)].flat()
export const isFoldedWord = (term: string) => tokenize(term).join(' ') === term
