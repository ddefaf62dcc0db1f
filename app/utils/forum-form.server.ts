import { parseWithZod } from '@conform-to/zod/v4'
import type { DB } from '#db/connection.ts'
import type { ForumInput } from '#db/queries/forums.ts'
import { communeLabels } from '#db/queries/communes.ts'
import { resolveCommuneField } from './commune-field.server.ts'
import { ForumSchema } from './forum-schema.ts'

/** Parses the forum form and checks the commune against the region's list. */
export async function parseForumForm(formData: FormData, db: DB) {
  const submission = parseWithZod(formData, { schema: ForumSchema })
  if (submission.status !== 'success') return { submission, input: null }
  const commune = await resolveCommuneField(db, formData, submission.value.communeInsee, 'Indiquez la commune du forum.')
  if ('error' in commune) {
    return {
      submission: { ...submission, reply: () => submission.reply({ fieldErrors: { communeInsee: [commune.error] } }) },
      input: null,
    }
  }
  const { communeText: _, ...fields } = submission.value
  const input: ForumInput = { ...fields, communeInsee: commune.insee! }
  return { submission, input }
}

/** How to show the commune the form starts with. */
export async function forumFormData(db: DB, communeInsee?: string | null) {
  return { communeLabels: await communeLabels(db, [communeInsee]) }
}
