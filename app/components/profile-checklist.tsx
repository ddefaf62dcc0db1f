import { Link } from 'react-router'

export type ProfileChecklist = { skills: boolean; commune: boolean; contracts: boolean }

/**
 * Shown to a candidate until the profile holds what matching reads most (search/matching/score.ts: skills,
 * distance and the contract wished), on every page but the profile and account forms and the search page.
 */
export function ProfileChecklistBox({ checklist }: { checklist: ProfileChecklist }) {
  const steps = [
    { done: checklist.skills, text: 'Indiquez vos compétences et leur niveau', anchor: '#competences' },
    { done: checklist.commune, text: 'Indiquez votre commune et jusqu’où vous pouvez vous déplacer', anchor: '' },
    { done: checklist.contracts, text: 'Choisissez les contrats que vous recherchez', anchor: '' },
  ]
  const left = steps.filter((s) => !s.done).length
  return (
    <aside className="profile-checklist" aria-labelledby="titre-etapes-profil">
      <h2 id="titre-etapes-profil">Votre profil : 3 étapes pour recevoir des offres qui vous correspondent</h2>
      <ol>
        {steps.map((s) => (
          <li key={s.text} data-done={s.done}>
            {s.done ? <>{s.text} <span>(fait)</span></> : <Link to={`/candidat/profil${s.anchor}`}>{s.text}</Link>}
          </li>
        ))}
      </ol>
      <p className="field__hint">{left === 1 ? 'Plus qu’une étape.' : `Encore ${left} étapes.`} Votre profil reste privé tant que vous ne choisissez pas de le montrer.</p>
    </aside>
  )
}

export const checklistDone = (c: ProfileChecklist) => c.skills && c.commune && c.contracts
