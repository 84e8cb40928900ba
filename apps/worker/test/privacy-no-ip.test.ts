import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { ADMIN_ROUTES } from '@parley/core'
import { admin, sitePath } from './admin-helpers.ts'
import { fileNotice, NOTICE } from './dsa-helpers.ts'
import { api, byNewReader, createSites, newReader, sendComment, SITE } from './helpers.ts'
import { createPoll, vote } from './polls-helpers.ts'
import { mePath, myDataPath, react, report } from './privacy-helpers.ts'

// "Store no raw IP addresses and set no cookies" (docs/privacy.md), checked against the database
// itself and the responses themselves.

const IPV4 = '198.51.100.23'
const IPV6 = '2001:db8:85a3:1234:8a2e:370:7334:1'
// What a careless implementation could store of them: the address, its /64, or its prefix.
const NEEDLES = [IPV4, IPV6, '2001:db8:85a3:1234', '198.51.100']

beforeAll(createSites)

/** Every text value of every table that contains one of the needles, as "table.column". */
async function cellsContaining(needles: string[]): Promise<string[]> {
  const { results: tables } = await env.DB.prepare(
    `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
       AND name NOT LIKE '_cf_%' AND name <> 'd1_migrations'`
  ).all<{ name: string }>()
  expect(tables.length).toBeGreaterThan(10)
  const found: string[] = []
  for (const { name } of tables) {
    const { results: columns } = await env.DB.prepare('SELECT name FROM pragma_table_info(?1)')
      .bind(name)
      .all<{ name: string }>()
    for (const { name: column } of columns) {
      for (const needle of needles) {
        const row = await env.DB.prepare(
          `SELECT COUNT(*) AS n FROM "${name}" WHERE instr(lower(CAST("${column}" AS TEXT)), ?1) > 0`
        )
          .bind(needle.toLowerCase())
          .first<{ n: number }>()
        if (row!.n > 0) found.push(`${name}.${column} holds ${needle}`)
      }
    }
  }
  return found
}

describe('no raw IP address is stored', () => {
  it('after every kind of reader write from an IPv4 and an IPv6 address', async () => {
    const poll = await createPoll({ key: 'no-ip-poll', question: 'Q?', options: ['A', 'B'] })
    for (const address of [IPV4, IPV6]) {
      const headers = { 'cf-connecting-ip': address }
      const { reader, comment } = await byNewReader('no-ip', { text: 'From somewhere' }, headers)
      const other = await newReader()
      const reply = await sendComment(
        other.token,
        'no-ip',
        { authorName: 'Bo', text: 'A reply', parentId: comment.id },
        headers
      )
      expect(reply.status).toBe(201)
      expect((await react(comment.id, '👍', other.token)).status).toBe(200)
      expect((await report(comment.id, other.token, 'a note')).status).toBe(201)
      expect((await vote(poll.id, [poll.options[0]!.id], reader.token, headers)).status).toBe(200)
      expect((await fileNotice(comment.id, NOTICE, headers)).status).toBe(201)
      expect((await api(myDataPath(), { token: reader.token, headers })).status).toBe(200)
    }
    // The rows exist, hashed: comments carry a network hash, rate limits count hashed networks.
    const hashed = await env.DB.prepare(
      `SELECT (SELECT COUNT(*) FROM comments WHERE network_hash IS NOT NULL) AS comments,
         (SELECT COUNT(*) FROM rate_counters WHERE key LIKE '%|network:%') AS counters`
    ).first<{ comments: number; counters: number }>()
    expect(hashed!.comments).toBeGreaterThan(0)
    expect(hashed!.counters).toBeGreaterThan(0)
    expect(await cellsContaining(NEEDLES)).toEqual([])
  })
})

describe('no cookie is set', () => {
  it('by any representative route, reader or admin, success or error', async () => {
    const reader = await newReader()
    const { comment } = await byNewReader('no-cookie')
    const responses = await Promise.all([
      api(`/v1/sites/${SITE}/readers`, { method: 'POST', json: {} }),
      api(`/v1/sites/${SITE}/threads/no-cookie`),
      api(`/v1/sites/${SITE}/threads/no-cookie/comments`),
      api(`/v1/sites/${SITE}/threads/no-cookie/comments`, {
        method: 'POST',
        token: reader.token,
        json: { authorName: 'Ada', text: 'Hello' },
      }),
      react(comment.id, '❤️', reader.token),
      api(`/v1/sites/${SITE}/counts?threads=no-cookie`),
      api(myDataPath(), { token: reader.token }),
      api(mePath(), { method: 'DELETE', token: reader.token }),
      api(`/v1/sites/${SITE}/threads/no-cookie/comments`, { method: 'POST', json: {} }),
      api('/v1/sites/nowhere/threads/x'),
      api('/v1/openapi.json'),
      admin(sitePath(ADMIN_ROUTES.site)),
      admin(sitePath(ADMIN_ROUTES.readers) + '?comment=' + comment.id),
      api('/admin'),
      api('/embed.js'),
    ])
    const statuses = responses.map((r) => r.status)
    expect(statuses.filter((s) => s >= 500)).toEqual([])
    for (const res of responses) {
      expect(res.headers.get('set-cookie'), res.url).toBeNull()
      expect(res.headers.getSetCookie()).toEqual([])
    }
  })
})
