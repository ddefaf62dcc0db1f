import type { CompanySize, ContractType, ExperienceLevel, RemotePolicy } from '../domain.ts'
import type { JobFamily } from './archetypes.ts'

/**
 * The French words the generator assembles: company names and activities of
 * the Côte d'Opale and the Nord, and the fragments of offer descriptions.
 * Weights are rough shares, not statistics.
 */

export const COMPANY_NAME_SUFFIXES = [
  'Digital', 'Studio', 'Labs', 'Informatique', 'Numérique', 'Web', 'Data', 'Solutions', 'Conseil', 'Systèmes',
  'Software', 'Réseaux', 'Tech', 'Cloud', 'Services', 'Interactive',
] as const

/** "Atelier Estran", "Collectif Houle". */
export const COMPANY_NAME_LEADS = ['Atelier', 'Agence', 'Collectif', 'Fabrique', 'Maison'] as const

/** Family names common in the Nord, for "Delattre Informatique". */
export const FAMILY_NAMES = [
  'Delattre', 'Vandamme', 'Lefebvre', 'Leclercq', 'Vasseur', 'Caron', 'Verhaeghe', 'Lemaire', 'Dewitte', 'Vanhove',
  'Deschamps', 'Fournier', 'Ledoux', 'Bouchard', 'Decroix',
] as const

export type NafActivity = { code: string; label: string; activity: string; weight: number }

export const NAF_ACTIVITIES: NafActivity[] = [
  { code: '62.01Z', label: 'Programmation informatique', activity: 'conçoit et développe des applications web et mobiles sur mesure', weight: 30 },
  { code: '62.02A', label: 'Conseil en systèmes et logiciels informatiques', activity: 'accompagne les PME et les collectivités dans leurs choix de systèmes d’information', weight: 18 },
  { code: '62.03Z', label: 'Gestion d’installations informatiques', activity: 'prend en charge l’exploitation et l’infogérance des parcs informatiques de ses clients', weight: 8 },
  { code: '62.09Z', label: 'Autres activités informatiques', activity: 'installe, dépanne et maintient le matériel informatique des entreprises et des particuliers', weight: 8 },
  { code: '63.11Z', label: 'Traitement de données, hébergement et activités connexes', activity: 'héberge des données et des applications dans ses propres serveurs, au plus près de ses clients', weight: 6 },
  { code: '63.12Z', label: 'Portails Internet', activity: 'édite des portails et des places de marché en ligne', weight: 4 },
  { code: '58.29C', label: 'Édition de logiciels applicatifs', activity: 'édite des logiciels métier pour la logistique portuaire, la santé et le commerce', weight: 10 },
  { code: '73.11Z', label: 'Activités des agences de publicité', activity: 'imagine des campagnes de communication numériques pour les marques de la région', weight: 7 },
  { code: '70.22Z', label: 'Conseil pour les affaires et autres conseils de gestion', activity: 'conseille les entreprises dans leur transformation numérique', weight: 5 },
  { code: '61.10Z', label: 'Télécommunications filaires', activity: 'déploie et exploite des réseaux de fibre optique', weight: 2 },
  { code: '61.20Z', label: 'Télécommunications sans fil', activity: 'installe et supervise des réseaux radio et des objets connectés', weight: 2 },
]

export const COMPANY_SIZE_WEIGHTS: [CompanySize, number][] = [['1-9', 40], ['10-49', 35], ['50-249', 18], ['250+', 7]]

export const COMPANY_SIZE_PHRASES: Record<CompanySize, string> = {
  '1-9': 'une petite équipe de passionné·es',
  '10-49': 'une équipe d’une trentaine de personnes',
  '50-249': 'plus d’une centaine de collaborateurs et collaboratrices',
  '250+': 'plusieurs centaines de salarié·es répartis sur la région',
}

/** `homeName` is the region's ("la Côte d’Opale", db/reference/regions/*.json). */
export const COMPANY_VALUES_SENTENCES = (homeName: string) => [
  'Nous privilégions les projets utiles, le travail bien fait et la transmission entre générations.',
  'Nos clients sont des PME, des ports, des collectivités et des associations du territoire.',
  `Nous croyons qu’on peut faire carrière dans le numérique sans quitter ${homeName}.`,
  'L’entreprise forme chaque année des alternant·es issu·es des écoles du territoire.',
  'Sobriété numérique et accessibilité font partie de notre cahier des charges.',
  'Nous travaillons en proximité avec nos clients, du premier atelier à la mise en production.',
]

export const CLUSTER_SENTENCE = (cluster: string) =>
  `Membre du cluster ${cluster}, nous participons aux rencontres et aux forums emploi du réseau.`

export const TRAININGS: Record<JobFamily, string[]> = {
  dev: ['BTS SIO option SLAM', 'BUT Informatique', 'Licence pro Métiers de l’informatique', 'Master informatique de l’ULCO', 'bootcamp de développement web', 'titre professionnel Développeur web et web mobile'],
  infra: ['BTS SIO option SISR', 'BUT Réseaux et télécommunications', 'Licence pro Administration et sécurité des réseaux', 'Master informatique de l’ULCO', 'titre professionnel Technicien supérieur systèmes et réseaux'],
  data: ['BUT Science des données', 'Master informatique de l’ULCO', 'école d’ingénieurs', 'bootcamp data'],
  design: ['BTS Design graphique', 'Licence pro Métiers du multimédia et de l’internet', 'Master Design d’interaction', 'bootcamp UX/UI'],
  marketing: ['BTS Communication', 'BUT Métiers du multimédia et de l’internet', 'Licence pro Commerce électronique', 'Master Marketing digital'],
  project: ['Master informatique de l’ULCO', 'école d’ingénieurs', 'école de commerce', 'Master Management de projets numériques'],
}

export const EXPERIENCE_PHRASES: Record<ExperienceLevel, string> = {
  entry: 'Débutant·e accepté·e : un stage ou une alternance réussis suffisent pour commencer.',
  junior: 'Vous avez une première expérience de un à deux ans, en entreprise ou en alternance.',
  confirmed: 'Vous justifiez de trois à cinq ans d’expérience sur un poste similaire.',
  senior: 'Fort·e de plus de six ans d’expérience, vous aimez transmettre et prendre des décisions techniques.',
}

export const STUDENT_PHRASE = 'Vous cherchez une entreprise pour mettre votre formation en pratique : pas besoin d’expérience.'

export const SOFT_SKILLS = [
  'Vous êtes curieux·se, rigoureux·se et à l’aise pour expliquer vos choix.',
  'Vous appréciez le travail en équipe et le contact avec les utilisateurs.',
  'Vous savez rédiger une documentation claire et organiser votre temps.',
  'Vous lisez l’anglais technique sans difficulté.',
  'Le permis B est un plus pour les déplacements chez nos clients du littoral.',
]

export const CONTRACT_PHRASES: Record<ContractType, string[]> = {
  cdi: ['Poste en CDI, avec une période d’essai de trois mois.', 'CDI à temps plein, 35 heures par semaine.'],
  cdd: ['CDD de six mois, avec possibilité de prolongation.', 'CDD de douze mois dans le cadre d’un nouveau projet.'],
  alternance: ['Contrat d’apprentissage de douze ou vingt-quatre mois, au rythme de votre école.', 'Alternance sur deux ans : trois semaines en entreprise, une semaine en formation.'],
  stage: ['Stage de quatre à six mois, gratifié, avec un tuteur ou une tutrice dédié·e.', 'Stage de fin d’études de six mois, avec perspective d’embauche.'],
  freelance: ['Mission freelance de trois à six mois, renouvelable.', 'Mission en indépendant, deux à trois jours par semaine.'],
  interim: ['Mission d’intérim de trois mois, renouvelable.', 'Mission d’intérim à pourvoir rapidement, avec possibilité d’embauche.'],
}

export const REMOTE_PHRASES: Record<RemotePolicy, string> = {
  on_site: 'Le poste s’exerce dans nos locaux, au sein de l’équipe.',
  hybrid: 'Le poste est hybride : deux jours de télétravail par semaine, le reste au bureau.',
  full_remote: 'Le poste est en télétravail complet, avec une journée d’équipe au bureau chaque mois.',
}

export const BENEFITS = [
  'Tickets restaurant de 9 €, pris en charge à 60 %',
  'Mutuelle d’entreprise prise en charge à 100 %',
  'RTT : une dizaine de jours par an',
  'Prime de participation et d’intéressement',
  'Horaires souples et semaine de 4,5 jours possible',
  'Budget formation et temps dédié à la veille technique',
  'Forfait mobilités durables pour le vélo et le covoiturage',
  'Matériel au choix et écran supplémentaire',
  'Une équipe soudée et des afterworks réguliers',
  'Prise en charge de 50 % de l’abonnement TER ou bus',
]

/** Only said of offers placed in a territory of a region by the sea (its `demo.seaside`). */
export const SEASIDE_BENEFIT = 'La mer à quelques minutes : le midi, on marche sur la digue'
export const REMOTE_BENEFIT = 'Télétravail jusqu’à 2 jours par semaine, avec une indemnité mensuelle'

export const TITLE_SUFFIXES = [' (H/F)', ' (F/H)'] as const

export const FRENCH_MONTHS = [
  'janvier', 'février', 'mars', 'avril', 'mai', 'juin',
  'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre',
] as const
