import type { Translation } from './translation.ts'

/** The strings of the forms a reader rarely opens (src/forms/forms.ts). */
export type FormStrings = Pick<
  Translation,
  | 'editComment'
  | 'save'
  | 'commentUpdated'
  | 'deleteConfirm'
  | 'deleteComment'
  | 'commentDeleted'
  | 'reportReason'
  | 'reasons'
  | 'reportNote'
  | 'sendReport'
  | 'reportSent'
  | 'statement'
  | 'appeal'
  | 'appeals'
  | 'appealLabel'
  | 'sendAppeal'
  | 'appealSent'
  | 'illegal'
  | 'noticeHelp'
  | 'noticeLaw'
  | 'noticeExplanation'
  | 'noticeName'
  | 'noticeEmail'
  | 'noticeGoodFaith'
  | 'sendNotice'
  | 'noticeSent'
>

/**
 * English for the forms: part of `en`, and in the script-tag bundle shipped with the forms module
 * instead (see vite.config.ts and src/embed/en-forms.ts).
 */
export const enForms: FormStrings = {
  editComment: 'Edit comment',
  save: 'Save',
  commentUpdated: 'Comment updated',
  deleteConfirm: 'Delete this comment?',
  deleteComment: 'Delete comment',
  commentDeleted: 'Comment deleted',
  reportReason: 'Why are you reporting this comment?',
  reasons: { spam: 'Spam', abuse: 'Abuse or hate', off_topic: 'Off-topic', other: 'Other' },
  reportNote: 'Details (optional)',
  sendReport: 'Send report',
  reportSent: 'Thank you. A moderator will review this comment.',
  statement: 'Statement of reasons',
  appeal: 'Appeal',
  appeals: {
    open: 'Your appeal is being reviewed.',
    upheld: 'Your appeal was reviewed and the decision stands.',
    reversed: 'Your appeal was accepted.',
  },
  appealLabel: 'Why should this decision be reversed?',
  sendAppeal: 'Send appeal',
  appealSent: 'Appeal sent. A moderator will review it.',
  illegal: 'Illegal content (EU law)',
  noticeHelp:
    'A notice under the EU Digital Services Act. The site reviews it and tells you its decision by email.',
  noticeLaw: 'Which law does it break?',
  noticeExplanation: 'Why is it illegal?',
  noticeName: 'Your name',
  noticeEmail: 'Your email',
  noticeGoodFaith: 'I confirm in good faith that this notice is accurate and complete.',
  sendNotice: 'Send notice',
  noticeSent: 'Thank you. Your notice was sent.',
}
