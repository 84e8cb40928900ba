// bench:votes — how many votes per second the vote route sustains on local D1, counted exactly.
//
//   pnpm --filter @parley/bench bench:votes [-- --readers 5000 --concurrency 32]
//
// The whole write path of a vote, over HTTP, against `wrangler dev` (the Worker's own code and
// local D1) on 127.0.0.1:8789: token check, the rate-limit batch (reader, network and site
// counters), the poll read and the ballot batch with its counter triggers. Thousands of readers
// vote at once (bounded concurrency), some change their vote, and one reader fires 50 votes at
// once in the middle of it. Then the database must hold exactly one ballot per reader and
// counters equal to the rows. See README.md for the choices and how to read the output.
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { DEFAULT_RATE_LIMITS } from '@parley/core/limits'
import {
  assertPortFree,
  run,
  start,
  scriptArgs,
  stopAfter,
  stopAll,
  stopChildrenOnExit,
  waitForUrl,
  WRANGLER,
} from './lib/processes.ts'
import { machine, ms, percentile, table } from './lib/stats.ts'

const { values: args } = parseArgs({
  args: scriptArgs(),
  options: {
    readers: { type: 'string', default: '5000' },
    concurrency: { type: 'string', default: '32' },
    burst: { type: 'string', default: '50' },
    /** Every n-th reader changes their vote once, right after casting it (0: nobody). */
    'change-every': { type: 'string', default: '10' },
    warmup: { type: 'string', default: '100' },
    /** Readers who vote one at a time after the warm-up: the cost of a vote without queueing. */
    probe: { type: 'string', default: '50' },
    'time-limit': { type: 'string', default: '115' },
  },
})
const READERS = Number(args.readers)
const CONCURRENCY = Number(args.concurrency)
const BURST = Number(args.burst)
const CHANGE_EVERY = Number(args['change-every'])
const WARMUP = Number(args.warmup)
const PROBE = Number(args.probe)

const PORT = 8789
const ORIGIN = `http://127.0.0.1:${PORT}`
const SITE = 'bench'
const POLL = 'viral'
const LABELS = ['Yes', 'No', 'Not sure']
const SECRET = 'bench-only-secret-not-for-production'
const WORKER_DIR = resolve(import.meta.dirname, '../../apps/worker')

interface PollBody {
  options: { id: string; label: string }[]
  results: { totalVotes: number; voters: number; options: { id: string; votes: number }[] } | null
  myChoices: string[]
}

/** One request to PUT …/vote: its status, its time and, when accepted, what the server kept. */
interface Sent {
  status: number
  ms: number
  myChoices: string[] | null
  error?: string
}

/** A reader of the bench: an id the Worker would have issued and its signed token. */
interface BenchReader {
  id: string
  token: string
  /** Each reader votes from a network of its own, as the readers of a viral poll do. */
  network: string
}

async function vote(reader: BenchReader, optionId: string): Promise<Sent> {
  const t = performance.now()
  try {
    const res = await fetch(`${ORIGIN}/v1/sites/${SITE}/polls/${POLL}/vote`, {
      method: 'PUT',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${reader.token}`,
        // Cloudflare's edge sets this header; Miniflare keeps the one a client sends.
        'cf-connecting-ip': reader.network,
      },
      body: JSON.stringify({ optionIds: [optionId] }),
      signal: AbortSignal.timeout(30_000),
    })
    const text = await res.text()
    const elapsed = performance.now() - t
    if (res.status !== 200) return { status: res.status, ms: elapsed, myChoices: null, error: text }
    return { status: 200, ms: elapsed, myChoices: (JSON.parse(text) as PollBody).myChoices }
  } catch (e) {
    return { status: 0, ms: performance.now() - t, myChoices: null, error: String(e) }
  }
}

/** Runs `task(i)` for i in [0, count) with at most `concurrency` at a time. */
async function pool(
  count: number,
  concurrency: number,
  task: (i: number) => Promise<void>
): Promise<void> {
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) await task(next++)
    })
  )
}

/** A reader's first choice: 50 % Yes, 30 % No, 20 % Not sure, spread evenly over the run. */
const firstChoice = (i: number) => [0, 0, 0, 0, 0, 1, 1, 1, 2, 2][(i * 7) % 10]!

interface Statement<T> {
  results: T[]
}

/** Read-only SQL on the run's local D1, through wrangler as an operator would. */
async function query<T extends unknown[]>(
  state: string,
  statements: string[]
): Promise<{ [K in keyof T]: Statement<T[K]> }> {
  const out = await run(
    WRANGLER,
    [
      'd1',
      'execute',
      'DB',
      '--local',
      '--persist-to',
      state,
      '--json',
      '--command',
      statements.join(';\n'),
    ],
    { cwd: WORKER_DIR }
  )
  const json = out.slice(out.indexOf('['), out.lastIndexOf(']') + 1)
  return JSON.parse(json) as { [K in keyof T]: Statement<T[K]> }
}

async function main() {
  stopChildrenOnExit()
  const cancelDeadline = stopAfter(Number(args['time-limit']))
  const changers = CHANGE_EVERY > 0 ? Math.floor((READERS + CHANGE_EVERY - 1) / CHANGE_EVERY) : 0
  const requests = WARMUP + PROBE + READERS + changers + BURST
  if (requests > DEFAULT_RATE_LIMITS.votes.site.max) {
    // Within one minute the site limit would refuse the rest: the limiter, not the write path,
    // would be measured.
    throw new Error(
      `${requests} vote requests exceed the site's ${DEFAULT_RATE_LIMITS.votes.site.max} per minute ` +
        `(DEFAULT_RATE_LIMITS.votes.site): lower --readers`
    )
  }
  await assertPortFree(PORT)
  const state = mkdtempSync(join(tmpdir(), 'parley-bench-votes-'))
  // Also on Ctrl-C, which ends the process without running the finally below.
  process.once('exit', () => rmSync(state, { recursive: true, force: true }))
  const t0 = performance.now()
  const elapsed = () => `${((performance.now() - t0) / 1000).toFixed(1)} s`
  try {
    console.log(`[bench] machine: ${machine()}`)
    const target = ['--local', '--persist-to', state]
    await run(WRANGLER, ['d1', 'migrations', 'apply', 'DB', ...target], { cwd: WORKER_DIR })
    // wrangler dev needs the static assets folder (the demo page and embed.js) to exist.
    if (!existsSync(join(WORKER_DIR, '.assets'))) {
      await run('node', ['scripts/build-assets.ts'], { cwd: WORKER_DIR })
    }
    await run('node', ['scripts/site-add.ts', '--id', SITE, '--name', 'Vote bench', ...target], {
      cwd: WORKER_DIR,
    })
    await run(
      'node',
      [
        'scripts/poll-add.ts',
        '--site',
        SITE,
        '--key',
        POLL,
        '--question',
        'Should European countries do more in the countries of origin?',
        ...LABELS.flatMap((label) => ['--option', label]),
        ...target,
      ],
      { cwd: WORKER_DIR }
    )
    const dev = start(
      WRANGLER,
      [
        'dev',
        '--ip',
        '127.0.0.1',
        '--port',
        String(PORT),
        '--persist-to',
        state,
        '--var',
        `READER_TOKEN_SECRET:${SECRET}`,
      ],
      { cwd: WORKER_DIR }
    )
    await waitForUrl(`${ORIGIN}/v1/openapi.json`, dev)
    const poll = (await (
      await fetch(`${ORIGIN}/v1/sites/${SITE}/polls/${POLL}`)
    ).json()) as PollBody
    const optionIds = poll.options.map((o) => o.id)
    console.log(`[bench] wrangler dev is up with a fresh D1 and poll "${POLL}" (${elapsed()})`)

    // Reader tokens need no database lookup (an HMAC of site and id), so the bench signs them
    // with the Worker's own function and secret instead of spending requests on POST …/readers.
    const tokens = (await import(
      pathToFileURL(join(WORKER_DIR, 'src/lib/reader-token.ts')).href
    )) as { signReaderToken(secret: string, site: string, readerId: string): Promise<string> }
    let serial = 0
    const newReader = async (): Promise<BenchReader> => {
      const n = serial++
      const id = `r_votebench${n.toString(36).padStart(6, '0')}`
      return {
        id,
        token: await tokens.signReaderToken(SECRET, SITE, id),
        network: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
      }
    }
    const warm = await Promise.all(Array.from({ length: WARMUP }, newReader))
    const probes = await Promise.all(Array.from({ length: PROBE }, newReader))
    const readers = await Promise.all(Array.from({ length: READERS }, newReader))
    const burster = await newReader()

    /** What each reader's ballot must hold at the end: its last accepted choice. */
    const expected = new Map<string, string>()
    const failures: string[] = []
    const accept = (reader: BenchReader, optionId: string, sent: Sent) => {
      if (sent.status !== 200) {
        failures.push(`${reader.id}: ${sent.status} ${sent.error?.slice(0, 200) ?? ''}`)
      } else if (sent.myChoices?.join() !== optionId) {
        failures.push(`${reader.id}: sent ${optionId}, the answer says ${sent.myChoices?.join()}`)
      } else expected.set(reader.id, optionId)
    }

    // Warm-up: the JIT, D1's page cache and the day's network salt.
    await pool(warm.length, 8, async (i) => {
      const optionId = optionIds[firstChoice(i)]!
      accept(warm[i]!, optionId, await vote(warm[i]!, optionId))
    })
    console.log(`[bench] warm-up: ${warm.length} votes (${elapsed()})`)

    // One at a time: what a vote costs the Worker and D1 when nothing queues.
    const probeLatencies: number[] = []
    let probeOk = 0
    const probeStart = performance.now()
    for (const [i, reader] of probes.entries()) {
      const optionId = optionIds[firstChoice(i)]!
      const sent = await vote(reader, optionId)
      probeLatencies.push(sent.ms)
      accept(reader, optionId, sent)
      if (sent.status === 200) probeOk++
    }
    const probeSeconds = (performance.now() - probeStart) / 1000

    // The measured run: every reader votes once; every CHANGE_EVERY-th changes it right after.
    const latencies: number[] = []
    let firstVotes = 0
    let changes = 0
    let burst: Promise<Sent[]> | null = null
    let burstStarted = 0
    const startedAt = performance.now()
    await pool(readers.length, CONCURRENCY, async (i) => {
      // One reader sends BURST votes at once, halfway through the run.
      if (i === Math.floor(readers.length / 2) && !burst) {
        burstStarted = performance.now()
        burst = Promise.all(
          Array.from({ length: BURST }, (_, k) => vote(burster, optionIds[k % optionIds.length]!))
        )
      }
      const reader = readers[i]!
      const first = optionIds[firstChoice(i)]!
      const sent = await vote(reader, first)
      latencies.push(sent.ms)
      accept(reader, first, sent)
      if (sent.status === 200) firstVotes++
      if (CHANGE_EVERY > 0 && i % CHANGE_EVERY === 0) {
        const other = optionIds[(firstChoice(i) + 1) % optionIds.length]!
        const change = await vote(reader, other)
        latencies.push(change.ms)
        accept(reader, other, change)
        if (change.status === 200) changes++
      }
    })
    const seconds = (performance.now() - startedAt) / 1000
    const burstResults: Sent[] = burst ? await burst : []
    console.log(`[bench] measured run: ${seconds.toFixed(1)} s (${elapsed()})`)

    // The burst: the per-reader limit lets DEFAULT_RATE_LIMITS.votes.reader.max through to the ballot
    // batch, which they race; the rest are refused with 429 before touching the ballot.
    const burstOk = burstResults.filter((s) => s.status === 200)
    const burst429 = burstResults.filter((s) => s.status === 429)
    const burstOther = burstResults.filter((s) => s.status !== 200 && s.status !== 429)
    for (const s of burstOther) failures.push(`burst: ${s.status} ${s.error?.slice(0, 200)}`)

    // What anyone reads: the public results, before the Worker stops.
    const after = (await (
      await fetch(`${ORIGIN}/v1/sites/${SITE}/polls/${POLL}`)
    ).json()) as PollBody
    await stopAll()

    // The database itself, through wrangler, once the Worker has stopped.
    const P = `(SELECT id FROM polls WHERE site_id = '${SITE}' AND key = '${POLL}')`
    const [ballots, voters, options, misshapen, mine] = await query<
      [
        { ballots: number; readers: number },
        { voter_count: number; vote_rows: number },
        { id: number; label: string; counter: number; vote_rows: number },
        { n: number },
        { ballots: number; option_id: number | null; vote_rows: number },
      ]
    >(state, [
      `SELECT COUNT(*) AS ballots, COUNT(DISTINCT reader_id) AS readers FROM ballots WHERE poll_id = ${P}`,
      `SELECT voter_count, (SELECT COUNT(*) FROM votes WHERE poll_id = ${P}) AS vote_rows FROM polls WHERE id = ${P}`,
      `SELECT o.id, o.label, o.vote_count AS counter,
         (SELECT COUNT(*) FROM votes v WHERE v.option_id = o.id) AS vote_rows
       FROM poll_options o WHERE o.poll_id = ${P} ORDER BY o.position`,
      `SELECT COUNT(*) AS n FROM ballots b WHERE b.poll_id = ${P}
         AND (SELECT COUNT(*) FROM votes v WHERE v.ballot_id = b.id) <> 1`,
      `SELECT COUNT(DISTINCT b.id) AS ballots, MIN(v.option_id) AS option_id, COUNT(v.option_id) AS vote_rows
       FROM ballots b LEFT JOIN votes v ON v.ballot_id = b.id
       WHERE b.poll_id = ${P} AND b.reader_id = '${burster.id}'`,
    ])
    const burstChoice = mine.results[0]?.option_id
    if (burstChoice != null) expected.set(burster.id, `o_${burstChoice}`)
    const distinctReaders = warm.length + probes.length + readers.length + 1
    const wanted = new Map(optionIds.map((id) => [id, 0]))
    for (const optionId of expected.values()) wanted.set(optionId, (wanted.get(optionId) ?? 0) + 1)

    const b = ballots.results[0]!
    const v = voters.results[0]!
    const checks: [string, string | number, string | number][] = [
      ['ballots = distinct readers who voted', b.ballots, distinctReaders],
      ['distinct reader ids among ballots', b.readers, distinctReaders],
      ['polls.voter_count (trigger) = ballots', v.voter_count, b.ballots],
      ['vote rows = ballots (single choice)', v.vote_rows, b.ballots],
      ['ballots without exactly one vote row', misshapen.results[0]!.n, 0],
      [`the burst reader: ballots`, mine.results[0]!.ballots, 1],
      [`the burst reader: vote rows`, mine.results[0]!.vote_rows, 1],
      [
        `the burst reader's vote is one it sent and got 200 for`,
        burstOk.some((s) => s.myChoices?.join() === `o_${burstChoice}`) ? 'yes' : 'no',
        'yes',
      ],
    ]
    for (const o of options.results) {
      const id = `o_${o.id}`
      checks.push([`"${o.label}": vote_count (trigger) = rows`, o.counter, o.vote_rows])
      checks.push([`"${o.label}": rows = last accepted choices`, o.vote_rows, wanted.get(id) ?? 0])
      const shown = after.results?.options.find((r) => r.id === id)?.votes
      checks.push([`"${o.label}": public results = rows`, shown ?? '–', o.vote_rows])
    }
    const failed = checks.filter(([, got, want]) => got !== want)

    const accepted = firstVotes + changes
    const rate = accepted / seconds
    const rows: (string | number)[][] = [
      ['', 'requests', '200', '429', 'other', 'votes/s', 'p50 ms', 'p99 ms'],
      [
        `${probes.length} readers, one at a time`,
        probeLatencies.length,
        probeOk,
        0,
        probeLatencies.length - probeOk,
        (probeLatencies.length / probeSeconds).toFixed(0),
        ms(percentile(probeLatencies, 50), 1),
        ms(percentile(probeLatencies, 99), 1),
      ],
      [
        `${readers.length} readers, ${CONCURRENCY} at a time (${changes} change their vote)`,
        latencies.length,
        accepted,
        0,
        latencies.length - accepted,
        rate.toFixed(0),
        ms(percentile(latencies, 50), 1),
        ms(percentile(latencies, 99), 1),
      ],
      [
        `one reader, ${BURST} votes at once (started at ${((burstStarted - startedAt) / 1000).toFixed(1)} s)`,
        burstResults.length,
        burstOk.length,
        burst429.length,
        burstOther.length,
        '',
        ms(
          percentile(
            burstResults.map((s) => s.ms),
            50
          ),
          1
        ),
        ms(
          percentile(
            burstResults.map((s) => s.ms),
            99
          ),
          1
        ),
      ],
    ]
    console.log(
      `\nVotes through the whole write path: PUT …/polls/${POLL}/vote on wrangler dev (local D1), ` +
        `each reader from its own network address\nmachine: ${machine()}\n\n${table(rows)}\n`
    )
    console.log(
      table([
        ['exactness, read from D1 after the run', 'found', 'expected'],
        ...checks.map(([what, got, want]) => [
          `${got === want ? 'ok ' : 'BAD'} ${what}`,
          got,
          want,
        ]),
      ])
    )
    const exact = failed.length === 0 && failures.length === 0
    console.log(
      `\n${accepted.toLocaleString('en')} votes in ${seconds.toFixed(1)} s: ${rate.toFixed(0)} votes/s sustained, ` +
        `${exact ? 'zero lost and zero double-counted' : 'NOT EXACT (see above)'}; ` +
        `the burst reader holds ${mine.results[0]!.ballots} ballot after ${BURST} concurrent votes ` +
        `(${burstOk.length} passed the per-reader limit of ${DEFAULT_RATE_LIMITS.votes.reader.max}/min and raced in the ballot batch, ` +
        `${burst429.length} got 429).`
    )
    console.log(scaling(rate))
    if (failures.length > 0) {
      console.error(
        `[bench] ${failures.length} requests failed, e.g.:\n  ${failures.slice(0, 5).join('\n  ')}`
      )
    }
    if (!exact) process.exitCode = 1
  } finally {
    await stopAll()
    rmSync(state, { recursive: true, force: true })
    cancelDeadline()
    console.log(`[bench] done in ${elapsed()}`)
  }
}

/** What the measured figure means for a viral poll on Cloudflare. */
function scaling(rate: number): string {
  const site = DEFAULT_RATE_LIMITS.votes.site
  const perSecond = site.max / site.windowSeconds
  return `
How a viral poll scales on Cloudflare
- Measured here: ${rate.toFixed(0)} votes/s on local D1, Worker and load generator sharing this
  machine's cores. Each vote is three D1 round trips: the rate-limit batch (3 counter upserts), the
  poll read, and the ballot batch (ballot upsert, votes replaced, counters kept by triggers,
  read-back): two write transactions per vote.
- D1 (developers.cloudflare.com/d1/platform/limits, "How much work can a D1 database do?"): each
  database is single-threaded and runs one query at a time, so throughput is 1 / query time
  (1 ms per query ≈ 1,000 queries/s); writes take "several milliseconds" because they are made
  durable in several locations, which local D1 does not do; an overloaded database queues, then
  answers "overloaded". At 2–5 ms per write transaction, two per vote put one database at roughly
  100–250 votes/s${rate > 250 ? ', below what was measured here: on Cloudflare the database, not the Worker, sets the ceiling' : ''}.
- Parley's own cap comes first: DEFAULT_RATE_LIMITS.votes.site allows ${site.max.toLocaleString('en')} votes per
  ${site.windowSeconds} s per site (${perSecond} votes/s). A poll read by a million readers in an hour with 10 %
  voting averages 28 votes/s, with peaks of 5–10× (140–280 votes/s): the site limit refuses the
  peak, and one D1 database is at its edge.
- Beyond it: (1) move rate limiting out of D1 (the Workers rate-limiting binding or a Durable
  Object), halving D1 writes per vote and freeing the site cap from D1; (2) a Durable Object per
  hot poll (developers.cloudflare.com/durable-objects/platform/limits: one object is
  single-threaded with a soft limit of 1,000 requests/s) that keeps the one-ballot-per-reader
  rule in its own SQLite, answers the vote, and writes ballots and counters to D1 in one batch
  per second, so D1 sees one write transaction per second per poll instead of two per vote;
  (3) past ~1,000 votes/s, N such objects per poll chosen by a hash of the reader id (a reader
  always lands in the same shard, so uniqueness still holds) with sharded counters summed on
  read; (4) a D1 database per large site, since D1 is designed to scale out over many 10 GB
  databases.
${refreshCost()}`
}

/**
 * How <parley-poll> refreshes results: every 30 s while its page is visible (RefreshController's
 * default interval in packages/widget/src/controllers/refresh-controller.ts).
 */
const REFRESH_SECONDS = 30
/**
 * D1 queries behind one refresh, 304 or not: the site read (site middleware), then one batch of
 * the poll row, its options and the reader's ballot (apps/worker/src/db/polls.ts). The ETag is a
 * hash of the body, so the body has to be read to know it is unchanged.
 */
const QUERIES_PER_REFRESH = 4
/** D1's guidance: one query at a time per database, ≈ 1 ms for a simple indexed read. */
const D1_QUERIES_PER_SECOND = 1000

function refreshCost(): string {
  const perPage = QUERIES_PER_REFRESH / REFRESH_SECONDS
  const capacity = Math.floor(D1_QUERIES_PER_SECOND / perPage)
  const rows = [10_000, 100_000, 1_000_000].map((pages) => {
    const refreshes = pages / REFRESH_SECONDS
    const queries = refreshes * QUERIES_PER_REFRESH
    const load = queries / D1_QUERIES_PER_SECOND
    return `  ${pages.toLocaleString('en').padStart(9)} open pages: ${Math.round(refreshes).toLocaleString('en').padStart(6)} refreshes/s, ${Math.round(queries).toLocaleString('en').padStart(7)} D1 queries/s = ${load < 1 ? `${Math.round(load * 100)} %` : `${load.toFixed(1)}×`} of one database`
  })
  return `
What open pages refreshing the results cost
- Each open <parley-poll> asks GET …/polls/:poll every ${REFRESH_SECONDS} s while its page is visible. A 304
  saves the body and the bandwidth, not the database: the ETag is a hash of the body, so every
  refresh still reads the site and one batch of the poll, its options and the reader's ballot,
  ${QUERIES_PER_REFRESH} D1 queries. At ≈ ${D1_QUERIES_PER_SECOND.toLocaleString('en')} queries/s per database that is ${perPage.toFixed(3)} queries/s per open page, so
  one database serves about ${capacity.toLocaleString('en')} open pages with nothing left for the votes:
${rows.join('\n')}
- Remedy, in order: (1) the Workers Cache API: the shared part of the view (definition and
  results, the same for everyone allowed to see them) cached per data centre under the poll key
  and a per-poll version (a counter the vote triggers bump, so a data centre's own votes replace
  its entry) for a few seconds. D1 then sees at most one read per poll per data centre per TTL
  (about 300 data centres / 5 s ≈ 60 reads/s, whatever the audience), results lag by up to the
  TTL, which a ${REFRESH_SECONDS} s refresh hides anyway, and the personal part (myChoices, voted, whether
  after_vote results may be shown) comes from the reader's last vote response or a signed
  receipt it carries, not from D1. Caching the site row per isolate takes the first query off
  every request now. (2) The Durable Object per hot poll above holds the counters in memory and
  answers refreshes from memory, or pushes changes over hibernatable WebSockets so open pages
  stop polling at all. (3) D1 read replication (Sessions API) spreads the reads over replicas,
  each again ≈ ${D1_QUERIES_PER_SECOND.toLocaleString('en')} queries/s.`
}

main().catch(async (e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e)
  await stopAll()
  process.exit(1)
})
