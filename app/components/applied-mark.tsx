import type { OfferMark } from '#db/queries/saved-offers.ts'
import { formatDate } from '../utils/labels.ts'

/** "Candidature envoyée le …" (or withdrawn) on an offer the candidate applied to; nothing otherwise. */
export function AppliedMark({ mark }: { mark: Pick<OfferMark, 'appliedAt' | 'withdrawnAt'> }) {
  if (!mark.appliedAt) return null
  if (mark.withdrawnAt) {
    return <p className="applied-mark applied-mark--withdrawn">Candidature retirée le {formatDate(mark.withdrawnAt)}</p>
  }
  return <p className="applied-mark">Candidature envoyée le {formatDate(mark.appliedAt)}</p>
}
