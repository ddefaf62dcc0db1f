import type { ContractType, ExperienceLevel } from '../domain.ts'

/**
 * The jobs the clusters of the Littoral actually post. Skill slugs come from
 * db/reference/skills.ts only (seed.test.ts checks it); the yearly salary
 * range spans the levels the archetype is open to, at regional rates.
 */
export type JobFamily = 'dev' | 'infra' | 'data' | 'design' | 'marketing' | 'project'

export type JobArchetype = {
  title: string
  family: JobFamily
  required: string[]
  niceToHave: string[]
  contracts: ContractType[]
  levels: ExperienceLevel[]
  /** Gross yearly salary, from the lowest to the highest level offered. */
  salary: [number, number]
  /** Field jobs: never offered in remote. */
  onSite?: boolean
  pitch: string
  missions: string[]
}

const ALL_LEVELS: ExperienceLevel[] = ['entry', 'junior', 'confirmed', 'senior']
const DEV_CONTRACTS: ContractType[] = ['cdi', 'cdd', 'alternance', 'stage', 'freelance']

export const JOB_ARCHETYPES: JobArchetype[] = [
  {
    title: 'Développeur·se web full-stack', family: 'dev',
    required: ['javascript', 'php', 'mysql', 'html-css'], niceToHave: ['vuejs', 'docker', 'git'],
    contracts: DEV_CONTRACTS, levels: ALL_LEVELS, salary: [28000, 45000],
    pitch: 'Vous intervenez de la base de données jusqu’à l’interface, sur les sites et applications de nos clients.',
    missions: [
      'Développer de nouvelles fonctionnalités en PHP et JavaScript',
      'Concevoir les schémas MySQL et optimiser les requêtes lentes',
      'Intégrer les maquettes en HTML/CSS, accessibles et responsives',
      'Relire le code de vos collègues et partager les bonnes pratiques',
      'Participer aux échanges avec les clients pour cadrer les besoins',
    ],
  },
  {
    title: 'Technicien·ne support informatique', family: 'infra',
    required: ['support', 'windows-server', 'reseaux'], niceToHave: ['linux'],
    contracts: ['cdi', 'cdd', 'interim', 'alternance'], levels: ['entry', 'junior', 'confirmed'], salary: [24000, 32000], onSite: true,
    pitch: 'Vous êtes le premier contact des utilisateurs et vous résolvez leurs incidents au quotidien.',
    missions: [
      'Traiter les tickets de helpdesk dans GLPI, par téléphone ou sur site',
      'Gérer les comptes utilisateurs dans Active Directory sous Windows Server',
      'Préparer et déployer les postes de travail',
      'Diagnostiquer les problèmes de réseau local et d’impression',
      'Rédiger des procédures simples pour les utilisateurs',
    ],
  },
  {
    title: 'Administrateur·rice systèmes et réseaux', family: 'infra',
    required: ['linux', 'windows-server', 'reseaux'], niceToHave: ['docker', 'cybersecurite', 'azure'],
    contracts: ['cdi', 'cdd', 'alternance'], levels: ['junior', 'confirmed', 'senior'], salary: [30000, 46000],
    pitch: 'Vous garantissez la disponibilité et la sécurité de l’infrastructure de nos clients.',
    missions: [
      'Administrer les serveurs Linux et Windows Server de production',
      'Configurer les équipements réseau : commutateurs, routeurs, VLAN et VPN',
      'Superviser les services et mettre en place les sauvegardes',
      'Appliquer les correctifs de sécurité et suivre les vulnérabilités',
      'Documenter l’architecture et les procédures d’exploitation',
    ],
  },
  {
    title: 'Data analyst', family: 'data',
    required: ['sql', 'power-bi', 'python'], niceToHave: ['machine-learning'],
    contracts: ['cdi', 'cdd', 'alternance', 'stage'], levels: ALL_LEVELS, salary: [32000, 45000],
    pitch: 'Vous transformez les données de l’activité en tableaux de bord utiles aux équipes.',
    missions: [
      'Écrire les requêtes SQL qui alimentent les indicateurs',
      'Construire et maintenir les tableaux de bord Power BI',
      'Automatiser la préparation des données en Python',
      'Présenter vos analyses aux responsables métier',
      'Garantir la qualité et la documentation des données',
    ],
  },
  {
    title: 'Développeur·se Java / Spring', family: 'dev',
    required: ['java', 'spring', 'sql'], niceToHave: ['docker', 'angular', 'ci-cd'],
    contracts: ['cdi', 'freelance', 'alternance'], levels: ALL_LEVELS, salary: [33000, 52000],
    pitch: 'Vous faites évoluer un logiciel métier utilisé par les opérateurs logistiques du port.',
    missions: [
      'Développer des API REST en Java avec Spring Boot',
      'Écrire des tests unitaires et d’intégration',
      'Optimiser les accès aux données SQL',
      'Participer aux choix d’architecture et aux revues de code',
      'Accompagner les mises en production avec l’équipe d’exploitation',
    ],
  },
  {
    title: 'Chef·fe de projet digital', family: 'project',
    required: ['scrum', 'ux-design'], niceToHave: ['seo', 'google-ads', 'figma'],
    contracts: ['cdi', 'cdd', 'alternance'], levels: ['junior', 'confirmed', 'senior'], salary: [34000, 50000],
    pitch: 'Vous pilotez les projets web de nos clients, du cadrage à la mise en ligne.',
    missions: [
      'Recueillir les besoins et rédiger les spécifications fonctionnelles',
      'Animer les rituels Scrum avec l’équipe de développement',
      'Suivre le planning, le budget et la recette',
      'Veiller à l’expérience utilisateur (UX) avec la designer',
      'Être l’interlocuteur·rice privilégié·e des clients',
    ],
  },
  {
    title: 'UX/UI designer', family: 'design',
    required: ['figma', 'ux-design'], niceToHave: ['html-css', 'scrum'],
    contracts: ['cdi', 'cdd', 'alternance', 'stage', 'freelance'], levels: ALL_LEVELS, salary: [28000, 44000],
    pitch: 'Vous concevez des interfaces simples et accessibles pour des publics très variés.',
    missions: [
      'Mener des entretiens et des tests utilisateurs',
      'Concevoir les parcours, les wireframes et les maquettes dans Figma',
      'Faire vivre le design system avec les développeur·ses',
      'Veiller au respect du RGAA et de l’ergonomie',
      'Présenter vos choix aux clients et aux équipes',
    ],
  },
  {
    title: 'Ingénieur·e DevOps', family: 'infra',
    required: ['docker', 'kubernetes', 'ci-cd', 'linux'], niceToHave: ['aws', 'azure', 'python'],
    contracts: ['cdi', 'freelance'], levels: ['confirmed', 'senior'], salary: [38000, 55000],
    pitch: 'Vous industrialisez le déploiement de nos applications et fiabilisez la production.',
    missions: [
      'Construire les pipelines CI/CD (GitLab CI)',
      'Conteneuriser les applications avec Docker',
      'Exploiter les clusters Kubernetes et leur supervision',
      'Automatiser l’infrastructure sur serveurs Linux',
      'Sensibiliser les développeur·ses aux bonnes pratiques d’exploitation',
    ],
  },
  {
    title: 'Développeur·se mobile Flutter', family: 'dev',
    required: ['flutter', 'dart'], niceToHave: ['kotlin', 'swift', 'git'],
    contracts: ['cdi', 'alternance', 'stage', 'freelance'], levels: ALL_LEVELS, salary: [32000, 48000],
    pitch: 'Vous développez des applications mobiles iOS et Android à partir d’une seule base de code.',
    missions: [
      'Développer les écrans et la logique applicative en Dart avec Flutter',
      'Connecter les applications aux API de nos clients',
      'Publier les applications sur les stores',
      'Corriger les anomalies remontées par les utilisateurs',
      'Proposer des améliorations de performance et d’accessibilité',
    ],
  },
  {
    title: 'Intégrateur·rice web', family: 'dev',
    required: ['html-css', 'javascript'], niceToHave: ['wordpress', 'figma', 'seo'],
    contracts: ['cdi', 'cdd', 'alternance', 'stage'], levels: ['entry', 'junior', 'confirmed'], salary: [24000, 34000],
    pitch: 'Vous donnez vie aux maquettes de nos designers, au pixel près.',
    missions: [
      'Intégrer les maquettes en HTML/CSS responsive',
      'Ajouter les interactions en JavaScript',
      'Respecter les normes d’accessibilité et de performance',
      'Tester l’affichage sur les différents navigateurs',
      'Former les clients à la mise à jour de leur site',
    ],
  },
  {
    title: 'Développeur·se PHP / Symfony', family: 'dev',
    required: ['php', 'symfony', 'mysql'], niceToHave: ['docker', 'vuejs', 'git'],
    contracts: DEV_CONTRACTS, levels: ALL_LEVELS, salary: [30000, 46000],
    pitch: 'Vous développez et maintenez des applications métier robustes pour nos clients.',
    missions: [
      'Développer des fonctionnalités en PHP avec Symfony',
      'Modéliser les données et écrire les migrations MySQL',
      'Écrire des tests automatisés',
      'Maintenir et faire évoluer des applications existantes',
      'Participer à l’estimation des projets',
    ],
  },
  {
    title: 'Développeur·se .NET / C#', family: 'dev',
    required: ['csharp', 'dotnet', 'sql'], niceToHave: ['azure', 'angular'],
    contracts: ['cdi', 'cdd', 'alternance', 'freelance'], levels: ALL_LEVELS, salary: [32000, 50000],
    pitch: 'Vous faites évoluer un progiciel de gestion utilisé par des centaines d’entreprises.',
    missions: [
      'Développer en C# avec .NET et ASP.NET Core',
      'Écrire les procédures et requêtes SQL Server',
      'Concevoir les API consommées par nos applications',
      'Assurer le support technique de niveau 3',
      'Participer à la migration vers le cloud',
    ],
  },
  {
    title: 'Consultant·e cybersécurité', family: 'infra',
    required: ['cybersecurite', 'reseaux', 'linux'], niceToHave: ['windows-server', 'azure'],
    contracts: ['cdi', 'freelance'], levels: ['junior', 'confirmed', 'senior'], salary: [38000, 55000],
    pitch: 'Vous aidez les PME et les collectivités du territoire à se protéger des cyberattaques.',
    missions: [
      'Réaliser des audits de sécurité et des tests d’intrusion',
      'Rédiger les plans de remédiation et accompagner leur mise en œuvre',
      'Durcir les configurations Linux, Windows et réseau',
      'Sensibiliser les équipes de nos clients à la cybersécurité',
      'Participer à la réponse aux incidents',
    ],
  },
  {
    title: 'Technicien·ne réseaux et télécoms', family: 'infra',
    required: ['reseaux', 'linux'], niceToHave: ['cybersecurite', 'support'],
    contracts: ['cdi', 'cdd', 'interim', 'alternance'], levels: ['entry', 'junior', 'confirmed'], salary: [24000, 34000], onSite: true,
    pitch: 'Vous installez et maintenez les réseaux de nos clients, de la fibre au Wi-Fi.',
    missions: [
      'Installer et configurer les équipements réseau TCP/IP et Cisco',
      'Raccorder les sites en fibre optique et tester les liaisons',
      'Intervenir sur site pour diagnostiquer les pannes',
      'Mettre à jour la documentation des installations',
      'Administrer les passerelles et serveurs Linux',
    ],
  },
  {
    title: 'Chargé·e de marketing digital / SEO', family: 'marketing',
    required: ['seo', 'google-ads'], niceToHave: ['wordpress', 'reseaux-sociaux'],
    contracts: ['cdi', 'cdd', 'alternance', 'stage'], levels: ALL_LEVELS, salary: [26000, 38000],
    pitch: 'Vous développez la visibilité en ligne de nos clients, du référencement aux campagnes.',
    missions: [
      'Auditer et améliorer le référencement naturel (SEO) des sites',
      'Piloter les campagnes Google Ads et leur budget',
      'Suivre les indicateurs et produire les rapports mensuels',
      'Rédiger des contenus optimisés',
      'Conseiller les clients sur leur stratégie digitale',
    ],
  },
  {
    title: 'Community manager', family: 'marketing',
    required: ['reseaux-sociaux', 'wordpress'], niceToHave: ['seo', 'google-ads', 'figma'],
    contracts: ['cdi', 'cdd', 'alternance', 'stage', 'freelance'], levels: ['entry', 'junior', 'confirmed'], salary: [24000, 32000],
    pitch: 'Vous animez les communautés de nos clients sur les réseaux sociaux.',
    missions: [
      'Élaborer le calendrier éditorial des réseaux sociaux',
      'Créer des visuels et rédiger les publications',
      'Publier les actualités sur les sites WordPress',
      'Modérer et répondre aux communautés',
      'Analyser les statistiques et proposer des actions',
    ],
  },
  {
    title: 'Data engineer Python', family: 'data',
    required: ['python', 'sql', 'postgresql'], niceToHave: ['docker', 'aws', 'machine-learning'],
    contracts: ['cdi', 'freelance', 'alternance'], levels: ['junior', 'confirmed', 'senior'], salary: [38000, 54000],
    pitch: 'Vous construisez les flux de données qui alimentent nos produits et nos analyses.',
    missions: [
      'Développer les pipelines d’ingestion en Python',
      'Modéliser l’entrepôt de données PostgreSQL',
      'Optimiser les requêtes SQL et les traitements volumineux',
      'Industrialiser les modèles de machine learning avec les data scientists',
      'Surveiller la qualité et la fraîcheur des données',
    ],
  },
  {
    title: 'Développeur·se C++ embarqué', family: 'dev',
    required: ['cpp', 'linux'], niceToHave: ['python', 'git'],
    contracts: ['cdi', 'cdd', 'stage'], levels: ALL_LEVELS, salary: [34000, 52000],
    pitch: 'Vous développez le logiciel embarqué de capteurs et d’équipements industriels.',
    missions: [
      'Développer des modules en C++ sur Linux embarqué',
      'Écrire les pilotes et les protocoles de communication',
      'Tester sur banc et sur le matériel réel',
      'Écrire des outils de test en Python',
      'Analyser et corriger les anomalies terrain',
    ],
  },
  {
    title: 'Testeur·se QA', family: 'dev',
    required: ['ci-cd', 'scrum'], niceToHave: ['javascript', 'python', 'sql'],
    contracts: ['cdi', 'cdd', 'alternance', 'stage', 'interim'], levels: ['entry', 'junior', 'confirmed'], salary: [28000, 40000],
    pitch: 'Vous êtes le garant ou la garante de la qualité de nos applications avant chaque livraison.',
    missions: [
      'Rédiger les plans et cahiers de tests',
      'Automatiser les tests et les intégrer dans la chaîne CI/CD',
      'Participer aux rituels Scrum avec l’équipe produit',
      'Remonter et suivre les anomalies',
      'Réaliser les tests de non-régression',
    ],
  },
  {
    title: 'Product owner', family: 'project',
    required: ['scrum', 'ux-design'], niceToHave: ['sql', 'figma'],
    contracts: ['cdi', 'freelance'], levels: ['confirmed', 'senior'], salary: [38000, 54000],
    pitch: 'Vous portez la vision du produit et priorisez ce que l’équipe construit.',
    missions: [
      'Tenir et prioriser le backlog produit',
      'Rédiger les user stories et leurs critères d’acceptation',
      'Animer les revues de sprint en Scrum',
      'Rencontrer les utilisateurs pour comprendre leurs besoins',
      'Mesurer l’usage des fonctionnalités livrées',
    ],
  },
  {
    title: 'Développeur·se React / TypeScript', family: 'dev',
    required: ['react', 'typescript', 'javascript'], niceToHave: ['nodejs', 'git', 'figma'],
    contracts: DEV_CONTRACTS, levels: ALL_LEVELS, salary: [32000, 50000],
    pitch: 'Vous développez des interfaces web riches et performantes.',
    missions: [
      'Développer des composants React en TypeScript',
      'Connecter les interfaces aux API',
      'Écrire des tests et soigner l’accessibilité',
      'Améliorer les performances de chargement',
      'Travailler en binôme avec les designers',
    ],
  },
  {
    title: 'Développeur·se Node.js', family: 'dev',
    required: ['nodejs', 'typescript', 'mongodb'], niceToHave: ['docker', 'postgresql', 'aws'],
    contracts: DEV_CONTRACTS, levels: ALL_LEVELS, salary: [32000, 50000],
    pitch: 'Vous développez les services back-end de nos plateformes.',
    missions: [
      'Concevoir des API avec Node.js et TypeScript',
      'Modéliser les données dans MongoDB',
      'Mettre en place la supervision et les journaux',
      'Écrire des tests automatisés',
      'Participer aux astreintes de façon raisonnable',
    ],
  },
  {
    title: 'Administrateur·rice cloud Azure', family: 'infra',
    required: ['azure', 'windows-server'], niceToHave: ['docker', 'kubernetes', 'ci-cd'],
    contracts: ['cdi', 'cdd', 'freelance'], levels: ['junior', 'confirmed', 'senior'], salary: [36000, 54000],
    pitch: 'Vous accompagnez nos clients dans leur migration vers le cloud Microsoft Azure.',
    missions: [
      'Concevoir et déployer les environnements Azure',
      'Migrer les serveurs Windows Server et Active Directory',
      'Suivre les coûts et la sécurité des abonnements',
      'Automatiser les déploiements',
      'Former les équipes internes',
    ],
  },
  {
    title: 'Technicien·ne de maintenance informatique', family: 'infra',
    required: ['support', 'windows-server'], niceToHave: ['reseaux', 'linux'],
    contracts: ['cdi', 'cdd', 'interim', 'alternance'], levels: ['entry', 'junior', 'confirmed'], salary: [24000, 30000], onSite: true,
    pitch: 'Vous intervenez chez nos clients pour installer, réparer et entretenir leur matériel.',
    missions: [
      'Diagnostiquer et réparer les postes et les imprimantes',
      'Installer les postes sous Windows et les serveurs Windows Server',
      'Intervenir sur site chez les clients de la région',
      'Assurer l’assistance utilisateurs par téléphone',
      'Tenir à jour l’inventaire du parc',
    ],
  },
  {
    title: 'Développeur·se WordPress', family: 'dev',
    required: ['wordpress', 'php', 'html-css'], niceToHave: ['seo', 'javascript'],
    contracts: ['cdi', 'cdd', 'alternance', 'stage', 'freelance'], levels: ['entry', 'junior', 'confirmed'], salary: [26000, 38000],
    pitch: 'Vous créez les sites vitrines et boutiques en ligne des commerces et associations de la région.',
    missions: [
      'Développer des thèmes et des extensions WordPress en PHP',
      'Intégrer les maquettes en HTML/CSS',
      'Configurer les boutiques WooCommerce',
      'Optimiser la vitesse et le référencement des sites',
      'Assurer la maintenance et les mises à jour de sécurité',
    ],
  },
]
