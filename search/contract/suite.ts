import type { EngineFactory } from './harness.ts'
import { differencesContract } from './differences.contract.ts'
import { matchingContract } from './matching.contract.ts'
import { offerSearchContract } from './offer-search.contract.ts'
import { queryPolicyContract } from './query-policy.contract.ts'
import { rankingContract } from './ranking.contract.ts'

/**
 * The search contract: one suite of behaviours every engine must show,
 * whichever answers (docs/decisions/001). Each engine's test file runs it
 * with its own factory; nothing here knows which engine it tests.
 */
export function searchContract(factory: EngineFactory) {
  offerSearchContract(factory)
  rankingContract(factory)
  queryPolicyContract(factory)
  matchingContract(factory)
  differencesContract(factory)
}
