import { ADMIN_ROUTES } from '@parley/core'
import { sitePath } from '../admin-helpers.ts'
import { byNewReader } from '../helpers.ts'
import { adminCall, type AdminCall } from './types.ts'

// Data-subject requests (admin role): find a reader, export and erase their data.

const readerWithComment = async () => (await byNewReader('matrix-privacy')).reader.readerId

export const calls: AdminCall[] = [
  adminCall('GET', ADMIN_ROUTES.readers, 'admin', 200, async () => ({
    path: `${sitePath(ADMIN_ROUTES.readers)}?reader=${await readerWithComment()}`,
  })),
  adminCall('GET', ADMIN_ROUTES.readerData, 'admin', 200, async () => ({
    path: sitePath(ADMIN_ROUTES.readerData, { reader: await readerWithComment() }),
  })),
  adminCall('DELETE', ADMIN_ROUTES.reader, 'admin', 200, async () => ({
    path: sitePath(ADMIN_ROUTES.reader, { reader: await readerWithComment() }),
  })),
]
