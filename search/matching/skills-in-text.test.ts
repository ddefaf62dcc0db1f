import { expect, test } from 'vitest'
import { skillsNamedIn } from './skills-in-text.ts'

test('reads the taxonomy skills an offer names, by name or alias, as whole words, accents and case folded', () => {
  expect(skillsNamedIn('Administrateur systèmes GNU/Linux : conteneurs Docker, Kubernetes (K8s) et intégration continue'))
    .toEqual(['linux', 'docker', 'kubernetes', 'ci-cd'])
  expect(skillsNamedIn('Développeur C# / .NET, SQL Server')).toEqual(['csharp', 'dotnet', 'sql'])
})

test('ignores spellings too common to mean the skill, and words that merely contain a skill name', () => {
  // "vue" (a view), "go", "assistance" and "réseau" are ordinary French; "javascripteur" is not JavaScript.
  expect(skillsNamedIn('En vue du projet, on y go : assistance au réseau local, javascripteur confirmé')).toEqual([])
})
