import type { Comment, ExpertResponse, Poll, Thread } from '@parley/core'
import { html, nothing, type LitElement, type TemplateResult } from 'lit'
import { enForms } from '../i18n/en-forms.ts'
import { exactTime, relativeTime } from '../internal/format.ts'
import type { Translation } from '../i18n/translation.ts'
import type { ThreadStore } from '../state/thread-store.ts'
import { removal, type FormHost } from './forms.ts'
import { viewStyles } from './views.styles.ts'

// What only some threads and polls show, loaded as soon as the data shows it is needed and before the
// element reveals its content (docs/decisions/0021-what-loads-on-demand.md): the Featured
// section, a comment's moderation states and stance label, expert responses, the language and
// stance filters, the form's sign-in note and stance checkbox, and a poll's notes. Like forms.ts, it gets everything it needs from the element.

/** Adds the views' styles to `el`'s shadow root (once), and their English to `t`. */
function prepare(el: LitElement, t: Translation): Translation {
  const root = el.renderRoot as ShadowRoot
  const sheet = viewStyles.styleSheet!
  if (!root.adoptedStyleSheets.includes(sheet))
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet]
  return { ...enForms, ...t }
}

/** The "Featured" section of <parley-discussion>; `parts` are those of <parley-comment>. */
export const featured = (
  el: LitElement & Record<'api' | 'site' | 'thread', string>,
  t: Translation,
  comments: Comment[],
  parts: string
) =>
  html`<section part="featured" aria-labelledby="featured">
    <h2 id="featured">${prepare(el, t).featured}</h2>
    <ol>
      ${comments.map(
        (c) =>
          html`<li>
            <parley-comment
              featured
              exportparts=${parts}
              api=${el.api}
              site=${el.site}
              thread=${el.thread}
              .comment=${c}
            ></parley-comment>
          </li>`
      )}
    </ol>
  </section>`

/** "This comment was deleted.", or "Removed by a moderator. Reason: …" (also for its author). */
export const placeholder = (el: LitElement, t: Translation, c: Comment) => {
  const x = prepare(el, t)
  return c.deleted ? x.deleted : x.removed(x.removalReasons[c.removal!.reason])
}

/** The labels of a comment's header: badges, "Pinned", "Awaiting review", the author's stance. */
export function labels(el: LitElement, t: Translation, c: Comment) {
  const x = prepare(el, t)
  return html`${c.author.badges.map((b) => html`<span part="badge">${x.badges[b]}</span>`)}
  ${c.pinned ? html`<span part="pinned">${x.pinned}</span>` : nothing}
  ${c.status === 'pending' ? html`<span part="pending">${x.awaitingReview}</span>` : nothing}
  ${c.stance ? html`<span part="stance">${x.voted(c.stance.label)}</span>` : nothing}`
}

/** After a comment's time: "(edited)", and whom a reply below the deepest indentation answers. */
export function after(
  el: LitElement,
  t: Translation,
  c: Comment,
  replyTo: Comment | null,
  toParent: (e: Event) => void
) {
  return html`${
    c.editedAt
      ? html`<span part="edited" class="muted" title=${exactTime(new Date(c.editedAt), t.$code)}
          >${prepare(el, t).edited}</span
        >`
      : nothing
  }
  ${
    replyTo
      ? html`<a part="reply-to" href="#" @click=${toParent}
          >${prepare(el, t).inReplyTo(replyTo.author.name)}</a
        >`
      : nothing
  }`
}

/**
 * Under a comment's text: the note of a comment held for review, what its author sees of a
 * removed one, and the experts' responses. `safe` turns server html into nodes (safe-html.ts).
 */
export function below(host: FormHost, safe: (key: string, html: string) => Node[]) {
  const { c } = host
  const t = prepare(host.el, host.t)
  return html`${c.status === 'pending' ? html`<p class="muted">${t.pendingNote}</p>` : nothing}
  ${
    c.removal
      ? html`<div part="tombstone">
          <p><strong>${placeholder(host.el, t, c)}</strong></p>
          ${removal(host)}
        </div>`
      : nothing
  }
  ${c.expertResponses.map((r, i) => expert(t, r, i, safe))}`
}

/** The comment's reaction buttons, when the site offers reactions. */
export function reactions(host: FormHost) {
  const { c, store } = host
  const t = prepare(host.el, host.t)
  const available = store.info?.reactions?.available ?? []
  if (!available.length) return nothing
  const react = (emoji: string) => {
    const next = c.myReaction === emoji ? null : emoji
    void host.run(
      () => store.react(c.id, next),
      next ? t.reacted(t.reactionNames[next] ?? next) : t.reactionRemoved
    )
  }
  return html`<div role="group" part="reactions" aria-label=${t.reactions}>
    ${available.map((emoji) => {
      const name = t.reactionNames[emoji] ?? emoji
      const n = c.reactions?.[emoji] ?? 0
      return html`<button
        part="reaction"
        aria-pressed=${emoji === c.myReaction}
        aria-label=${c.reactions ? t.reactionCount(name, n) : name}
        aria-describedby="author"
        @click=${() => react(emoji)}
      >
        ${emoji}${n ? html` <span>${n.toLocaleString(t.$code)}</span>` : nothing}
      </button>`
    })}
  </div>`
}

/** An expert's response: a nested article named "Expert response" and the expert's name. */
function expert(
  t: Translation,
  { expert: x, html: body }: ExpertResponse,
  i: number,
  safe: (key: string, html: string) => Node[]
) {
  // Only https portraits, fetched lazily and without telling the host which page shows them.
  const photo = /^https:\/\//i.test(x.photoUrl ?? '')
  return html`<article part="expert-response" aria-labelledby="x${i} xn${i}">
    <h4 id="x${i}">${t.expertResponse}</h4>
    <header>
      ${
        photo
          ? html`<img
              part="expert-photo"
              src=${x.photoUrl!}
              alt=""
              width="48"
              height="48"
              loading="lazy"
              referrerpolicy="no-referrer"
            />`
          : nothing
      }
      <div>
        <strong id="xn${i}">${x.name}</strong>
        <div class="muted">${[x.title, x.organisation].filter(Boolean).join(', ')}</div>
      </div>
    </header>
    <div part="expert-body">${safe(`x${i}`, body)}</div>
  </article>`
}

/** A labelled select of <parley-comments>: id, label, [value, text] options, selected value. */
export type Select = (
  id: string,
  label: string,
  options: [string, string][],
  value: string
) => TemplateResult

/** The "Language" filter (two languages or more) and the "Stance" filter (a stance poll). */
export function filters(el: LitElement, t0: Translation, store: ThreadStore, select: Select) {
  const t = prepare(el, t0)
  const { lang, stance, info } = store
  const stances = info?.stances
  const counts = stances?.counts ?? null
  const languages = Object.entries(info?.languages ?? {}).sort((a, b) => b[1] - a[1])
  // A tag that the browser rejects or cannot name is shown as it is.
  const nameOf = (tag: string) => {
    try {
      return new Intl.DisplayNames(t.$code, { type: 'language' }).of(tag) ?? tag
    } catch {
      return tag
    }
  }
  return html`${
    languages.length > 1
      ? select(
          'lang',
          t.language,
          [
            ['', t.allLanguages],
            ...languages.map(([tag, n]): [string, string] => [
              tag,
              t.languageOption(nameOf(tag), n),
            ]),
          ],
          lang
        )
      : nothing
  }
  ${
    stances
      ? select(
          'stance',
          t.stance,
          [
            ['', t.allStances],
            // No counts while the stance poll withholds its results: they would tell the votes.
            ...(store.stancePoll?.options ?? []).map(({ id, label }): [string, string] => [
              id,
              t.stanceOption(label, counts && (counts[id] ?? 0)),
            ]),
            ['none', t.noStance(counts && (counts.none ?? 0))],
          ],
          stance
        )
      : nothing
  }`
}

/** "Sign in to comment." on a site where commenting needs sign-in. */
export const signInNote = (el: LitElement, t0: Translation, signIn: Thread['signIn']) => {
  const t = prepare(el, t0)
  return html`<p part="sign-in">
    ${t.signInToComment}
    ${signIn?.loginUrl ? html`<a href=${signIn.loginUrl}>${t.signIn}</a>` : nothing}
  </p>`
}

/** The form's "Show my vote (…) with my comment" box, checked unless the reader unchecked it. */
export const stanceBox = (
  el: LitElement,
  t: Translation,
  label: string,
  checked: boolean,
  change: (checked: boolean) => void
) =>
  html`<div>
    <label
      ><input
        type="checkbox"
        .checked=${checked}
        @change=${(e: Event) => change((e.target as HTMLInputElement).checked)}
      />
      ${prepare(el, t).showStance(label)}</label
    >
  </div>`

/** When voting opens or closes, why results are withheld, and whether a vote is final. */
export function pollNotes(el: LitElement, t0: Translation, poll: Poll) {
  const t = prepare(el, t0)
  const code = t.$code
  const date = (iso: string | null) => (iso ? exactTime(new Date(iso), code) : '')
  const { status, resultsStatus: results, closesAt } = poll
  return [
    status === 'scheduled'
      ? t.opens(date(poll.opensAt))
      : status === 'closed'
        ? t.closed
        : closesAt && t.closes(relativeTime(new Date(closesAt), code)),
    results === 'hidden_until_vote'
      ? t.resultsAfterVote
      : results === 'hidden_until_close' && t.resultsAfterClose(date(closesAt)),
    status === 'open' && !poll.allowVoteChange && poll.voted && t.locked,
  ].map((note) => (note ? html`<p part="note" class="muted">${note}</p>` : nothing))
}

/** "Too many votes. Please try again in N seconds." */
export const retryIn = (el: LitElement, t: Translation, seconds: number) =>
  prepare(el, t).retryIn(seconds)

/** The hint of a multiple-choice poll: how many options, and why the others are disabled. */
export function choiceHint(el: LitElement, t0: Translation, max: number, full: boolean) {
  const t = prepare(el, t0)
  return html`<p part="note" class="muted" aria-live="polite">
    ${t.chooseUpTo(max)} ${full ? t.choiceLimit : nothing}
  </p>`
}
