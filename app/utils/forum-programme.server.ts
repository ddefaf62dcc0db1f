import { createHash } from 'node:crypto'
import { createEvents, type EventAttributes } from 'ics'
import type { ProgrammeForum, ProgrammeInterview } from '#db/queries/forum-programme.ts'
import { slotRange, slotStart } from './forum-slots.ts'
import { formatDay } from './labels.ts'

/**
 * A forum participant's programme as a calendar file (RFC 5545, written by
 * the `ics` package, refolded at 75 octets: CRLF, text escaped) and as
 * the text of the organiser's mail. Forum times are the venue's wall-clock
 * times in France; the calendar carries them in UTC, so every calendar shows
 * them right whatever its own zone.
 */

const PARIS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
})

/** Paris's offset from UTC, in minutes, at an instant. */
function parisOffsetMinutes(utcMs: number): number {
  const parts = Object.fromEntries(PARIS.formatToParts(new Date(utcMs)).map((p) => [p.type, p.value]))
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute))
  return Math.round((asUtc - Math.floor(utcMs / 60_000) * 60_000) / 60_000)
}

/** The UTC instant of a wall-clock time in Paris ("2027-03-28", "09:20"). */
export function parisTimeToUtc(day: string, time: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  const [hh, mm] = time.split(':').map(Number) as [number, number]
  const wall = Date.UTC(y, m - 1, d, hh, mm)
  // The offset at the guess, then at the corrected instant (they differ only around a change of hour).
  const first = wall - parisOffsetMinutes(wall) * 60_000
  return new Date(wall - parisOffsetMinutes(first) * 60_000)
}

export function programmeCalendar(forum: ProgrammeForum, interviews: ProgrammeInterview[], publicUrl: string, who: string): string {
  const origin = publicUrl.replace(/\/+$/, '')
  const events: EventAttributes[] = interviews.map((i) => ({
    uid: `forum-${forum.id}-${who}-creneau-${i.slot_no}-table-${i.table_no}@passerelle`,
    start: parisTimeToUtc(forum.date, slotStart(forum, i.slot_no)).getTime(),
    end: parisTimeToUtc(forum.date, slotStart(forum, i.slot_no + 1)).getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    endInputType: 'utc',
    endOutputType: 'utc',
    title: `Entretien : ${i.company_name} (table ${i.table_no})`,
    description: [`${forum.name}`, i.offer_title ? `Offre : ${i.offer_title}` : null, `Table ${i.table_no}`].filter(Boolean).join('\n'),
    location: [forum.venue, forum.commune_name].filter(Boolean).join(', '),
    url: `${origin}/forums/${forum.slug}`,
    status: 'CONFIRMED',
    productId: 'passerelle/forums',
    calName: forum.name,
  }))
  if (events.length === 0) {
    // A calendar without events is still a valid file; `ics` refuses an empty list.
    return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:passerelle/forums', 'CALSCALE:GREGORIAN', 'END:VCALENDAR', ''].join('\r\n')
  }
  const { error, value } = createEvents(events)
  if (error || !value) throw error ?? new Error('Calendrier vide')
  return foldOctets(value)
}

/**
 * RFC 5545 § 3.1: content lines SHOULD be at most 75 octets. `ics` folds at 75 characters, so a French
 * line with accents or "·" runs longer: unfold, then fold again by UTF-8 octets, never inside a character.
 */
export function foldOctets(calendar: string): string {
  const lines = calendar.replace(/\r\n[ \t]/g, '').split('\r\n')
  return lines.map((line) => {
    const parts: string[] = []
    let current = ''
    let octets = 0
    for (const char of line) {
      const size = Buffer.byteLength(char, 'utf8')
      // The first line holds 75 octets; each continuation starts with a space, leaving 74.
      if (octets + size > (parts.length === 0 ? 75 : 74)) {
        parts.push(current)
        current = ''
        octets = 0
      }
      current += char
      octets += size
    }
    parts.push(current)
    return parts.join('\r\n ')
  }).join('\r\n')
}

/** "09:20–09:40 · table 2 · Baie Logicielle · Développeur web", one line per interview. */
export function programmeLines<I extends ProgrammeInterview>(forum: ProgrammeForum, interviews: I[], other: (i: I) => string): string[] {
  return interviews.map((i) => `${slotRange(forum, i.slot_no)} · table ${i.table_no} · ${other(i)}${i.offer_title ? ` · ${i.offer_title}` : ''}`)
}

export function programmeMail(forum: ProgrammeForum, greeting: string, lines: string[], link: string) {
  const text = [
    `${greeting},`,
    '',
    `Voici votre programme au forum « ${forum.name} », le ${formatDay(forum.date)}, ${forum.venue ? `${forum.venue}, ` : ''}${forum.commune_name} :`,
    '',
    ...lines.map((l) => `- ${l}`),
    '',
    `Retrouvez-le (à imprimer, ou à ajouter à votre agenda) : ${link}`,
    '',
    'Si le planning change, vous recevrez un nouveau programme.',
    '— Passerelle',
  ].join('\n')
  return { subject: `Votre programme – ${forum.name}`, text }
}

/** What was sent is compared by this hash: sending again mails only the programmes that changed. */
export const programmeHash = (text: string) => createHash('sha256').update(text).digest('hex')
