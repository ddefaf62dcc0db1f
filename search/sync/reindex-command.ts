import { parseArgs } from 'node:util'
import type { DB } from '#db/connection.ts'
import { describeSyncError } from './describe-error.ts'
import type { DocumentKind, IndexWriter } from './index-writer.ts'
import { ReindexCatchUpError, reindexKind, rollbackKind, type ReindexOptions } from './reindex.ts'
import { DOCUMENT_KINDS } from './relay.ts'
import { KIND_LABEL } from './relay-worker.ts'

type ReindexCommandOptions = { db: DB; writer: IndexWriter; reindex?: ReindexOptions; log?: Pick<Console, 'log' | 'error'> }

export const REINDEX_USAGE = [
  'Usage :',
  '  npm run search:reindex                       reconstruit les index des offres et des profils',
  '  npm run search:reindex -- --kind offer       un seul index (offer ou profile)',
  '  npm run search:reindex -- --rollback <uid> --kind offer --since <id>',
  '                                               remet l’index précédent en ligne (commande affichée par la reconstruction)',
].join('\n')

/**
 * `npm run search:reindex`: rebuilds each index (search/sync/reindex.ts) and
 * prints how to roll back; or, with --rollback, puts the previous index back.
 * Answers the exit code: 0 done, 1 failed, 2 bad arguments.
 */
export async function reindexCommand(args: string[], options: ReindexCommandOptions): Promise<number> {
  const { db, writer, log = console } = options
  let values: { kind?: string; rollback?: string; since?: string }
  try {
    values = parseArgs({ args, options: { kind: { type: 'string' }, rollback: { type: 'string' }, since: { type: 'string' } } }).values
  } catch (error) {
    log.error(`${(error as Error).message}\n${REINDEX_USAGE}`)
    return 2
  }
  const kind = values.kind
  if (kind !== undefined && !DOCUMENT_KINDS.includes(kind as DocumentKind)) {
    log.error(`--kind vaut offer ou profile, pas « ${kind} ».\n${REINDEX_USAGE}`)
    return 2
  }

  if (values.rollback !== undefined) {
    const since = Number(values.since)
    if (!kind || values.since === undefined || !Number.isSafeInteger(since) || since < 0) {
      log.error(`--rollback demande --kind et --since (un numéro d’événement).\n${REINDEX_USAGE}`)
      return 2
    }
    try {
      const result = await rollbackKind(db, writer, kind as DocumentKind, values.rollback, since, options.reindex)
      if (result.swap === 'unknown') {
        log.error(
          `${label(kind as DocumentKind)} : ${unconfirmed(result.previousUid)} ${result.replayed} changement(s) rejoué(s) dans l’index en ligne.\n` +
            (await liveLine(writer, kind as DocumentKind)),
        )
        return 1
      }
      log.log(
        `${label(kind as DocumentKind)} : l’index ${values.rollback} est de nouveau en ligne, ${result.replayed} changement(s) rejoué(s) ; ` +
          `l’index reconstruit reste sous ${result.previousUid}.`,
      )
      return 0
    } catch (error) {
      log.error(`${label(kind as DocumentKind)} : retour arrière impossible — ${describeSyncError(error)}`)
      return 1
    }
  }

  let failed = false
  for (const each of kind ? [kind as DocumentKind] : DOCUMENT_KINDS) {
    try {
      const report = await reindexKind(db, writer, each, options.reindex)
      const loaded = `${label(each)} : ${report.documents} document(s) chargé(s), ${report.replayed} changement(s) rejoué(s)`
      if (report.swap === 'unknown') {
        failed = true
        log.error(`${loaded} ; ${unconfirmed(report.previousUid)}\n${await liveLine(writer, each)}\n${rollbackHint(each, report.previousUid, report.sinceId)}`)
        continue
      }
      log.log(`${loaded}, nouvel index en ligne.\n${await liveLine(writer, each)}\n${rollbackHint(each, report.previousUid, report.sinceId)}`)
    } catch (error) {
      failed = true
      if (error instanceof ReindexCatchUpError) log.error(`${label(each)} : ${error.message}.\n${rollbackHint(each, error.previousUid, error.sinceId)}`)
      else log.error(`${label(each)} : reconstruction échouée, l’index en ligne n’a pas changé — ${describeSyncError(error)}`)
    }
  }
  return failed ? 1 : 0
}

const unconfirmed = (otherUid: string) =>
  `Meilisearch n’a pas confirmé l’échange d’index à temps (il peut encore s’appliquer) : le rattrapage est parti vers l’index en ligne, ` +
  `quel qu’il soit, le relais le suit, et l’autre index est gardé sous ${otherUid}. Vérifiez avec npm run search:sync quel index est en ligne.`

/** Which build serves searches, as Meilisearch dates it: the same date in `npm run search:sync` means the relay follows it. */
async function liveLine(writer: IndexWriter, kind: DocumentKind): Promise<string> {
  const live = await writer.liveIndex(kind).catch(() => null)
  return live ? `  Index en ligne : ${live.uid}, construit le ${live.builtAt}.` : '  Index en ligne : illisible pour l’instant.'
}

const rollbackHint = (kind: DocumentKind, previousUid: string, sinceId: number | null) =>
  sinceId === null
    ? '  Première construction : pas d’index précédent auquel revenir.'
    : `  L’index précédent est gardé sous ${previousUid}. Pour y revenir :\n` +
      `  npm run search:reindex -- --rollback ${previousUid} --kind ${kind} --since ${sinceId}`

const label = (kind: DocumentKind) => KIND_LABEL[kind][0]!.toUpperCase() + KIND_LABEL[kind].slice(1)
