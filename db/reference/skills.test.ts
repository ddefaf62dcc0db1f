import { expect, test } from 'vitest'
import { tokenize } from '#search/text.ts'
import { SKILL_CATEGORY_LABELS, skills } from './skills.ts'

test('names the tools digital offers ask for, each spelling meaning one skill only', () => {
  const bySpelling = new Map<string, string>()
  for (const skill of skills) {
    expect(SKILL_CATEGORY_LABELS[skill.category]).toBeDefined()
    for (const spelling of [skill.name, ...skill.aliases]) {
      const key = tokenize(spelling).join(' ')
      expect(bySpelling.get(key) ?? skill.slug, `"${spelling}"`).toBe(skill.slug)
      bySpelling.set(key, skill.slug)
    }
  }
  expect(new Set(skills.map((s) => s.slug)).size).toBe(skills.length)
  const named = ['oracle', 'sql server', 'vmware', 'hyper v', 'pare feu', 'firewall', 'fortinet', 'sap', 'apache spark', 'kafka',
    'snowflake', 'gcp', 'itil', 'active directory', 'powershell', 'ansible', 'terraform', 'power bi', 'tableau', 'salesforce',
    'servicenow', 'glpi', 'jira', 'talend', 'informatica', 'siem', 'iso 27001', 'rgpd', 'windows server', 'kubernetes']
  expect(named.filter((spelling) => !bySpelling.has(spelling))).toEqual([])
})
