import {
  findForumForOrganiser, listScheduleForExport, listWishesForExport, logExport, type ExportFormat, type ExportKind,
} from '#db/queries/forum-exports.ts'
import { csvResponse, toCsv } from '../utils/csv.server.ts'
import { matchSheet, scheduleSheet } from '../utils/forum-export.server.ts'
import { invariantResponse } from '../utils/invariant.ts'
import { requireOrganiser } from '../utils/session.server.ts'
import { toXlsx, xlsxResponse } from '../utils/xlsx.server.ts'
import type { Route } from './+types/organiser-forum-export'

/** The files an organiser can take away; any other name is a 404. */
const FILES: Record<string, { kind: ExportKind; format: ExportFormat }> = {
  'planning.csv': { kind: 'planning', format: 'csv' },
  'correspondances.csv': { kind: 'correspondances', format: 'csv' },
  // One workbook, one sheet per view.
  'forum.xlsx': { kind: 'classeur', format: 'xlsx' },
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = await requireOrganiser(request, context.db)
  const forum = await findForumForOrganiser(context.db, user, params.slug)
  invariantResponse(forum, 'Forum introuvable parmi ceux que vous organisez.')
  const file = Object.hasOwn(FILES, params.file) ? FILES[params.file] : undefined
  invariantResponse(file, 'Cet export n’existe pas.')

  const [schedule, wishes] = await Promise.all([
    listScheduleForExport(context.db, user, forum.id),
    file.kind === 'planning' ? [] : listWishesForExport(context.db, user, forum.id),
  ])
  // Logged before it leaves: an export of candidate data never goes unrecorded.
  await logExport(context.db, user, forum.id, file.kind, file.format, new Date())
  const base = params.file.replace(/\.\w+$/, '')
  if (file.format === 'xlsx') {
    const bytes = await toXlsx([scheduleSheet(forum, schedule), matchSheet(forum, schedule, wishes)])
    return xlsxResponse(bytes, `${base}-${forum.slug}.xlsx`)
  }
  const sheet = file.kind === 'planning' ? scheduleSheet(forum, schedule) : matchSheet(forum, schedule, wishes)
  return csvResponse(toCsv(sheet.header, sheet.rows), `${base}-${forum.slug}.csv`)
}
