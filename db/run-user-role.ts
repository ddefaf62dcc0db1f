import { randomBytes } from 'node:crypto'
import { parseArgs } from 'node:util'
import { parseEnv } from '#app/env.server.ts'
import { createMailer } from '#app/utils/mail.server.ts'
import { hashPassword } from '#app/utils/password.server.ts'
import { openDatabase } from './connection.ts'
import { migrateToLatest } from './migrate.ts'
import { createPasswordReset, createUser, findUserByEmail, normalizeEmail } from './queries/accounts.ts'
import { APPOINTED_ROLES, appointRole, removeAppointedRole, type AppointedRole } from './queries/roles.ts'

/**
 * `npm run user:role -- --email ana@cluster.fr --role admin [--remove]`: the
 * first admin of a real install, and any later appointment from the shell.
 * A missing account is created without a usable password; the command prints
 * (and e-mails, with SMTP_URL) a link to choose one, valid 24 h. Never takes a
 * password on the command line (it would stay in the shell history).
 */
const RESET_LINK_MINUTES = 24 * 60

const { values } = parseArgs({
  options: { email: { type: 'string' }, role: { type: 'string' }, remove: { type: 'boolean', default: false } },
  strict: true,
})
const usage = 'Usage : npm run user:role -- --email adresse@exemple.fr --role admin|organiser [--remove]'
const email = values.email?.trim()
if (!email || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || !APPOINTED_ROLES.includes(values.role as AppointedRole)) {
  console.error(usage)
  process.exit(2)
}
const role = values.role as AppointedRole
const env = parseEnv(process.env)
const { db } = openDatabase(env.DATABASE_PATH)
try {
  await migrateToLatest(db)
  const existing = await findUserByEmail(db, email)
  if (values.remove) {
    if (!existing || existing.role !== role) {
      console.error(`${email} n’est pas ${role === 'admin' ? 'admin' : 'organisateur·rice'} : rien à retirer.`)
      process.exitCode = 1
    } else {
      const outcome = await removeAppointedRole(db, existing.id)
      if (outcome === 'last-admin') {
        console.error(`${email} est le dernier compte admin : nommez-en un autre avant de retirer celui-ci.`)
        process.exitCode = 1
      } else console.log(`${email} n’est plus ${role === 'admin' ? 'admin' : 'organisateur·rice'}.`)
    }
  } else {
    const now = new Date()
    let userId: number
    if (existing) {
      userId = existing.id
      await appointRole(db, userId, role)
      console.log(`${email} est maintenant ${role === 'admin' ? 'admin' : 'organisateur·rice'} ; son mot de passe ne change pas.`)
    } else {
      // An unguessable password nobody knows: the account is used once its owner chose one with the link.
      const created = await createUser(
        db,
        { email, role, displayName: normalizeEmail(email).split('@')[0]!, passwordHash: await hashPassword(randomBytes(32).toString('base64url')) },
        now,
      )
      if (created === 'email-taken') throw new Error('compte créé entre-temps, relancez la commande')
      userId = created.id
      const token = await createPasswordReset(db, userId, now, RESET_LINK_MINUTES)
      const link = `${env.PUBLIC_URL}/reinitialiser-mot-de-passe?${new URLSearchParams({ jeton: token })}`
      console.log(`Compte ${role === 'admin' ? 'admin' : 'organisateur·rice'} créé pour ${email}.`)
      console.log(`Pour choisir son mot de passe (lien valable 24 h, une seule fois) :\n  ${link}`)
      if (env.SMTP_URL) {
        await createMailer({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM }).send({
          to: email,
          subject: 'Votre compte Passerelle',
          text: `Bonjour,\n\nUn compte Passerelle a été créé pour vous. Choisissez votre mot de passe (lien valable 24 h) :\n${link}\n`,
        })
        console.log('Le lien lui a aussi été envoyé par e-mail.')
      }
    }
  }
} finally {
  await db.destroy()
}
