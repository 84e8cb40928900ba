import { ADMIN_ROUTES } from '@parley/core'
import { ban } from '../dsa-helpers.ts'
import { newReader, SITE } from '../helpers.ts'
import { route, type AdminCall } from './types.ts'

const site = (template: string, values: Record<string, string> = {}) =>
  route(template, { site: SITE, ...values })

export const calls: AdminCall[] = [
  {
    name: `GET ${ADMIN_ROUTES.bans}`,
    role: 'moderator',
    ok: 200,
    prepare: async () => ({ path: `${site(ADMIN_ROUTES.bans)}?active=true`, init: {} }),
  },
  {
    name: `POST ${ADMIN_ROUTES.bans}`,
    role: 'moderator',
    ok: 201,
    prepare: async () => {
      const { readerId } = await newReader()
      return {
        path: site(ADMIN_ROUTES.bans),
        init: { method: 'POST', json: { readerId, durationSeconds: 60, reason: 'Matrix' } },
      }
    },
  },
  {
    name: `DELETE ${ADMIN_ROUTES.ban}`,
    role: 'moderator',
    ok: 200,
    prepare: async () => {
      const { readerId } = await newReader()
      const [made] = await ban({ readerId })
      return { path: site(ADMIN_ROUTES.ban, { ban: made!.id }), init: { method: 'DELETE' } }
    },
  },
]
