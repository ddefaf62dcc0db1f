import { findCompanyLogo } from '#db/queries/recruiter-company.ts'
import type { Route } from './+types/company-logo'

/** A company's logo, public like its page; the type is the one sniffed at upload. */
export async function loader({ params, context }: Route.LoaderArgs) {
  const logo = await findCompanyLogo(context.db, params.slug)
  const bytes = logo?.logo_file ? await context.files.read(logo.logo_file) : null
  if (!logo?.logo_mime || !bytes) {
    return new Response('Pas de logo pour cette entreprise.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  }
  // X-Content-Type-Options: nosniff comes with every response (app/security-headers.ts).
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': logo.logo_mime,
      'Cache-Control': 'public, max-age=300',
    },
  })
}
