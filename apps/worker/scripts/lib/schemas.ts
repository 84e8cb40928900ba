import { z } from 'zod'

/** "https://news.example" or "http://localhost:8787": a scheme, a host and maybe a port, no path. */
export const OriginSchema = z
  .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
  .refine((url) => new URL(url).origin === url.replace(/\/$/, ''), {
    error: 'must be an origin (scheme://host[:port]) without a path, query or fragment',
  })
  .transform((url) => new URL(url).origin)

/** A --reactions flag: "👍,❤️" is that list, "off" is none; the scripts' own keywords aside. */
export const emojiList = (flag: string): string[] =>
  flag === 'off'
    ? []
    : flag
        .split(',')
        .map((emoji) => emoji.trim())
        .filter(Boolean)
