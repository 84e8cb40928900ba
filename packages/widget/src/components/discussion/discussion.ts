import { html, nothing, type PropertyValues } from 'lit'
import { ThreadStoreController } from '../../controllers/thread-store-controller.ts'
import { ParleyElement } from '../../internal/parley-element.ts'
import { viewsFor } from '../../internal/views.ts'
import { tokens } from '../../styles/tokens.styles.ts'
import { COMMENT_PARTS } from '../comment/comment.ts'
import { discussionStyles } from './discussion.styles.ts'

const FORM_PARTS = 'form,sign-in,input,textarea,submit,error,status'

/**
 * @summary The whole widget: the thread's Featured section (readers' comments that experts
 * answered, with the answers), optional polls, the comment form and the comments of one
 * thread. The form and the list share the page's thread store, so a posted comment shows at once.
 *
 * @event parley-vote - A vote, a changed vote or a withdrawal was accepted. `detail: { poll, choices }`
 * @event parley-comment - A comment or reply was accepted. `detail: { comment }`
 * @event parley-error - A request failed. `detail: { code, message }`
 *
 * @csspart base - The wrapper.
 * @csspart featured - The "Featured" section; its comments forward the parts of `<parley-comment>`.
 * @csspart poll - Each `<parley-poll>` element; its own parts are forwarded too.
 * @csspart comment-form - The `<parley-comment-form>` element; its parts are forwarded too.
 * @csspart comments - The `<parley-comments>` element; its parts are forwarded too.
 *
 * @cssproperty --parley-color-text - Text colour (default: inherited from the page).
 * @cssproperty --parley-color-muted - Secondary text.
 * @cssproperty --parley-color-accent - Buttons, links, focus rings, poll bars.
 * @cssproperty --parley-color-on-accent - Text on accent-coloured buttons.
 * @cssproperty --parley-color-surface - Backgrounds of fields and boxes (default: transparent).
 * @cssproperty --parley-color-border - Borders and separators.
 * @cssproperty --parley-color-danger - Error messages.
 * @cssproperty --parley-color-expert - The edge and tint of expert responses.
 * @cssproperty --parley-color-scheme - `color-scheme` of native controls (default: light dark).
 * @cssproperty --parley-radius - Corner radius.
 * @cssproperty --parley-font-family - Font (default: inherited from the page).
 * @cssproperty --parley-space - Base spacing unit (and the padding of a themed element).
 * @cssproperty --parley-color-background - Background with a `theme` (default: none without one).
 * @cssproperty --parley-skeleton-height - Height reserved while loading (default: 100vh; 14rem
 *   with only a poll).
 */
export class ParleyDiscussion extends ParleyElement {
  static override fetches = true
  static override styles = [tokens, discussionStyles]
  static override properties = {
    /** The thread key; without it only the poll is shown. */
    thread: {},
    /** The poll key, or several separated by spaces, shown in that order; optional. */
    poll: {},
  }

  declare thread: string
  declare poll: string
  readonly #stores = new ThreadStoreController(this)

  constructor() {
    super()
    this.thread = ''
    this.poll = ''
  }

  override willUpdate(changed: PropertyValues<this>): void {
    // The Featured section comes with the thread, which the list loads.
    if (changed.has('api') || changed.has('site') || changed.has('thread')) this.#stores.attach()
    if (changed.has('site') && this.missing('site')) return
    if (!this.thread && !this.poll)
      console.error('[parley] <parley-discussion> needs a "thread" or "poll" attribute')
  }

  // The skeleton stays until the poll and the first page are there, so nothing moves in between
  // (the Featured section comes with the thread, before the first page).
  override firstUpdated(): void {
    const parts = this.renderRoot.querySelectorAll<ParleyElement>('parley-poll,parley-comments')
    void Promise.all([...parts].map((el) => el.loaded)).then(() => this.done())
  }

  override render() {
    const { api, site, thread, poll, t } = this
    if (!site) return nothing
    const featured = this.#stores.store?.info?.featured ?? []
    // The Featured section comes with the views; <parley-comments> waits for them too.
    const views = featured.length ? viewsFor(this, true) : null
    return html`<div part="base">
      ${views?.featured(this, t, featured, COMMENT_PARTS)}
      ${(poll || '')
        .match(/\S+/g)
        ?.map(
          (key) =>
            html`<parley-poll
              part="poll"
              exportparts="base:poll-base,form,poll-option,note,submit,results,poll-bar,total,change-vote,withdraw-vote,error"
              api=${api}
              site=${site}
              poll=${key}
            ></parley-poll>`
        )}
      ${
        thread
          ? html`<parley-comment-form
                part="comment-form"
                exportparts=${FORM_PARTS}
                api=${api}
                site=${site}
                thread=${thread}
              ></parley-comment-form>
              <parley-comments
                part="comments"
                exportparts="base:comments-base,heading,controls,select,list,empty,load-more,${COMMENT_PARTS}"
                api=${api}
                site=${site}
                thread=${thread}
              ></parley-comments>`
          : nothing
      }
    </div>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'parley-discussion': ParleyDiscussion
  }
}
