import { ADMIN_ROUTES } from '@parley/core'
import { fileAppeal, removeByNotice } from '../dsa-helpers.ts'
import { newReader, postComment, SITE } from '../helpers.ts'
import { route, type AdminCall } from './types.ts'

let seq = 0

const site = (template: string, values: Record<string, string> = {}) =>
  route(template, { site: SITE, ...values })

export const calls: AdminCall[] = [
  {
    name: `GET ${ADMIN_ROUTES.appeals}`,
    role: 'moderator',
    ok: 200,
    prepare: async () => ({ path: `${site(ADMIN_ROUTES.appeals)}?status=open`, init: {} }),
  },
  {
    name: `POST ${ADMIN_ROUTES.appealDecision}`,
    role: 'moderator',
    ok: 200,
    prepare: async () => {
      const { token } = await newReader()
      const comment = await postComment(token, `matrix-appeal-${++seq}`)
      await removeByNotice(comment.id)
      const res = await fileAppeal(comment.id, token, 'Please reconsider.')
      if (res.status !== 201) throw new Error(`appeal: ${res.status} ${await res.text()}`)
      return {
        path: site(ADMIN_ROUTES.appealDecision, { comment: comment.id }),
        init: { method: 'POST', json: { outcome: 'upheld', decision: 'The removal stands.' } },
      }
    },
  },
]
