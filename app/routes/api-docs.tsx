import { Link } from 'react-router'
import { openApiDocument } from '../public-api/openapi.ts'
import { TableScroll } from '../components/table-scroll.tsx'
import type { Route } from './+types/api-docs'

type Schema = { type?: string | string[]; $ref?: string; enum?: unknown[]; items?: Schema; anyOf?: Schema[]; description?: string; properties?: Record<string, Schema>; required?: string[] }
type Operation = { summary: string; parameters?: { name: string; in: string; required?: boolean; description: string; schema: Schema }[]; responses: Record<string, { description: string }> }

/** The OpenAPI document, readable: the same data as /api/v1/openapi.json, no third-party script. */
export function loader() {
  const doc = openApiDocument() as {
    info: { title: string; description: string; version: string }
    paths: Record<string, { get: Operation }>
    components: { schemas: Record<string, Schema> }
  }
  return { info: doc.info, paths: doc.paths, schemas: doc.components.schemas }
}

export function meta() {
  return [{ title: 'API publique – Passerelle' }, { name: 'description', content: 'Les offres de Passerelle en JSON : recherche, offre, entreprise.' }]
}

function typeOf(schema: Schema | undefined): string {
  if (!schema) return ''
  if (schema.$ref) return schema.$ref.split('/').pop()!
  if (schema.anyOf) return schema.anyOf.map(typeOf).join(' ou ')
  if (schema.enum) return schema.enum.map(String).join(' | ')
  if (schema.type === 'array') return `liste de ${typeOf(schema.items)}`
  return Array.isArray(schema.type) ? schema.type.join(' ou ') : (schema.type ?? 'objet')
}

export default function ApiDocs({ loaderData }: Route.ComponentProps) {
  const { info, paths, schemas } = loaderData
  return (
    <article className="api-docs">
      <h1>{info.title}</h1>
      <p>{info.description}</p>
      <p>
        Document OpenAPI 3.1 (version {info.version}) : <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>. Flux : <Link to="/offres">toute recherche</Link> existe
        aussi en RSS (<code>/offres.rss?…</code>) et en Atom (<code>/offres.atom?…</code>) ; <a href="/flux/indeed.xml">flux XML pour les agrégateurs</a>.
      </p>
      <h2>Points d’accès</h2>
      {Object.entries(paths).map(([path, { get }], i) => (
        <section key={path} aria-labelledby={`op-${i}`}>
          <h3 id={`op-${i}`}>
            <code>GET {path}</code> — {get.summary}
          </h3>
          {get.parameters?.length ? (
            <TableScroll label={`Paramètres de ${path}`}>
              <table>
                <caption>Paramètres</caption>
                <thead><tr><th scope="col">Nom</th><th scope="col">Type</th><th scope="col">Description</th></tr></thead>
                <tbody>
                  {get.parameters.map((p) => (
                    <tr key={p.name}><th scope="row"><code>{p.name}</code></th><td>{typeOf(p.schema)}</td><td>{p.description}</td></tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          ) : null}
          <ul>
            {Object.entries(get.responses).map(([status, r]) => <li key={status}><strong>{status}</strong> : {r.description}</li>)}
          </ul>
        </section>
      ))}
      <h2>Objets</h2>
      {Object.entries(schemas).map(([name, schema]) => (
        <section key={name} aria-labelledby={`schema-${name}`}>
          <h3 id={`schema-${name}`}>{name}</h3>
          <TableScroll label={`Champs de ${name}`}>
            <table>
              <thead><tr><th scope="col">Champ</th><th scope="col">Type</th><th scope="col">Description</th></tr></thead>
              <tbody>
                {Object.entries(schema.properties ?? {}).map(([field, s]) => (
                  <tr key={field}><th scope="row"><code>{field}</code></th><td>{typeOf(s)}</td><td>{s.description ?? ''}</td></tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </section>
      ))}
    </article>
  )
}
