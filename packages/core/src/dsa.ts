import { z } from 'zod'
import {
  APPEAL_TEXT_MAX,
  DISPLAY_NAME_MAX,
  NOTICE_EXPLANATION_MAX,
  NOTICE_LAW_MAX,
} from './limits.ts'
import { cleanName, cleanText } from './text.ts'

const cleaned = (clean: (s: string) => string, max: number) =>
  z
    .string()
    .max(max * 4, `must be at most ${max} characters`)
    .transform(clean)
    .pipe(z.string().min(1, 'must not be empty').max(max, `must be at most ${max} characters`))

/**
 * A notice of illegal content under the EU Digital Services Act (art. 16): the law concerned, why
 * the content breaks it, and who sends the notice. Anyone may file one; no reader token needed.
 */
export const NewNoticeSchema = z
  .object({
    law: cleaned(cleanName, NOTICE_LAW_MAX).meta({
      description: 'The law or legal provision the comment breaks',
      example: 'German Criminal Code § 130 (incitement to hatred)',
    }),
    explanation: cleaned(cleanText, NOTICE_EXPLANATION_MAX).meta({
      description: 'Why the comment is illegal content',
    }),
    name: cleaned(cleanName, DISPLAY_NAME_MAX).meta({ description: 'Who files the notice' }),
    email: z.email('must be an email address').max(254).meta({
      description: 'Where the site sends its decision',
    }),
    goodFaith: z.literal(true, 'must be confirmed').meta({
      description: 'The sender confirms the notice is accurate and complete, in good faith',
    }),
  })
  .meta({ id: 'NewNotice' })

export const NoticeReceiptSchema = z
  .object({
    id: z.string(),
    receivedAt: z.iso.datetime(),
  })
  .meta({ id: 'NoticeReceipt' })

/** The author's appeal against a removal (DSA art. 20). */
export const NewAppealSchema = z
  .object({
    text: cleaned(cleanText, APPEAL_TEXT_MAX).meta({
      description: 'Why the removal should be reversed',
    }),
  })
  .meta({ id: 'NewAppeal' })

export type NewNotice = z.infer<typeof NewNoticeSchema>
export type NewNoticeInput = z.input<typeof NewNoticeSchema>
export type NoticeReceipt = z.infer<typeof NoticeReceiptSchema>
export type NewAppeal = z.infer<typeof NewAppealSchema>
