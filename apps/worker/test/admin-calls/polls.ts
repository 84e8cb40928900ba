import { ADMIN_ROUTES } from '@parley/core'
import { sitePath } from '../admin-helpers.ts'
import { createPoll } from '../polls-helpers.ts'
import { adminCall, type AdminCall } from './types.ts'

let seq = 0

async function freshPoll() {
  const key = `auth-${++seq}`
  const poll = await createPoll({ key, question: 'Q?', options: ['A', 'B', 'C'] })
  return { key, poll }
}

export const calls: AdminCall[] = [
  adminCall('GET', ADMIN_ROUTES.polls, 'admin', 200, () => ({
    path: sitePath(ADMIN_ROUTES.polls),
  })),
  adminCall('POST', ADMIN_ROUTES.polls, 'admin', 201, () => ({
    path: sitePath(ADMIN_ROUTES.polls),
    json: { key: `new-${++seq}`, question: 'Q?', options: ['A', 'B'] },
  })),
  adminCall('GET', ADMIN_ROUTES.poll, 'admin', 200, async () => {
    const { key } = await freshPoll()
    return { path: sitePath(ADMIN_ROUTES.poll, { poll: key }) }
  }),
  adminCall('PATCH', ADMIN_ROUTES.poll, 'admin', 200, async () => {
    const { key } = await freshPoll()
    return { path: sitePath(ADMIN_ROUTES.poll, { poll: key }), json: { question: 'Edited?' } }
  }),
  adminCall('DELETE', ADMIN_ROUTES.pollOption, 'admin', 200, async () => {
    const { key, poll } = await freshPoll()
    const option = poll.options[2]!.id
    return { path: sitePath(ADMIN_ROUTES.pollOption, { poll: key, option }) }
  }),
  adminCall('GET', ADMIN_ROUTES.pollExport, 'admin', 200, async () => {
    const { key } = await freshPoll()
    return { path: `${sitePath(ADMIN_ROUTES.pollExport, { poll: key })}?format=csv` }
  }),
]
