import { useEffect, useState } from 'react'
import { SKILL_CATEGORY_LABELS, type SkillCategory } from '#db/reference/skills.ts'

type Skill = { slug: string; name: string; category: string; aliases?: string | null }
export type SkillChoice = { slug: string; name: string; category: string; chosen: string | null }

/**
 * The skills grouped by category, each group a native <details> (closed,
 * its summary saying what is chosen in it): the whole
 * list fits one phone screen and works without JavaScript. With JavaScript,
 * a search box narrows the list and opens the groups that match.
 * `renderSkill` draws one skill's control (a level <select> on the profile,
 * a checkbox on the offer form), so the posted field names stay the forms' own.
 */
export function SkillPicker({ id, skills, chosenLabel, renderSkill, suggested }: {
  id: string
  /** Skills read in the offer's text but not chosen: their groups open, so the recruiter sees them at once. */
  suggested?: ReadonlySet<string>
  skills: Skill[]
  /** What the summary says of a chosen skill ("React (Avancé)"), or null when it is not chosen. */
  chosenLabel: (skill: Skill) => string | null
  renderSkill: (skill: Skill) => React.ReactNode
}) {
  const [filter, setFilter] = useState<string | null>(null)
  const fold = (text: string) => text.normalize('NFD').replace(/\p{Mn}/gu, '').toLowerCase()
  const wanted = filter ? fold(filter.trim()) : ''
  const categories = [...new Set(skills.map((s) => s.category))]
  return (
    <div className="skill-picker">
      {/* Rendered once hydrated: without JavaScript, a search box that does nothing would only mislead. */}
      {filter !== null ? (
        <div className="field">
          <label htmlFor={`${id}-recherche`}>Chercher une compétence</label>
          <input id={`${id}-recherche`} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} autoComplete="off" />
        </div>
      ) : <HydratedSearch onReady={() => setFilter('')} />}
      {categories.map((category) => {
        const inCategory = skills.filter((s) => s.category === category)
        const chosen = inCategory.map(chosenLabel).filter((label): label is string => label !== null)
        // By name or another spelling: "firewall" finds « Pare-feu ».
        const shown = wanted ? inCategory.filter((s) => fold(`${s.name}|${s.aliases ?? ''}`).includes(wanted)) : inCategory
        if (wanted && shown.length === 0) return null
        const hasSuggestion = inCategory.some((s) => suggested?.has(s.slug))
        return (
          <details key={category} className="skill-picker__group" open={wanted || hasSuggestion ? true : undefined}>
            <summary>
              <span className="skill-picker__category">{SKILL_CATEGORY_LABELS[category as SkillCategory] ?? category}</span>
              <span className="skill-picker__chosen">{chosen.length ? ` : ${chosen.join(', ')}` : ''}</span>
            </summary>
            <div className="skill-picker__list">
              {inCategory.map((skill) => (
                <div key={skill.slug} hidden={wanted ? !shown.includes(skill) : undefined}>{renderSkill(skill)}</div>
              ))}
            </div>
          </details>
        )
      })}
    </div>
  )
}

function HydratedSearch({ onReady }: { onReady: () => void }) {
  useEffect(onReady, [onReady])
  return null
}
