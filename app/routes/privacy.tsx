import { Link } from 'react-router'
import { INACTIVITY_DELETE_DAYS, INACTIVITY_NOTICE_DAYS } from '#db/maintenance.ts'
import { legalOperator } from '../utils/legal.server.ts'
import type { Route } from './+types/privacy'

export function loader() {
  return { operator: legalOperator(), deleteDays: INACTIVITY_DELETE_DAYS, noticeDays: INACTIVITY_NOTICE_DAYS }
}

export const meta: Route.MetaFunction = () => [{ title: 'Politique de confidentialité – Passerelle' }]

/** RGPD articles 12 to 14: which data, why, for how long, who sees it, and how to use one's rights. */
export default function Privacy({ loaderData }: Route.ComponentProps) {
  const { operator, deleteDays, noticeDays } = loaderData
  const contact = <a href={`mailto:${operator.OPERATOR_EMAIL}`}>{operator.OPERATOR_EMAIL}</a>
  return (
    <article className="offer-page legal-page" aria-labelledby="titre-confidentialite">
      <h1 id="titre-confidentialite">Politique de confidentialité</h1>
      <p>
        Responsable du traitement : {operator.OPERATOR_NAME}, {operator.OPERATOR_ADDRESS}. Pour toute question sur vos données : {contact}.
      </p>

      <h2>Les données que nous traitons</h2>
      <ul>
        <li><strong>Votre compte</strong> : adresse e-mail, prénom et nom, rôle, mot de passe (jamais en clair : seule une empreinte argon2id est gardée), date de dernière connexion.</li>
        <li><strong>Votre profil de candidat·e</strong> : formation, compétences et niveaux, langues, commune et rayon de mobilité, préférences de télétravail et de contrat, disponibilité, présentation, liens, CV.</li>
        <li><strong>Vos candidatures</strong> : l’offre, votre message, l’étape où en est l’entreprise ; les notes privées de l’entreprise sur votre candidature.</li>
        <li><strong>Les forums</strong> : votre inscription, votre accord pour que le forum transmette votre profil, vos souhaits de rencontre, vos entretiens.</li>
        <li><strong>Côté entreprise</strong> : la fiche de l’entreprise, ses membres, ses offres.</li>
        <li><strong>La sécurité</strong> : un cookie de session (strictement nécessaire, aucun cookie de mesure d’audience ni de publicité) et, pendant une journée au plus, le nombre de tentatives de connexion par adresse IP.</li>
      </ul>

      <h2>Pourquoi</h2>
      <ul>
        <li>Faire fonctionner votre compte et les services que vous demandez (recherche, candidatures, forums) : exécution des conditions d’utilisation.</li>
        <li>Montrer votre profil aux recruteurs et recruteuses d’entreprises vérifiées : <strong>uniquement avec votre consentement</strong>, retirable à tout moment sur <Link to="/candidat/profil">votre profil</Link> ; il redevient privé à l’instant.</li>
        <li>Transmettre votre profil aux entreprises d’un forum : uniquement avec votre accord, donné en vous inscrivant au forum.</li>
        <li>Protéger le service (limiter les tentatives de connexion, modérer les offres) : intérêt légitime.</li>
      </ul>

      <h2>Qui les voit</h2>
      <p>
        Une entreprise voit votre profil et votre CV lorsque vous lui envoyez une candidature, ou si vous avez consenti à être visible
        (entreprises vérifiées seulement). Les organisateurs d’un forum voient les inscrit·es de leur forum. Aucune donnée n’est vendue
        ni transmise à d’autres fins.
      </p>

      <h2>Combien de temps</h2>
      <ul>
        <li>Votre compte et votre profil : tant que vous les utilisez. Après {deleteDays - noticeDays} jours sans connexion, nous vous prévenons par e-mail ;
          sans connexion dans les {noticeDays} jours qui suivent, le compte est supprimé ({deleteDays} jours d’inactivité en tout).</li>
        <li>Les sessions expirent au bout de 30 jours ; les liens de réinitialisation et d’invitation, à leur échéance.</li>
        <li>À la suppression du compte, votre profil, vos compétences, vos langues, votre CV et les notes des recruteurs sur vos candidatures sont effacés ;
          l’entreprise garde seulement le fait qu’une personne a postulé.</li>
      </ul>

      <h2>Vos droits et comment les exercer</h2>
      <ul>
        <li><strong>Accès et portabilité</strong> : téléchargez toutes vos données en un fichier depuis <Link to="/compte">Mon compte</Link>.</li>
        <li><strong>Rectification</strong> : modifiez votre profil à tout moment.</li>
        <li><strong>Retrait du consentement</strong> : décochez la case de visibilité sur votre profil.</li>
        <li><strong>Effacement</strong> : supprimez votre compte depuis <Link to="/compte">Mon compte</Link>.</li>
        <li><strong>Opposition, limitation, toute autre demande</strong> : écrivez à {contact} ; nous répondons sous un mois.</li>
        <li>Vous pouvez aussi adresser une réclamation à la CNIL (cnil.fr).</li>
      </ul>
      <p>Voir aussi les <Link to="/mentions-legales">mentions légales</Link> et les <Link to="/conditions-utilisation">conditions d’utilisation</Link>.</p>
    </article>
  )
}
