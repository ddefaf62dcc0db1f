import { expect, test } from 'vitest'
import { skillsNamedIn } from './skills-in-text.ts'

test('reads the taxonomy skills an offer names, by name or alias, as whole words, accents and case folded', () => {
  expect(skillsNamedIn('Administrateur systèmes GNU/Linux : conteneurs Docker, Kubernetes (K8s) et intégration continue'))
    .toEqual(['linux', 'docker', 'kubernetes', 'ci-cd'])
  expect(skillsNamedIn('Développeur C# / .NET, SQL Server')).toEqual(['csharp', 'dotnet', 'sql-server'])
})

test('ignores spellings too common to mean the skill, and words that merely contain a skill name', () => {
  // "vue" (a view), "go", "assistance" and "réseau" are ordinary French; "javascripteur" is not JavaScript.
  expect(skillsNamedIn('En vue du projet, on y go : assistance au réseau local, javascripteur confirmé')).toEqual([])
})

test('reads the tools of the trade the grown vocabulary holds, the longest spelling first', () => {
  expect(skillsNamedIn('DBA Oracle (PL/SQL, RMAN) et PostgreSQL ; sauvegardes Veeam sous VMware vSphere, pare-feu Fortinet'))
    .toEqual(['oracle', 'plsql', 'postgresql', 'sauvegarde', 'vmware', 'pare-feu', 'fortinet'])
  // "Tableau" of "tableau de bord" is not the BI tool; "Notion" of "des notions" is not the app.
  expect(skillsNamedIn('Suivi du tableau de bord, des notions de SAP S/4HANA et de Power BI')).toEqual(['sap', 'power-bi'])
})
