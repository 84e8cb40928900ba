// Hash routing (#/queue, #/threads/<key>): the Worker serves one static page, so no server
// routing is needed, and a reload keeps the view.

export const VIEWS = [
  'queue',
  'bans',
  'notices',
  'appeals',
  'questions',
  'experts',
  'threads',
  'polls',
  'settings',
  'keys',
  'privacy',
  'audit',
] as const

export type ViewName = (typeof VIEWS)[number]

export interface Route {
  view: ViewName
  /** The rest of the path, decoded: ['my/thread'] for #/threads/my%2Fthread. */
  args: string[]
}

export function parseRoute(hash: string): Route {
  const [name = '', ...rest] = hash.replace(/^#\/?/, '').split('/')
  const view = (VIEWS as readonly string[]).includes(name) ? (name as ViewName) : 'queue'
  const args = rest.filter(Boolean).map((part) => {
    try {
      return decodeURIComponent(part)
    } catch {
      return part
    }
  })
  return { view, args }
}

export const href = (view: ViewName, ...args: string[]): string =>
  `#/${[view, ...args.map(encodeURIComponent)].join('/')}`
