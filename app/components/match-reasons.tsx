import type { MatchReasons } from '#search/matching/score.ts'
import { describeMatch } from '../utils/match-reasons.ts'

/**
 * The score and why, one line per criterion with its points (they add up to the score), read in order.
 * Each text is one string, not pieces: React separates adjacent pieces with `<!-- -->` in the HTML, and
 * the planning page renders 150 of these blocks.
 */
export function MatchExplanation({ score, reasons }: { score: number; reasons: MatchReasons }) {
  const lines = describeMatch(reasons)
  return (
    <div className="match">
      <p className="match__score">
        <strong>{`Correspondance : ${score} / 100`}</strong>
      </p>
      <ul className="match__reasons" aria-label="Détail des points">
        {lines.map((l) => (
          <li key={`${l.criterion}-${l.label}`} className={l.ok === true ? 'match__line--ok' : l.ok === false ? 'match__line--ko' : undefined}>
            <span aria-hidden="true">{l.ok === true ? '✓ ' : l.ok === false ? '✗ ' : '• '}</span>
            {l.ok === null ? null : <span className="visually-hidden">{l.ok ? 'Rempli : ' : 'Non rempli : '}</span>}
            {l.criterion === 'excluded' ? l.label : <>{`${l.label} — `}<span className="match__points">{`${l.points} / ${l.max} pts`}</span></>}
          </li>
        ))}
      </ul>
    </div>
  )
}
