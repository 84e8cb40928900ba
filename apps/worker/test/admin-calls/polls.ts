import { ADMIN_ROUTES } from '@parley/core'
import { SITE } from '../helpers.ts'
import { createPoll } from '../polls-helpers.ts'
import { route, type AdminCall } from './types.ts'

let seq = 0

async function freshPoll() {
  const key = `auth-${++seq}`
  const poll = await createPoll({ key, question: 'Q?', options: ['A', 'B', 'C'] })
  return { key, poll }
}

export const calls: AdminCall[] = [
  {
    name: `GET ${ADMIN_ROUTES.polls}`,
    role: 'admin',
    ok: 200,
    prepare: async () => ({ path: route(ADMIN_ROUTES.polls, { site: SITE }), init: {} }),
  },
  {
    name: `POST ${ADMIN_ROUTES.polls}`,
    role: 'admin',
    ok: 201,
    prepare: async () => ({
      path: route(ADMIN_ROUTES.polls, { site: SITE }),
      init: { method: 'POST', json: { key: `new-${++seq}`, question: 'Q?', options: ['A', 'B'] } },
    }),
  },
  {
    name: `GET ${ADMIN_ROUTES.poll}`,
    role: 'admin',
    ok: 200,
    prepare: async () => {
      const { key } = await freshPoll()
      return { path: route(ADMIN_ROUTES.poll, { site: SITE, poll: key }), init: {} }
    },
  },
  {
    name: `PATCH ${ADMIN_ROUTES.poll}`,
    role: 'admin',
    ok: 200,
    prepare: async () => {
      const { key } = await freshPoll()
      return {
        path: route(ADMIN_ROUTES.poll, { site: SITE, poll: key }),
        init: { method: 'PATCH', json: { question: 'Edited?' } },
      }
    },
  },
  {
    name: `DELETE ${ADMIN_ROUTES.pollOption}`,
    role: 'admin',
    ok: 200,
    prepare: async () => {
      const { key, poll } = await freshPoll()
      const option = poll.options[2]!.id
      return {
        path: route(ADMIN_ROUTES.pollOption, { site: SITE, poll: key, option }),
        init: { method: 'DELETE' },
      }
    },
  },
  {
    name: `GET ${ADMIN_ROUTES.pollExport}`,
    role: 'admin',
    ok: 200,
    prepare: async () => {
      const { key } = await freshPoll()
      return {
        path: `${route(ADMIN_ROUTES.pollExport, { site: SITE, poll: key })}?format=csv`,
        init: {},
      }
    },
  },
]
