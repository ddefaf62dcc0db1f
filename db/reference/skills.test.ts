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
  const named = ['Oracle', 'SQL Server', 'VMware', 'Hyper-V', 'pare-feu', 'firewall', 'Fortinet', 'SAP', 'Spark', 'Kafka',
    'Snowflake', 'GCP', 'ITIL', 'Active Directory', 'PowerShell', 'Ansible', 'Terraform', 'Power BI', 'Tableau', 'Salesforce',
    'ServiceNow', 'GLPI', 'Jira', 'Talend', 'Informatica', 'SIEM', 'ISO 27001', 'RGPD', 'Windows Server', 'Kubernetes']
  expect(named.filter((spelling) => !bySpelling.has(tokenize(spelling).join(' ')))).toEqual([])
})
