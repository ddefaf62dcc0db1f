import { z } from 'zod'
import './zod-fr.ts'
import { email } from './account-schemas.ts'

export const InviteSchema = z.object({ email })

const id = z.coerce
  .number({ error: 'Élément introuvable : rechargez la page.' })
  .int('Élément introuvable : rechargez la page.')
  .positive('Élément introuvable : rechargez la page.')
  .max(Number.MAX_SAFE_INTEGER, 'Élément introuvable : rechargez la page.')

export const RevokeSchema = z.object({ invitationId: id })
export const RemoveMemberSchema = z.object({ userId: id })
