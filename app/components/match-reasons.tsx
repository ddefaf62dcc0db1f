import type { MatchReasons } from '#search/matching/score.ts'
import { describeMatch } from '../utils/match-reasons.ts'

/** The score and why, as a list a screen reader reads in order. */
export function MatchExplanation({ score, reasons }: { score: number; reasons: MatchReasons }) {
  const { skills, flags } = describeMatch(reasons)
  return (
    <div className="match">
      <p className="match__score">
        <strong>Correspondance : {score} / 100</strong>
      </p>
      <ul className="match__reasons">
        {skills.map((line) => <li key={line}>{line}</li>)}
      </ul>
      <ul className="match__flags" aria-label="Critères">
        {flags.map((f) => (
          <li key={f.label} className={`tag ${f.ok === true ? 'tag--ok' : f.ok === false ? 'tag--ko' : ''}`}>
            {f.ok === true ? '✓ ' : f.ok === false ? '✗ ' : ''}{f.label}
          </li>
        ))}
      </ul>
    </div>
  )
}
