import { Form, isRouteErrorResponse, Link, Links, Meta, NavLink, Outlet, Scripts, ScrollRestoration, useLocation, useMatches, useRouteLoaderData } from 'react-router'
import type { Route } from './+types/root'
import stylesheet from './styles.css?url'
import { Flash } from './components/flash.tsx'
import { checklistDone, ProfileChecklistBox } from './components/profile-checklist.tsx'
import { findProfileChecklist } from '#db/queries/candidate-profiles.ts'
import { useNonce } from './utils/nonce.tsx'
import { getOptionalUser } from './utils/session.server.ts'

export const links: Route.LinksFunction = () => [
  { rel: 'stylesheet', href: stylesheet },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

/** The title of the pages the shared error boundary renders (a route's own meta is gone with its data). */
export const meta: Route.MetaFunction = ({ error }) => {
  if (!error) return [{ title: 'Passerelle' }]
  const status = isRouteErrorResponse(error) ? error.status : 500
  const title = status === 404 ? 'Page introuvable' : status === 403 ? 'Accès refusé' : status < 500 ? 'Demande invalide' : 'Une erreur est survenue'
  return [{ title: `${title} – Passerelle` }]
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await getOptionalUser(request, context.db)
  // A candidate whose profile lacks what matching reads gets the first-visit checklist (one small query).
  const checklist = user?.role === 'candidate' ? await findProfileChecklist(context.db, user.id) : null
  return {
    user: user ? { displayName: user.display_name, role: user.role } : null,
    checklist: checklist && !checklistDone(checklist) ? checklist : null,
  }
}

/** A route whose `handle` says `{ bare: true }` (the widget other sites frame) has no header, footer nor script. */
function isBare(matches: ReturnType<typeof useMatches>): boolean {
  return matches.some((m) => (m.handle as { bare?: boolean } | undefined)?.bare === true)
}

function DocumentHead() {
  return (
    <head>
      <meta charSet="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <Meta />
      <Links />
    </head>
  )
}

export function Layout({ children }: { children: React.ReactNode }) {
  const nonce = useNonce()
  const matches = useMatches()
  // Absent when the root loader itself failed: the header then offers to sign in.
  const rootData = useRouteLoaderData<typeof loader>('root')
  const location = useLocation()
  if (isBare(matches)) {
    return (
      <html lang="fr">
        <DocumentHead />
        <body className="bare">
          <main id="contenu">{children}</main>
        </body>
      </html>
    )
  }
  const user = rootData?.user ?? null
  const back = returnQuery(location)
  // Not on the search page, whose results come first on a phone (e2e/phone-journeys.spec.ts), nor on the forms it points to.
  const checklist = rootData?.checklist && !/^\/(candidat\/profil|compte|offres\/?$)/.test(location.pathname) ? rootData.checklist : null
  return (
    <html lang="fr">
      <DocumentHead />
      <body>
        <a className="skip-link" href="#contenu">
          Aller au contenu
        </a>
        <header className="site-header">
          <div className="container site-header__inner">
            <Link to="/" className="brand">
              Passerelle
              <span className="brand__tagline">l’emploi numérique en région</span>
            </Link>
            {/* Below 900 px the menu folds behind a "Menu" toggle that needs no JavaScript: a checkbox drawn as a
                button (its own 44 px target), whose state shows the navigation that follows it in CSS. */}
            <span className="menu-toggle">
              <input type="checkbox" id="menu-toggle" aria-controls="navigation-principale" />
              <label htmlFor="menu-toggle">Menu</label>
            </span>
            <nav aria-label="Navigation principale" className="site-nav" id="navigation-principale">
              <NavLink to="/offres">Offres d’emploi</NavLink>
              <NavLink to="/forums" end>Forums</NavLink>
              {user ? (
                <>
                  {user.role === 'recruiter' || user.role === 'admin' ? <NavLink to="/recruteur">Espace recruteur</NavLink> : null}
                  {user.role === 'candidate' ? (
                    <>
                      <NavLink to="/candidat/profil">Mon profil</NavLink>
                      <NavLink to="/candidat/candidatures">Mes candidatures</NavLink>
                      <NavLink to="/candidat/offres-pour-vous">Offres pour vous</NavLink>
                      <NavLink to="/candidat/offres-sauvegardees">Offres sauvegardées</NavLink>
                      <NavLink to="/candidat/contacts">Contacts</NavLink>
                    </>
                  ) : null}
                  {user.role === 'admin' ? <NavLink to="/admin">Modération</NavLink> : null}
                  {user.role === 'organiser' || user.role === 'admin' ? <NavLink to="/organisation">Espace organisation</NavLink> : null}
                  <NavLink to="/compte" className="site-nav__user">Mon compte ({user.displayName})</NavLink>
                  <Form method="post" action="/deconnexion">
                    <button type="submit" className="link-button">Se déconnecter</button>
                  </Form>
                </>
              ) : (
                <>
                  <NavLink to={`/connexion${back}`}>Se connecter</NavLink>
                  <NavLink to={`/inscription${back}`}>Créer un compte</NavLink>
                </>
              )}
            </nav>
          </div>
        </header>
        <main id="contenu" className="container">
          <Flash />
          {checklist ? <ProfileChecklistBox checklist={checklist} /> : null}
          {children}
        </main>
        <footer className="site-footer">
          <div className="container">
            <p>Passerelle relie les jeunes diplômé·es du territoire aux entreprises du numérique qui recrutent.</p>
            <nav aria-label="Informations légales" className="footer-nav">
              <Link to="/mentions-legales">Mentions légales</Link>
              <Link to="/confidentialite">Confidentialité</Link>
              <Link to="/conditions-utilisation">Conditions d’utilisation</Link>
              <Link to="/api">API et flux</Link>
            </nav>
          </div>
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  )
}

/**
 * `?redirectTo=` for the header's sign-in and sign-up links: back to this page after either. On those two
 * pages the one they were given is passed on; the home page needs none. safeRedirect checks it on arrival.
 */
function returnQuery(location: { pathname: string; search: string }): string {
  if (location.pathname === '/connexion' || location.pathname === '/inscription') {
    const given = new URLSearchParams(location.search).get('redirectTo')
    return given ? `?${new URLSearchParams({ redirectTo: given })}` : ''
  }
  if (location.pathname === '/' || location.pathname === '/compte-supprime' || location.pathname === '/deconnexion') return ''
  const search = new URLSearchParams(location.search)
  search.delete('fait')
  return `?${new URLSearchParams({ redirectTo: `${location.pathname}${search.size ? `?${search}` : ''}` })}`
}

export default function App() {
  return <Outlet />
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  let title = 'Une erreur est survenue'
  let message = 'Nous n’avons pas pu afficher cette page. Réessayez dans un instant ; si le problème persiste, écrivez-nous.'
  if (isRouteErrorResponse(error)) {
    if (error.status === 404) {
      title = 'Page introuvable'
      message = typeof error.data === 'string' && error.data ? error.data : 'Cette page n’existe pas ou n’existe plus.'
    } else if (error.status === 403) {
      title = 'Accès refusé'
      message = typeof error.data === 'string' && error.data ? error.data : 'Cette page ne vous est pas accessible.'
    } else if (error.status < 500) {
      title = 'Demande invalide'
      message = typeof error.data === 'string' && error.data ? error.data : message
    }
  }
  return (
    <section className="error-page" aria-labelledby="error-title">
      <h1 id="error-title">{title}</h1>
      <p>{message}</p>
      <p>
        <Link to="/offres">Voir toutes les offres</Link> · <Link to="/">Retour à l’accueil</Link>
      </p>
    </section>
  )
}
