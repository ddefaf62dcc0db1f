/**
 * The labelled queries of `npm run bench:relevance`, written before any run.
 * Rule: an offer is relevant to a query if and only if its occupation (the ROME
 * code it was generated from, db/seed/occupation-offers.ts) is in the query's list —
 * the list names the occupations a career counsellor would accept for that
 * search, whatever words the offer's title uses.
 */
import type { ContractType, RemotePolicy } from '#db/domain.ts'

export type QueryClass = 'exact' | 'typo' | 'accentless' | 'synonym' | 'role' | 'relaxed' | 'kind' | 'generic'
export type LabelledQuery = {
  text: string
  kind: QueryClass
  relevant: string[]
  /** When set, a relevant offer must also have one of these contracts (or remote policies). */
  contracts?: ContractType[]
  remote?: RemotePolicy[]
}

const q = (kind: QueryClass, text: string, ...relevant: string[]): LabelledQuery => ({ kind, text, relevant })
/** Every occupation the generated offers are drawn from (db/seed/occupation-offers.ts). */
const ANY = ['M1805', 'M1855', 'M1861', 'M1801', 'M1810', 'M1816', 'M1854', 'M1811', 'M1419', 'M1405', 'M1827', 'M1853', 'M1886',
  'M1864', 'M1815', 'M1844', 'I1404', 'I1401', 'E1206', 'M1718', 'M1860', 'M1824']
const DEVELOPERS = ['M1805', 'M1855', 'M1861', 'M1824']

export const LABELLED_QUERIES: LabelledQuery[] = [
  // Words of the titles, spelled right.
  q('exact', 'développeur web', 'M1855'),
  q('exact', 'data engineer', 'M1811'),
  q('exact', 'data analyst', 'M1419'),
  q('exact', 'data scientist', 'M1405'),
  q('exact', 'administrateur réseau informatique', 'M1854', 'M1801'),
  q('exact', 'architecte cloud', 'M1860'),
  q('exact', 'product owner', 'M1864'),
  q('exact', 'analyste en cybersécurité', 'M1844'),
  q('exact', 'chef de projet web', 'M1886'),
  q('exact', 'développeur full-stack', 'M1855'),
  q('exact', 'technicien télécommunications', 'M1816'),
  q('exact', 'développeur décisionnel', 'M1824'),
  q('exact', 'marketing digital', 'M1718'),
  q('exact', 'maintenance informatique', 'I1401'),
  // One or two typing mistakes.
  q('typo', 'devloppeur web', 'M1855'),
  q('typo', 'data enginer', 'M1811'),
  q('typo', 'data analist', 'M1419'),
  q('typo', 'administrateur resau', 'M1854', 'M1801'),
  q('typo', 'architecte cluod', 'M1860'),
  q('typo', 'product ower', 'M1864'),
  q('typo', 'cybersecurrité', 'M1844'),
  q('typo', 'technicien telecomunications', 'M1816'),
  q('typo', 'chef de projet wbe', 'M1886'),
  q('typo', 'develloppeur full-stack', 'M1855'),
  q('typo', 'marketting digital', 'M1718'),
  q('typo', 'maintenace informatique', 'I1401'),
  // No accents, as typed on a phone.
  q('accentless', 'developpeur web', 'M1855'),
  q('accentless', 'developpeuse full-stack', 'M1855'),
  q('accentless', 'cybersecurite', 'M1844'),
  q('accentless', 'technicien telecommunications', 'M1816'),
  q('accentless', 'developpeur decisionnel', 'M1824'),
  q('accentless', 'chargee de marketing digital', 'M1718'),
  q('accentless', 'administrateur systeme', 'M1801'),
  q('accentless', 'donnees', 'M1811', 'M1405', 'M1419'),
  q('accentless', 'ergonome', 'E1206'),
  q('accentless', 'etudes et developpement', 'M1853'),
  q('accentless', 'chef de projet developpement', 'M1853'),
  q('accentless', 'securite', 'M1844'),
  // Another name for the same job.
  q('synonym', 'sysadmin', 'M1801'),
  q('synonym', 'ingénieur de données', 'M1811'),
  q('synonym', 'dev web', 'M1855'),
  q('synonym', 'helpdesk', 'I1404', 'I1401'),
  q('synonym', 'project manager', 'M1853', 'M1886'),
  q('synonym', 'développeuse web', 'M1855'),
  q('synonym', 'technicienne télécommunications', 'M1816'),
  q('synonym', 'administratrice système', 'M1801'),
  q('synonym', 'analyste de données', 'M1419'),
  q('synonym', 'scientifique des données', 'M1405'),
  q('synonym', 'UX designer', 'E1206'),
  q('synonym', 'support informatique', 'I1404'),
  // A role, with or without its stack.
  q('role', 'développeur java', 'M1805', 'M1855', 'M1861'),
  q('role', 'chef de projet informatique', 'M1853'),
  q('role', 'développeur', 'M1805', 'M1855', 'M1861', 'M1824'),
  q('role', 'technicien informatique', 'I1404', 'I1401', 'M1810', 'M1816'),
  q('role', 'administrateur', 'M1801', 'M1854'),
  q('role', 'cybersécurité', 'M1844'),
  q('role', 'data', 'M1811', 'M1419', 'M1405'),
  q('role', 'développeur php', 'M1855', 'M1805'),
  q('role', 'développeur python', 'M1805', 'M1811', 'M1861'),
  q('role', 'test logiciel', 'M1815'),
  q('role', 'support utilisateurs', 'I1404', 'I1401'),
  q('role', 'exploitation informatique', 'M1810'),
  q('role', 'ingénieur devops', 'M1827'),
  q('role', 'designer', 'E1206'),

  // Added 2026-12-04 (H15), rules written before any run of the new engine.
  // Relaxation: more words than any ROME title holds together (a stack, a tool, a second role word).
  // Rule as above: relevant iff the occupation is one a counsellor would accept for the role the words name.
  q('relaxed', 'développeur java spring', 'M1805', 'M1861'),
  q('relaxed', 'chef de projet informatique web', 'M1853', 'M1886'),
  q('relaxed', 'administrateur système linux', 'M1801'),
  q('relaxed', 'technicien support informatique', 'I1404', 'I1401', 'M1810'),
  q('relaxed', 'data engineer spark python', 'M1811'),
  q('relaxed', 'développeur mobile kotlin android', 'M1861'),
  q('relaxed', 'analyste données power bi', 'M1419', 'M1824'),
  q('relaxed', 'ingénieur cloud aws', 'M1860', 'M1827'),
  // Contract and remote words: relevant iff the occupation fits AND the offer's contract (or remote policy) is the one named.
  { ...q('kind', 'alternance développeur', ...DEVELOPERS), contracts: ['alternance'] },
  { ...q('kind', 'stage data', 'M1811', 'M1419', 'M1405'), contracts: ['stage'] },
  { ...q('kind', 'apprentissage technicien', 'I1404', 'I1401', 'M1810', 'M1816'), contracts: ['alternance'] },
  { ...q('kind', 'développeur web télétravail', 'M1855'), remote: ['full_remote', 'hybrid'] },
  { ...q('kind', 'cdi administrateur', 'M1801', 'M1854'), contracts: ['cdi'] },
  { ...q('kind', 'stagiaire marketing digital', 'M1718'), contracts: ['stage'] },
  { ...q('kind', 'freelance développeur', ...DEVELOPERS), contracts: ['freelance'] },
  { ...q('kind', 'alternance', ...ANY), contracts: ['alternance'] },
  // Generic words that are also part of a skill's spelling (AWS is "Amazon Web Services", support is
  // "Support utilisateurs", cybersécurité is "sécurité informatique"): relevant iff the occupation is the role the words name.
  q('generic', 'ingénieur web', 'M1855', 'M1886'),
  q('generic', 'consultant web', 'M1855', 'M1886', 'M1718'),
  q('generic', 'analyste sécurité', 'M1844'),
  q('generic', 'chef de projet services', 'M1853', 'M1886'),
  q('generic', 'responsable support', 'I1404', 'I1401'),
  q('generic', 'architecte web', 'M1855', 'M1860'),
]
