// localStorage can be missing or throw (blocked third-party storage, Safari private mode, quota):
// the widget keeps working without persistence instead of failing.

export function read(key: string): string | null {
  try {
    return localStorage.getItem(key)
  } catch {
    return null
  }
}

export function write(key: string, value: string | null): void {
  try {
    if (value == null) localStorage.removeItem(key)
    else localStorage.setItem(key, value)
  } catch {
    // persistence is best effort
  }
}

/** Resolves the `api` attribute ('' = same origin) to an origin, for storage keys. */
export function originOf(api: string): string {
  return new URL(api || '/', location.href).origin
}
