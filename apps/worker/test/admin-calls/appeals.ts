import { ADMIN_ROUTES } from '@parley/core'
import { sitePath } from '../admin-helpers.ts'
import { fileAppeal, removeByNotice } from '../dsa-helpers.ts'
import { byNewReader } from '../helpers.ts'
import { adminCall, type AdminCall } from './types.ts'

let seq = 0

export const calls: AdminCall[] = [
  adminCall('GET', ADMIN_ROUTES.appeals, 'moderator', 200, () => ({
    path: `${sitePath(ADMIN_ROUTES.appeals)}?status=open`,
  })),
  adminCall('POST', ADMIN_ROUTES.appealDecision, 'moderator', 200, async () => {
    const { reader, comment } = await byNewReader(`matrix-appeal-${++seq}`)
    await removeByNotice(comment.id)
    const res = await fileAppeal(comment.id, reader.token, 'Please reconsider.')
    if (res.status !== 201) throw new Error(`appeal: ${res.status} ${await res.text()}`)
    return {
      path: sitePath(ADMIN_ROUTES.appealDecision, { comment: comment.id }),
      json: { outcome: 'upheld', decision: 'The removal stands.' },
    }
  }),
]
