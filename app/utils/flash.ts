/**
 * After every action that changes something, the action redirects with
 * `?fait=<key>` and the layout shows the matching message in a
 * role="status" region (app/components/flash.tsx). A query parameter rather
 * than a session flash: it needs no storage, works without JavaScript, and
 * the message is plain text chosen here, so a crafted link can only show one
 * of these sentences.
 */
export const FLASH = {
  // Candidate
  profil: 'Votre profil est enregistré.',
  cv: 'Votre CV est enregistré.',
  'cv-supprime': 'Votre CV est supprimé.',
  visible: 'Votre profil est désormais visible des recruteurs et recruteuses d’entreprises vérifiées.',
  prive: 'Votre consentement est retiré : votre profil est privé.',
  envoyee: 'Votre candidature est envoyée.',
  acceptee: 'Demande acceptée : l’entreprise voit maintenant votre nom et votre e-mail.',
  refusee: 'Demande refusée : l’entreprise n’aura pas vos coordonnées.',
  inscrit: 'Votre inscription au forum est enregistrée.',
  desinscrit: 'Votre inscription au forum est annulée.',
  souhaits: 'Vos souhaits sont enregistrés.',
  confirme: 'Votre inscription au forum est confirmée.',
  sauvegardee: 'Offre sauvegardée : retrouvez-la dans « Offres sauvegardées ».',
  'plus-sauvegardee': 'Offre retirée de vos offres sauvegardées.',
  'candidature-retiree': 'Votre candidature est retirée : l’entreprise ne voit plus votre profil ni votre CV.',
  // Alerts and notifications (any account)
  'alerte-creee': 'Alerte créée : vous recevrez les nouvelles offres de cette recherche par e-mail.',
  'alerte-pausee': 'Alerte mise en pause : plus aucun e-mail jusqu’à sa reprise.',
  'alerte-reprise': 'Alerte reprise : vous recevrez les offres publiées à partir de maintenant.',
  'alerte-modifiee': 'Fréquence de l’alerte enregistrée.',
  'alerte-supprimee': 'Alerte supprimée.',
  'alerte-recherche': 'Recherche de l’alerte mise à jour : elle vous enverra les nouvelles offres de cette recherche.',
  notifications: 'Vos préférences de notification sont enregistrées.',
  // Recruiter
  'entreprise-creee': 'Votre entreprise est créée.',
  'entreprise-enregistree': 'Modifications enregistrées.',
  'entreprise-a-reverifier': 'Modifications enregistrées. Le nom ou le SIREN a changé : l’équipe de modération va vérifier de nouveau votre entreprise, et vos prochaines offres attendront sa validation.',
  'offre-enregistree': 'Offre enregistrée.',
  'offre-publiee': 'Offre publiée : elle apparaît dans la recherche.',
  'offre-en-attente': 'Offre envoyée à la modération : elle sera en ligne une fois validée.',
  'offre-close': 'Offre close : elle ne reçoit plus de candidatures.',
  'offre-dupliquee': 'Copie créée : c’est un brouillon, à relire avant de publier.',
  'offres-importees': 'Offres importées de votre page carrières : elles sont en ligne.',
  etape: 'Étape de la candidature changée.',
  note: 'Note ajoutée.',
  contact: 'Votre demande de contact est envoyée.',
  'invitation-envoyee': 'Invitation envoyée.',
  'invitation-retiree': 'Invitation retirée.',
  'membre-retire': 'Membre retiré·e de l’équipe.',
  'equipe-rejointe': 'Bienvenue dans l’équipe.',
  'reponse-forum': 'Votre réponse au forum est enregistrée.',
  'souhait-forum': 'Vos souhaits de rencontre sont mis à jour.',
  resultat: 'Résultat de l’entretien enregistré.',
  // Admin
  nomination: 'Rôle attribué : la personne le trouve à sa prochaine page.',
  retrait: 'Rôle retiré.',
  'entreprise-verifiee': 'Entreprise vérifiée : ses prochaines offres seront publiées sans attente.',
  'offre-approuvee': 'Offre approuvée et publiée.',
  'offre-refusee': 'Offre refusée : l’entreprise est prévenue par e-mail.',
  'signalement-classe': 'Signalement classé.',
  'offre-retiree': 'Offre retirée de la recherche ; l’entreprise est prévenue.',
  // Organiser
  'forum-cree': 'Forum créé.',
  'forum-enregistre': 'Forum enregistré.',
  'forum-statut': 'État du forum changé.',
  'entreprise-invitee': 'Entreprise invitée.',
  'planning-calcule': 'Planning calculé.',
  'entretien-epingle': 'Entretien épinglé : il sera gardé au prochain calcul.',
  'entretien-libere': 'Entretien libéré.',
  'entretien-retire': 'Entretien retiré du planning.',
  'programmes-envoyes': 'Programmes envoyés par e-mail.',
} as const

export type FlashKey = keyof typeof FLASH
export const FLASH_PARAM = 'fait'

export function flashMessage(key: string | null): string | null {
  return key !== null && Object.hasOwn(FLASH, key) ? FLASH[key as FlashKey] : null
}

/** `href` with the flash key added to its query string (before any #fragment). */
export function withFlash(href: string, key: FlashKey): string {
  const [path, hash] = href.split('#', 2) as [string, string | undefined]
  const url = new URL(path, 'http://x')
  url.searchParams.set(FLASH_PARAM, key)
  return `${url.pathname}${url.search}${hash === undefined ? '' : `#${hash}`}`
}
