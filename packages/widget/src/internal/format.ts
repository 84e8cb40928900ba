const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 31536000],
  ['month', 2592000],
  ['week', 604800],
  ['day', 86400],
  ['hour', 3600],
  ['minute', 60],
]

/** "5 minutes ago", "yesterday", "now". */
export function relativeTime(date: Date, locale: string, now = Date.now()): string {
  const seconds = (date.getTime() - now) / 1000
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })
  for (const [unit, size] of UNITS)
    if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit)
  return format.format(0, 'second')
}

/** The exact date and time, e.g. "28 November 2026 at 14:05". */
export function exactTime(date: Date, locale: string): string {
  return date.toLocaleString(locale, { dateStyle: 'long', timeStyle: 'short' })
}
