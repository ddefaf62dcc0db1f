import { Link } from 'react-router'

export const ALERT_FORM_ID = 'creer-alerte'
export const UPDATE_ALERT_FORM_ID = 'modifier-alerte'
/** `?alerte=<id>` on the search page: "Modifier la recherche" of "Mes alertes" opened it for that alert. */
export const EDITED_ALERT_PARAM = 'alerte'

/**
 * "Créer une alerte" on the search page: one click for a signed-in user (it
 * submits the hidden form the page renders outside the search form), a link
 * to the e-mail form for a visitor. Both work without JavaScript.
 */
export function AlertButton({ signedIn, search, editing }: { signedIn: boolean; search: string; editing: number | null }) {
  return (
    <p className="alert-cta">
      {signedIn && editing ? (
        <>
          <button type="submit" form={UPDATE_ALERT_FORM_ID} className="button">
            Mettre à jour l’alerte
          </button>{' '}
        </>
      ) : null}
      {signedIn ? (
        <button type="submit" form={ALERT_FORM_ID} className="button button--secondary">
          Créer une alerte
        </button>
      ) : (
        <Link className="button button--secondary" to={`/alertes/nouvelle${search ? `?${search}` : ''}`}>
          Créer une alerte
        </Link>
      )}{' '}
      <span className="alert-cta__hint">Recevez par e-mail les nouvelles offres de cette recherche.</span>
    </p>
  )
}
