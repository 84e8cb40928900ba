import { expect, test } from '@playwright/test'
import type { Comment } from '../../../packages/core/src/index.ts'
import { Api, flatten, freshThread, threadPage } from '../api.ts'
import { waitForWidget } from '../fixtures.ts'
import { NAME_PAYLOADS, PAYLOADS, type Payload } from '../xss/payloads.ts'

// Every payload of the corpus goes through the real path: POST (server cleaning, rendering and
// sanitizing) → D1 → GET → the widget rebuilding the server's html in Chromium. Nothing may run,
// and the comment bodies may hold only the markup the contract allows (packages/core comment.ts).

/** Posts run a few at a time: quick, without turning the setup into a load test. */
async function inBatches<T, R>(items: T[], size: number, run: (item: T) => Promise<R>) {
  const out: R[] = []
  for (let i = 0; i < items.length; i += size) {
    out.push(...(await Promise.all(items.slice(i, i + size).map(run))))
  }
  return out
}

interface Finding {
  id: number | null
  problems: string[]
}

test('no payload of the XSS corpus executes or leaves foreign markup', async ({
  page,
  request,
}) => {
  test.setTimeout(180_000)
  const api = new Api(request)
  const reader = await api.reader()
  const thread = freshThread('xss')

  // Nine in ten payloads are top-level comments; every tenth replies to the one before it, so the
  // reply rendering path sees attacks too. Display-name payloads come with a plain text.
  const byComment = new Map<string, Payload>()
  const refused: string[] = []
  const post = async (
    p: Payload,
    body: { authorName: string; text: string; parentId?: string }
  ) => {
    const res = await api.postRaw(reader, thread, body)
    if (res.status() !== 201 && res.status() !== 200) {
      refused.push(`#${p.id} (${p.category}): ${res.status()} ${(await res.text()).slice(0, 200)}`)
      return null
    }
    const comment = (await res.json()) as Comment
    byComment.set(comment.id, p)
    return comment
  }
  const topLevel = PAYLOADS.filter((p) => p.id % 10 !== 0)
  const replies = PAYLOADS.filter((p) => p.id % 10 === 0)
  const created = new Map<number, Comment | null>()
  await inBatches(topLevel, 8, async (p) =>
    created.set(p.id, await post(p, { authorName: `xss-${p.id}`, text: p.text }))
  )
  await inBatches(replies, 8, async (p) => {
    const parentId = created.get(p.id - 1)?.id
    await post(p, { authorName: `xss-${p.id}`, text: p.text, ...(parentId ? { parentId } : {}) })
  })
  await inBatches(NAME_PAYLOADS, 8, (p) =>
    post(p, { authorName: p.text, text: `Display name payload ${p.id}` })
  )
  const all = [...PAYLOADS, ...NAME_PAYLOADS]

  // Anything that runs, in any frame, reports here: __xss(), alert/confirm/prompt, real dialogs.
  const executed: string[] = []
  await page.exposeBinding('__xssReport', ({ frame }, id: string, how: string) => {
    executed.push(`#${id} via ${how} in ${frame.url().slice(0, 80)}`)
  })
  await page.addInitScript(() => {
    const w = window as unknown as Record<string, unknown>
    const report = (id: unknown, how: string) => {
      try {
        ;(w.__xssReport as (id: string, how: string) => void)(String(id), how)
      } catch {
        // the binding is missing in this frame: the page-level list still has it
      }
      ;((w.__xssHits as string[] | undefined) ?? (w.__xssHits = [] as string[])).push(String(id))
    }
    w.__xss = (id: unknown) => report(id, '__xss')
    w.alert = (m: unknown) => report(m, 'alert')
    w.confirm = (m: unknown) => (report(m, 'confirm'), false)
    w.prompt = (m: unknown) => (report(m, 'prompt'), null)
  })
  page.on('dialog', (dialog) => {
    executed.push(`a ${dialog.type()} dialog: ${dialog.message().slice(0, 80)}`)
    void dialog.dismiss()
  })
  const pageErrors: string[] = []
  page.on('pageerror', (e) => pageErrors.push(e.message))

  await page.goto(threadPage(thread))
  await waitForWidget(page)

  // Positive controls: the detection works in the page and in a child frame.
  await page.evaluate(async () => {
    ;(window as unknown as { __xss: (id: string) => void }).__xss('control')
    const frame = document.createElement('iframe')
    frame.srcdoc = '<script>__xss("frame-control")</script>'
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve))
    document.body.append(frame)
    await loaded
    frame.remove()
  })
  await expect.poll(() => executed.join(' ')).toContain('#frame-control via __xss')
  expect(executed.join(' ')).toContain('#control via __xss')
  executed.length = 0
  await page.evaluate(() => ((window as unknown as { __xssHits: string[] }).__xssHits = []))
  const articles = page.getByRole('article')
  await articles.first().waitFor()
  const more = page.getByRole('button', { name: 'Load more comments' })
  while (await more.count()) {
    const before = await articles.count()
    await more.click()
    await expect.poll(() => articles.count(), { timeout: 15_000 }).toBeGreaterThan(before)
  }
  // Replies may start collapsed in a later design: open them all.
  const show = page.getByRole('button', { name: /^Show \d+ (more )?repl/ })
  while (await show.count()) await show.first().click()
  // Media errors, animations, autofocus and timers get a moment to fire.
  await page.mouse.move(10, 10)
  await page.waitForTimeout(1500)

  const server = flatten(await api.all(thread)).map((c) => ({ id: c.id, html: c.html }))
  const report = await page.evaluate((serverHtml) => {
    const ELEMENTS = new Set(['P', 'BR', 'EM', 'STRONG', 'BLOCKQUOTE', 'CODE', 'A'])
    const REL = 'nofollow ugc noopener'
    const SCHEMES = new Set(['http:', 'https:', 'mailto:'])
    const FORBIDDEN_ANYWHERE = 'iframe, frame, frameset, object, embed, applet, base, portal'

    function* deep(root: ParentNode): Generator<Element> {
      for (const el of root.querySelectorAll('*')) {
        yield el
        if (el.shadowRoot) yield* deep(el.shadowRoot)
      }
    }

    /** What a comment body holds beyond the allowlist. */
    function check(body: Element): string[] {
      const problems: string[] = []
      for (const el of body.querySelectorAll('*')) {
        const tag = el.tagName.toUpperCase()
        if (!ELEMENTS.has(tag)) problems.push(`element <${el.tagName.toLowerCase()}>`)
        if (el.shadowRoot) problems.push(`a shadow root on <${el.tagName.toLowerCase()}>`)
        for (const { name, value } of el.attributes) {
          const where = `<${el.tagName.toLowerCase()} ${name}="${value.slice(0, 60)}">`
          if (tag !== 'A' || !['href', 'rel', 'target'].includes(name)) {
            problems.push(`attribute ${where}`)
          } else if (name === 'href') {
            let scheme: string
            try {
              scheme = new URL(value).protocol
            } catch {
              scheme = '(relative)'
            }
            if (!/^(https?|mailto):/i.test(value) || !SCHEMES.has(scheme)) {
              problems.push(`href ${where}`)
            }
          } else if (name === 'rel' && value !== REL) {
            problems.push(`rel ${where}`)
          } else if (name === 'target' && value !== '_blank') {
            problems.push(`target ${where}`)
          }
        }
        if (tag === 'A' && el.hasAttribute('href') && el.getAttribute('rel') !== REL) {
          problems.push(`a link without rel="${REL}"`)
        }
      }
      return problems
    }

    const idOf = (body: Element): number | null => {
      const heading = body.closest('article')?.querySelector('h3')?.textContent ?? ''
      const match =
        /xss-(\d+)/.exec(heading) ?? /Display name payload (\d+)/.exec(body.textContent ?? '')
      return match ? Number(match[1]) : null
    }

    const bodies = [...deep(document)].filter((el) =>
      (el.getAttribute('part') ?? '').split(/\s+/).includes('comment-body')
    )
    const live = bodies.map((body) => ({ id: idOf(body), problems: check(body) }))
    // What the allowlist let through, to show the bodies are rendered markup and not plain text.
    const allowed: Record<string, number> = {}
    for (const body of bodies) {
      for (const el of body.querySelectorAll('*')) {
        const tag = el.tagName.toLowerCase()
        allowed[tag] = (allowed[tag] ?? 0) + 1
      }
    }

    // The server's own html, parsed inertly: the API must not rely on the widget to clean up.
    const parser = new DOMParser()
    // Negative control: the checker flags what it must flag.
    const control = check(
      parser.parseFromString(
        '<p><img src=x><a href="javascript:x" rel="x" title="t">x</a><svg></svg></p>',
        'text/html'
      ).body
    )
    const fromServer = serverHtml.map(({ id, html }) => ({
      id,
      problems: check(parser.parseFromString(html, 'text/html').body),
    }))

    // Outside the bodies: no frame, no inline handler, no script inside the widget.
    const page: string[] = []
    for (const el of deep(document.body)) {
      if (el.matches(FORBIDDEN_ANYWHERE)) page.push(`<${el.tagName.toLowerCase()}> on the page`)
      for (const { name } of el.attributes) {
        if (/^on/i.test(name)) page.push(`${name} on <${el.tagName.toLowerCase()}>`)
      }
      if (el.tagName === 'SCRIPT' && el.getRootNode() !== document) {
        page.push('<script> inside a shadow root')
      }
    }
    return {
      live,
      allowed,
      control,
      fromServer,
      page,
      hits: (window as unknown as { __xssHits?: string[] }).__xssHits ?? [],
    }
  }, server)

  // Attribute each problem to its payload, then print the figures the README quotes.
  const payloadOfComment = (commentId: string) => byComment.get(commentId)?.id ?? null
  const failed = new Map<number | string, string[]>()
  const note = (id: number | string | null, problem: string) => {
    const key = id ?? '(unattributed)'
    failed.set(key, [...(failed.get(key) ?? []), problem])
  }
  for (const f of report.live as Finding[]) for (const p of f.problems) note(f.id, `widget: ${p}`)
  for (const f of report.fromServer) {
    for (const p of f.problems) note(payloadOfComment(f.id), `server html: ${p}`)
  }
  for (const hit of executed) note(/^#(\d+)/.exec(hit)?.[1] ?? '(unattributed)', `executed: ${hit}`)
  for (const p of report.page) note('(page)', p)
  if (page.frames().length > 1) note('(page)', `${page.frames().length - 1} frame(s) were created`)

  const rendered = report.live.length
  const expected = byComment.size
  console.log(
    `[xss] ${all.length} payloads (${PAYLOADS.length} in comment texts, ${NAME_PAYLOADS.length} in display names): ` +
      `${expected} posted, ${refused.length} refused, ${rendered} rendered; ` +
      `${failed.size} failed, ${executed.length} executions`
  )
  console.log(
    `[xss] allowed markup rendered in the bodies: ${Object.entries(report.allowed)
      .map(([tag, n]) => `<${tag}>×${n}`)
      .join(' ')}`
  )
  for (const [id, problems] of failed) {
    const payload = all.find((p) => p.id === Number(id))
    console.log(
      `[xss]   #${id}${payload ? ` (${payload.category}) ${JSON.stringify(payload.text.slice(0, 80))}` : ''}: ` +
        [...new Set(problems)].slice(0, 4).join('; ')
    )
  }

  expect(report.control.length, `the checker flags ${report.control.join('; ')}`).toBe(7)
  expect(refused, 'every payload is stored as text, not refused').toEqual([])
  expect(executed, 'no payload executed').toEqual([])
  expect(report.hits).toEqual([])
  expect(Object.fromEntries(failed), 'no foreign element or attribute').toEqual({})
  expect(rendered, 'the widget rendered every posted comment').toBe(expected)
  expect(pageErrors).toEqual([])
})
