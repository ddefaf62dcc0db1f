import { Link } from 'react-router'

// Any unknown URL: a real 404 status, rendered by the shared error boundary.
export function loader() {
  throw new Response('Cette page n’existe pas ou n’existe plus.', { status: 404 })
}

export default function NotFound() {
  return (
    <p>
      Page introuvable. <Link to="/">Retour à l’accueil</Link>
    </p>
  )
}
