import { Form } from 'react-router'
import type { MatchReasons } from '#search/matching/score.ts'
import { MatchExplanation } from './match-reasons.tsx'

/** The planning page's blocks: one company (its interviews and best candidates), one candidate (their best companies). */

type Interview = { id: number; time: string; table: number; candidate: string; score: number | null; pinned: boolean }
type Explained = { score: number; reasons: MatchReasons; offer: string }
type CompanyBlock = { id: number; name: string; interviews: Interview[]; matches: (Explained & { candidateId: number; name: string })[] }
type CandidateBlock = { id: number; name: string; matchCount: number; matches: (Explained & { companyId: number; company: string })[] }

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`

export function CompanyPlanning({ company: c }: { company: CompanyBlock }) {
  return (
    <section aria-labelledby={`entreprise-${c.id}`} className="planning-company">
      {/* Folded to one line per company (a native <details>): the page of a whole forum stays short on a phone. */}
      <details>
        <summary>
          <h3 id={`entreprise-${c.id}`}>{c.name}</h3>
          <span className="planning-company__count"> · {plural(c.interviews.length, 'entretien', 'entretiens')}</span>
        </summary>
      {c.interviews.length === 0 ? <p>Aucun entretien.</p> : (
        <table className="table stack-table stack-table--compact">
          <caption>Entretiens de {c.name}</caption>
          <thead><tr><th scope="col">Heure</th><th scope="col">Table</th><th scope="col">Candidat·e</th><th scope="col">Score</th><th scope="col">Épinglé</th><th scope="col">Actions</th></tr></thead>
          <tbody>
            {c.interviews.map((i) => (
              <tr key={i.id}>
                <td data-label="Heure">{i.time}</td><td data-label="Table">{i.table}</td><td data-label="Candidat·e">{i.candidate}</td><td data-label="Score">{i.score}</td>
                <td data-label="Épinglé">{i.pinned ? <><span aria-hidden="true">📌 </span>épinglé</> : ''}</td>
                <td data-label="Actions">
                  {/* The row's actions fold into a small menu (a native <details>, no JavaScript). */}
                  <details className="row-menu">
                    <summary>Actions<span className="visually-hidden"> pour l’entretien avec {i.candidate}</span></summary>
                    <Form method="post" className="row-menu__items">
                      <input type="hidden" name="interviewId" value={i.id} />
                      <button type="submit" name="intent" value={i.pinned ? 'unpin' : 'pin'} className="link-action">
                        {i.pinned ? 'Désépingler' : 'Épingler'}<span className="visually-hidden"> l’entretien avec {i.candidate}</span>
                      </button>
                      <button type="submit" name="intent" value="remove" className="link-action">
                        Retirer<span className="visually-hidden"> l’entretien avec {i.candidate}</span>
                      </button>
                    </Form>
                  </details>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <details className="planning-matches">
        <summary>{c.name} : {plural(c.matches.length, 'meilleur profil', 'meilleurs profils')}</summary>
        {c.matches.length === 0 ? <p>Aucun profil correspondant aux offres apportées.</p> : (
          <ol>
            {c.matches.map((m) => (
              <li key={m.candidateId}>
                <strong>{m.name}</strong>{` pour « ${m.offer} »`}
                <MatchExplanation score={m.score} reasons={m.reasons} />
              </li>
            ))}
          </ol>
        )}
      </details>
      </details>
    </section>
  )
}

export function CandidateMatches({ candidate: c }: { candidate: CandidateBlock }) {
  const best = c.matches[0]
  return (
    <details>
      <summary>
        <strong>{c.name}</strong> :{' '}
        {best
          ? `${plural(c.matchCount, 'entreprise', 'entreprises')}${c.matchCount > c.matches.length ? ` (les ${c.matches.length} meilleures ci-dessous)` : ''}, la meilleure ${best.company} (${best.score} / 100)`
          : 'aucune entreprise correspondante'}
      </summary>
      {c.matches.length ? (
        <ol aria-label={`Entreprises pour ${c.name}`}>
          {c.matches.map((m) => (
            <li key={m.companyId}>
              <strong>{m.company}</strong>{` pour « ${m.offer} »`}
              <MatchExplanation score={m.score} reasons={m.reasons} />
            </li>
          ))}
        </ol>
      ) : null}
    </details>
  )
}
