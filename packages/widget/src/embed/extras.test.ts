import { afterEach, expect, it, vi } from 'vitest'
import { commands, page, userEvent } from 'vitest/browser'

// The script-tag build as a publisher's page loads it: <script src=".../embed.js" async>, served
// with parley-extras.js next to it (vitest.config.ts). Nothing else defines the Parley elements
// on this page, so everything below comes from the two built files: the forms, their strings
// and styles arrive with parley-extras.js when a reader first opens one, and render with the Lit
// runtime inside embed.js.

afterEach(() => {
  document.body.replaceChildren()
  vi.unstubAllGlobals()
})

const comment = {
  id: 'c_other00000',
  parentId: null,
  author: { name: 'Amina', badges: [] },
  text: 'Something illegal',
  html: '<p>Something illegal</p>',
  lang: 'en',
  createdAt: new Date().toISOString(),
  editedAt: null,
  deleted: false,
  reactions: {},
  myReaction: null,
  mine: false,
  editableUntil: null,
  stance: null,
  replyCount: 0,
  descendantCount: 0,
  status: 'published',
  removal: null,
  pinned: false,
  expertResponses: [],
  replies: [],
}

it('loads parley-extras.js from next to embed.js when a reader first opens a form', async () => {
  await commands.buildEmbed()
  const sent: { url: string; method: string; body: unknown }[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const req = new Request(input, init)
      const { pathname } = new URL(req.url)
      const json = (body: unknown, status = 200) =>
        new Response(JSON.stringify(body), {
          status,
          headers: { 'content-type': 'application/json' },
        })
      if (pathname === '/v1/sites/demo/threads/t-1')
        return json({
          site: 'demo',
          key: 't-1',
          title: null,
          commentCount: 1,
          polls: [],
          reactions: { available: [], showCounts: true },
          stances: null,
          languages: { en: 1 },
          featured: [],
          pinned: [],
          uiLanguages: [],
        })
      if (pathname === '/v1/sites/demo/threads/t-1/comments')
        return json({ comments: [comment], nextCursor: null })
      sent.push({ url: pathname, method: req.method, body: await req.json() })
      return json({ id: 'n_0000000000', receivedAt: new Date().toISOString() }, 201)
    })
  )
  const script = document.createElement('script')
  script.src = '/embed.js'
  script.async = true
  Object.assign(script.dataset, { site: 'demo', thread: 't-1' })
  document.body.append(script)

  const amina = page.getByRole('article', { name: 'Amina' })
  await expect.element(amina).toBeVisible()
  const loaded = () =>
    performance
      .getEntriesByType('resource')
      .filter((e) => new URL(e.name).pathname === '/parley-extras.js')
  expect(loaded()).toHaveLength(0)

  await amina.getByRole('button', { name: 'Report' }).click()
  await expect
    .element(amina.getByRole('group', { name: 'Why are you reporting this comment?' }))
    .toBeVisible()
  expect(loaded()).toHaveLength(1)
  expect(new URL(loaded()[0]!.name).search).toMatch(/^\?v=[0-9a-f]{10}$/)
  // The forms' own styles came along: the reasons are stacked.
  const spam = amina.getByRole('radio', { name: 'Spam' }).element()
  expect(getComputedStyle(spam.closest('label')!).display).toBe('block')

  await amina.getByRole('radio', { name: 'Illegal content (EU law)' }).click()
  await userEvent.fill(
    amina.getByRole('textbox', { name: 'Which law does it break?' }),
    'StGB § 130'
  )
  await userEvent.fill(amina.getByRole('textbox', { name: 'Why is it illegal?' }), 'Incitement.')
  await userEvent.fill(amina.getByRole('textbox', { name: 'Your name' }), 'Ana')
  await userEvent.fill(amina.getByRole('textbox', { name: 'Your email' }), 'ana@example.org')
  await amina.getByRole('checkbox').click()
  await amina.getByRole('button', { name: 'Send notice' }).click()
  await expect.element(amina.getByText('Reported', { exact: true })).toBeVisible()
  expect(sent).toEqual([
    {
      url: '/v1/sites/demo/comments/c_other00000/notices',
      method: 'POST',
      body: {
        law: 'StGB § 130',
        explanation: 'Incitement.',
        name: 'Ana',
        email: 'ana@example.org',
        goodFaith: true,
      },
    },
  ])
  // Loaded once, for every later form too.
  await amina.getByRole('button', { name: 'Reply' }).click()
  expect(loaded()).toHaveLength(1)
}, 30_000)

// What only some threads show (the Featured section, expert responses, reactions) comes with
// parley-extras.js too, loaded as soon as the thread shows it is needed and before the
// discussion reveals it: strings, markup and styles all arrive with the module.
it('loads parley-extras.js before revealing a thread that needs its views', async () => {
  await commands.buildEmbed()
  const answered = {
    ...comment,
    id: 'c_answered00',
    author: { name: 'Bodo', badges: ['verified'] },
    expertResponses: [
      {
        id: 'r_ines000000',
        expert: {
          id: 'x_ines000000',
          name: 'Dr. Ines',
          title: 'Professor',
          organisation: 'University',
          photoUrl: null,
        },
        html: '<p>An answer.</p>',
        createdAt: new Date().toISOString(),
        updatedAt: new Date().toISOString(),
      },
    ],
  }
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const { pathname } = new URL(new Request(input, init).url)
      const json = (body: unknown) =>
        new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } })
      if (pathname === '/v1/sites/demo/threads/t-2')
        return json({
          site: 'demo',
          key: 't-2',
          title: null,
          commentCount: 1,
          polls: [],
          reactions: { available: ['👍'], showCounts: true },
          stances: null,
          languages: { en: 1 },
          featured: [answered],
          pinned: [],
          uiLanguages: [],
        })
      return json({ comments: [comment], nextCursor: null })
    })
  )
  const script = document.createElement('script')
  script.src = '/embed.js'
  script.async = true
  Object.assign(script.dataset, { site: 'demo', thread: 't-2' })
  document.body.append(script)

  const featured = page.getByRole('region', { name: 'Featured' })
  await expect.element(featured).toBeVisible()
  const discussion = document.querySelector('parley-discussion')!
  expect(discussion.hasAttribute('aria-busy')).toBe(false)
  const loaded = performance
    .getEntriesByType('resource')
    .filter((e) => new URL(e.name).pathname === '/parley-extras.js')
  expect(loaded).toHaveLength(1)
  const card = featured.getByRole('article', { name: 'Expert response Dr. Ines' })
  await expect.element(card).toBeVisible()
  expect(getComputedStyle(card.element()).borderInlineStartWidth).toBe('4px')
  await expect.element(featured.getByText('Verified')).toBeVisible()
  const amina = page.getByRole('article', { name: 'Amina' })
  await expect.element(amina.getByRole('button', { name: 'Like' })).toBeVisible()
}, 30_000)
