import { ADMIN_ROUTES } from '@parley/core'
import { createKey } from '../admin-keys-helpers.ts'
import { SITE } from '../helpers.ts'
import { route, type AdminCall } from './types.ts'

let seq = 0

const site = (template: string, values: Record<string, string> = {}) =>
  route(template, { site: SITE, ...values })

export const calls: AdminCall[] = [
  {
    name: `GET ${ADMIN_ROUTES.me}`,
    role: 'moderator',
    ok: 200,
    prepare: async () => ({ path: ADMIN_ROUTES.me, init: {} }),
  },
  {
    name: `GET ${ADMIN_ROUTES.sites}`,
    role: 'moderator',
    ok: 200,
    prepare: async () => ({ path: ADMIN_ROUTES.sites, init: {} }),
  },
  {
    name: `GET ${ADMIN_ROUTES.site}`,
    role: 'admin',
    ok: 200,
    prepare: async () => ({ path: site(ADMIN_ROUTES.site), init: {} }),
  },
  {
    name: `PATCH ${ADMIN_ROUTES.site}`,
    role: 'admin',
    ok: 200,
    prepare: async () => ({
      path: site(ADMIN_ROUTES.site),
      init: {
        method: 'PATCH',
        json: { settings: { moderation: { holdRules: { maxLinks: ++seq % 5 } } } },
      },
    }),
  },
  {
    name: `GET ${ADMIN_ROUTES.keys}`,
    role: 'admin',
    ok: 200,
    prepare: async () => ({ path: site(ADMIN_ROUTES.keys), init: {} }),
  },
  {
    name: `POST ${ADMIN_ROUTES.keys}`,
    role: 'admin',
    ok: 201,
    prepare: async () => ({
      path: site(ADMIN_ROUTES.keys),
      init: { method: 'POST', json: { name: `Matrix ${++seq}`, role: 'moderator' } },
    }),
  },
  {
    name: `DELETE ${ADMIN_ROUTES.key}`,
    role: 'admin',
    ok: 200,
    prepare: async () => {
      const { id } = await createKey('moderator')
      return { path: site(ADMIN_ROUTES.key, { key: id }), init: { method: 'DELETE' } }
    },
  },
  {
    name: `GET ${ADMIN_ROUTES.threads}`,
    role: 'moderator',
    ok: 200,
    prepare: async () => ({ path: `${site(ADMIN_ROUTES.threads)}?q=matrix`, init: {} }),
  },
  {
    name: `PUT ${ADMIN_ROUTES.thread}`,
    role: 'admin',
    ok: 201,
    prepare: async () => ({
      // A key with a slash, percent-encoded as in ROUTES.thread.
      path: site(ADMIN_ROUTES.thread, { thread: `2026/matrix-${++seq}` }),
      init: { method: 'PUT', json: { title: 'Matrix thread' } },
    }),
  },
  {
    name: `GET ${ADMIN_ROUTES.audit}`,
    role: 'moderator',
    ok: 200,
    prepare: async () => ({ path: `${site(ADMIN_ROUTES.audit)}?action=key.create`, init: {} }),
  },
]
