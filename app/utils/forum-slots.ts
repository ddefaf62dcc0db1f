/**
 * A forum's day in slots. Times are the venue's local wall-clock times
 * ("HH:MM", as the organiser typed them), so this is plain minute arithmetic:
 * no time zone, no Date, and a slot never shifts with the server's zone.
 */
type ForumDay = { opens_at: string; closes_at: string; slot_minutes: number }

function minutesOf(time: string): number {
  const match = /^(\d{1,2}):(\d{2})$/.exec(time)
  if (!match) throw new Error(`Heure invalide : ${time}`)
  return Number(match[1]) * 60 + Number(match[2])
}

function timeOf(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
}

/** Slot n (from 0) starts at opens_at + n × slot_minutes. */
export function slotStart(forum: ForumDay, slotNo: number): string {
  return timeOf(minutesOf(forum.opens_at) + slotNo * forum.slot_minutes)
}

/** "09:30–09:45", for agendas. */
export function slotRange(forum: ForumDay, slotNo: number): string {
  return `${slotStart(forum, slotNo)}–${slotStart(forum, slotNo + 1)}`
}

/** How many whole slots fit between opening and closing (a last partial slot is not offered). */
export function slotCount(forum: ForumDay): number {
  return Math.max(0, Math.floor((minutesOf(forum.closes_at) - minutesOf(forum.opens_at)) / forum.slot_minutes))
}
