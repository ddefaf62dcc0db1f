import vocabulary from './data/skills.json' with { type: 'json' }

/**
 * The skills taxonomy: canonical name, slug, category and the spellings people
 * actually type ("JS", "React.js"). Aliases become search synonyms.
 */
export type SkillDefinition = {
  slug: string
  name: string
  category: SkillCategory
  aliases: string[]
  rome: { savoirs: string[]; occupations: string[] }
}
export type SkillCategory =
  | 'langage' | 'framework' | 'donnees' | 'systemes' | 'cloud' | 'infra' | 'securite' | 'erp' | 'methode' | 'design' | 'marketing' | 'outil'

export const SKILL_CATEGORY_LABELS: Record<SkillCategory, string> = {
  langage: 'Langages',
  framework: 'Frameworks',
  donnees: 'Données',
  systemes: 'Systèmes et virtualisation',
  cloud: 'Cloud et DevOps',
  infra: 'Réseaux et télécoms',
  securite: 'Cybersécurité',
  erp: 'Progiciels, ERP et CRM',
  methode: 'Méthodes',
  design: 'Design',
  marketing: 'Marketing numérique',
  outil: 'Outils',
}

/**
 * Derived by db/reference/derive-skills.ts from our curation
 * (skills-curated.txt) cross-referenced with ROME 4.0: `rome` lists the ROME
 * savoirs and competences that name the skill and the digital occupations
 * whose fiche holds them.
 */
export const SKILLS_SOURCE: string = vocabulary.source
export const skills: SkillDefinition[] = vocabulary.skills as SkillDefinition[]
