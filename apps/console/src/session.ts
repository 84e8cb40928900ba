// The signed-in key lives in sessionStorage: it survives a reload of the tab, goes when the tab
// closes, and is never shared with other tabs or written to disk like localStorage would be.
const KEY = 'parley:console:key'
const SITE = 'parley:console:site'

/** sessionStorage, or a page-lifetime stand-in when the browser refuses storage. */
const storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> = (() => {
  try {
    sessionStorage.getItem(KEY)
    return sessionStorage
  } catch {
    const memory = new Map<string, string>()
    return {
      getItem: (k: string) => memory.get(k) ?? null,
      setItem: (k: string, v: string) => void memory.set(k, v),
      removeItem: (k: string) => void memory.delete(k),
    }
  }
})()

export const session = {
  key: (): string | null => storage.getItem(KEY),
  site: (): string | null => storage.getItem(SITE),
  signIn: (key: string): void => storage.setItem(KEY, key),
  pickSite: (site: string): void => storage.setItem(SITE, site),
  signOut(): void {
    storage.removeItem(KEY)
    storage.removeItem(SITE)
  },
}
