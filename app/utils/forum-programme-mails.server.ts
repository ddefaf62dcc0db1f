import type { DB } from '#db/connection.ts'
import type { Organiser } from '#db/queries/forum-exports.ts'
import { listProgrammesForOrganiser, listSentProgrammes, recordSentProgramme, type ProgrammeForum } from '#db/queries/forum-programme.ts'
import type { Mailer } from './mail.server.ts'
import { programmeHash, programmeLines, programmeMail } from './forum-programme.server.ts'

// Map.groupBy is Node 21+; the board runs on Node 20.
function groupBy<T, K>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>()
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item])
  return groups
}

export type ProgrammeRecipient = { userId: number; email: string; subject: string; text: string; hash: string; upToDate: boolean }

/**
 * Every participant's programme mail: each candidate with interviews (their times, tables, companies), each
 * member of a company with interviews (its candidates). `upToDate` is true when that same text was already sent.
 */
export async function programmeRecipients(db: DB, user: Organiser, forum: ProgrammeForum, publicUrl: string): Promise<ProgrammeRecipient[]> {
  const origin = publicUrl.replace(/\/+$/, '')
  const [{ interviews, members }, sent] = await Promise.all([listProgrammesForOrganiser(db, user, forum.id), listSentProgrammes(db, forum.id)])
  const recipients: Omit<ProgrammeRecipient, 'hash' | 'upToDate'>[] = []
  const byCandidate = groupBy(interviews, (i) => i.candidate_id)
  for (const [candidateId, rows] of byCandidate) {
    const first = rows[0]!
    const mail = programmeMail(forum, `Bonjour ${first.first_name}`, programmeLines(forum, rows, (i) => i.company_name),
      `${origin}/forums/${forum.slug}/programme`)
    recipients.push({ userId: candidateId, email: first.email, ...mail })
  }
  const byMember = groupBy(members, (m) => m.user_id)
  for (const [userId, memberships] of byMember) {
    const companies = new Set(memberships.map((m) => m.company_id))
    const rows = interviews.filter((i) => companies.has(i.company_id))
    const lines = programmeLines(forum, rows, (i) => `${i.first_name} ${i.last_name} (${i.company_name})`)
    const mail = programmeMail(forum, `Bonjour ${memberships[0]!.display_name}`, lines, `${origin}/recruteur/forums/${forum.slug}/resultats`)
    recipients.push({ userId, email: memberships[0]!.email, ...mail })
  }
  return recipients.map((r) => {
    const hash = programmeHash(`${r.subject}\n${r.text}`)
    return { ...r, hash, upToDate: sent.get(r.userId)?.programme_hash === hash }
  })
}

/**
 * Sends the programmes not sent yet in their current form, one by one, recording each once it left:
 * sending again mails only new or changed programmes, and an SMTP failure mid-way stops there (the rest
 * go at the next try). Returns how many left and whether it stopped on a failure.
 */
export async function sendProgrammes(db: DB, mailer: Mailer, recipients: ProgrammeRecipient[], forumId: number, now: Date) {
  let sent = 0
  for (const r of recipients) {
    if (r.upToDate) continue
    try {
      await mailer.send({ to: r.email, subject: r.subject, text: r.text })
    } catch (error) {
      console.error(`Programme du forum ${forumId} non envoyé à l’utilisateur ${r.userId} :`, error instanceof Error ? error.message : error)
      return { sent, failed: true }
    }
    await recordSentProgramme(db, forumId, r.userId, r.hash, now)
    sent++
  }
  return { sent, failed: false }
}
