import { ADMIN_ROUTES } from '@parley/core'
import { noticeOn } from '../dsa-helpers.ts'
import { newReader, postComment, SITE } from '../helpers.ts'
import { route, type AdminCall } from './types.ts'

let seq = 0

const site = (template: string, values: Record<string, string> = {}) =>
  route(template, { site: SITE, ...values })

export const calls: AdminCall[] = [
  {
    name: `GET ${ADMIN_ROUTES.notices}`,
    role: 'moderator',
    ok: 200,
    prepare: async () => ({ path: `${site(ADMIN_ROUTES.notices)}?status=open`, init: {} }),
  },
  {
    name: `POST ${ADMIN_ROUTES.noticeDecision}`,
    role: 'moderator',
    ok: 200,
    prepare: async () => {
      const { token } = await newReader()
      const comment = await postComment(token, `matrix-notice-${++seq}`)
      const { id } = await noticeOn(comment.id)
      return {
        path: site(ADMIN_ROUTES.noticeDecision, { notice: id }),
        init: { method: 'POST', json: { action: 'dismiss', statement: 'Lawful.' } },
      }
    },
  },
]
