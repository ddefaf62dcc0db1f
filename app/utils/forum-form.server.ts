import { parseWithZod } from '@conform-to/zod/v4'
import type { DB } from '#db/connection.ts'
import type { ForumInput } from '#db/queries/forums.ts'
import { offerFormData } from './offer-form.server.ts'
import { ForumSchema } from './forum-schema.ts'

/** Parses the forum form and checks the commune against the region's list. */
export async function parseForumForm(formData: FormData, db: DB) {
  const submission = parseWithZod(formData, { schema: ForumSchema })
  if (submission.status !== 'success') return { submission, input: null }
  const commune = await db.selectFrom('communes').select('insee')
    .where('insee', '=', submission.value.communeInsee).where('latitude', 'is not', null).executeTakeFirst()
  if (!commune) {
    return {
      submission: { ...submission, reply: () => submission.reply({ fieldErrors: { communeInsee: ['Choisissez la commune dans la liste.'] } }) },
      input: null,
    }
  }
  const input: ForumInput = submission.value
  return { submission, input }
}

/** The region's communes, as the offer form lists them. */
export async function forumFormData(db: DB) {
  const { communes } = await offerFormData(db)
  return { communes }
}
