import { data, Form, Link, redirect } from 'react-router'
import { z } from 'zod'
import { findUserByEmail } from '#db/queries/accounts.ts'
import { APPOINTED_ROLES, appointRole, listAppointedAccounts, removeAppointedRole } from '#db/queries/roles.ts'
import { ROLE_LABELS } from '../utils/labels.ts'
import { requireAdmin } from '../utils/session.server.ts'
import type { Route } from './+types/admin-roles'
import { TableScroll } from '../components/table-scroll.tsx'

export async function loader({ request, context }: Route.LoaderArgs) {
  const admin = await requireAdmin(request, context.db)
  return { accounts: await listAppointedAccounts(context.db), selfId: admin.id }
}

const RoleActionSchema = z.discriminatedUnion('intent', [
  z.object({
    intent: z.literal('appoint'),
    email: z.string().trim().min(3).max(254),
    role: z.enum(APPOINTED_ROLES),
  }),
  z.object({ intent: z.literal('remove'), userId: z.coerce.number().int().positive() }),
])

export async function action({ request, context }: Route.ActionArgs) {
  const admin = await requireAdmin(request, context.db)
  const parsed = RoleActionSchema.safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success) return data({ error: 'Demande incomplète : indiquez une adresse e-mail et un rôle.' }, { status: 400 })
  const form = parsed.data
  if (form.intent === 'appoint') {
    const user = await findUserByEmail(context.db, form.email)
    if (!user) {
      return data({ error: `Aucun compte n’utilise l’adresse ${form.email} : la personne crée d’abord son compte, puis vous la nommez.` }, { status: 404 })
    }
    if (user.id === admin.id) return data({ error: 'Vous ne pouvez pas changer votre propre rôle.' }, { status: 400 })
    await appointRole(context.db, user.id, form.role)
    return redirect('/admin/roles?fait=nomination')
  }
  if (form.userId === admin.id) return data({ error: 'Vous ne pouvez pas retirer votre propre rôle.' }, { status: 400 })
  const outcome = await removeAppointedRole(context.db, form.userId)
  if (outcome === 'not-appointed') return data({ error: 'Ce compte n’a pas de rôle à retirer.' }, { status: 404 })
  if (outcome === 'last-admin') return data({ error: 'C’est le dernier compte admin : nommez-en un autre d’abord.' }, { status: 409 })
  return redirect('/admin/roles?fait=retrait')
}

export const meta: Route.MetaFunction = () => [{ title: 'Rôles – Passerelle' }]

export default function AdminRoles({ loaderData, actionData }: Route.ComponentProps) {
  const { accounts, selfId } = loaderData
  return (
    <section className="company-page" aria-labelledby="titre-roles">
      <p className="breadcrumb"><Link to="/admin">Modération</Link></p>
      <h1 id="titre-roles">Organisation et administration</h1>
      <p>
        Nommez les personnes qui organisent les forums ou administrent Passerelle. Elles doivent d’abord avoir créé
        leur compte. Retirer un rôle rend au compte son rôle ordinaire (recruteur·se s’il appartient à une entreprise,
        candidat·e sinon).
      </p>
      {actionData?.error ? <p role="alert" className="form-errors">{actionData.error}</p> : null}
      <Form method="post" className="stack">
        <input type="hidden" name="intent" value="appoint" />
        <div className="field">
          <label htmlFor="role-email">Adresse e-mail du compte</label>
          <input id="role-email" name="email" type="email" required autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor="role-role">Rôle</label>
          <select id="role-role" name="role" defaultValue="organiser">
            {APPOINTED_ROLES.map((role) => (
              <option key={role} value={role}>{ROLE_LABELS[role]}</option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">Nommer</button>
      </Form>
      <h2>Comptes nommés</h2>
      <TableScroll label="Comptes nommés">
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Nom</th>
            <th scope="col">Adresse e-mail</th>
            <th scope="col">Rôle</th>
            <th scope="col"><span className="visually-hidden">Action</span></th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((a) => (
            <tr key={a.id}>
              <td>{a.display_name}</td>
              <td>{a.email}</td>
              <td>{ROLE_LABELS[a.role]}</td>
              <td>
                {a.id === selfId ? (
                  'Vous'
                ) : (
                  <Form method="post">
                    <input type="hidden" name="userId" value={a.id} />
                    <button className="button button--secondary" name="intent" value="remove" aria-label={`Retirer le rôle de ${a.email}`}>
                      Retirer le rôle
                    </button>
                  </Form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      </TableScroll>
    </section>
  )
}
