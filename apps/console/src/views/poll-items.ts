// The list of polls the threads view (one thread's) and the polls view (the site's) show.
import type { AdminPoll } from '@parley/core'
import { html } from 'lit'
import { when } from '../elements/console-view.ts'
import { href } from '../router.ts'

export type ExportFormat = 'csv' | 'json'

export interface PollActions {
  edit: (poll: AdminPoll) => void
  close: (poll: AdminPoll) => void
  /** Downloads the results; without it, no export buttons. */
  download?: (poll: AdminPoll, format: ExportFormat) => void
}

/** Where the poll shows: a link to its thread, or that it stands alone. */
const whereShown = (p: AdminPoll) =>
  p.thread === null
    ? html`<span>On its own</span>`
    : html`<span>Thread <a href=${href('threads', p.thread)}>${p.thread}</a></span>`

/** One item per poll; with `showThread`, each says where it shows. */
export function pollItems(polls: AdminPoll[], actions: PollActions, showThread = false) {
  return html`<ul class="items" aria-label="Polls">
    ${polls.length === 0 ? html`<li class="empty">No polls.</li>` : ''}
    ${polls.map(
      (p) =>
        html`<li>
          <h3>${p.question}</h3>
          <p class="meta">
            <span class="badge">${p.status}</span><span>Key <code>${p.id}</code></span>
            ${showThread ? whereShown(p) : ''}
            <span>${p.voters} voters</span><span>${p.kind} choice</span>
            ${p.kind === 'multiple' ? html`<span>at most ${p.maxChoices}</span>` : ''}
            ${showThread ? html`<span>Created ${when(p.createdAt)}</span>` : ''}
          </p>
          <ul class="reasons">
            ${p.options.map(
              (o) =>
                html`<li>${o.label}: ${o.votes} (${o.percent}%)${o.hidden ? ' — hidden' : ''}</li>`
            )}
          </ul>
          <div class="actions">
            <button type="button" aria-label=${`Edit poll ${p.id}`} @click=${() => actions.edit(p)}>
              Edit
            </button>
            ${
              p.status === 'closed'
                ? ''
                : html`<button
                    type="button"
                    aria-label=${`Close now: poll ${p.id}`}
                    @click=${() => actions.close(p)}
                  >
                    Close now
                  </button>`
            }
            ${(['csv', 'json'] as const).map((format) =>
              actions.download
                ? html`<button
                    type="button"
                    aria-label=${`Export ${format.toUpperCase()}: poll ${p.id}`}
                    @click=${() => actions.download!(p, format)}
                  >
                    Export ${format.toUpperCase()}
                  </button>`
                : ''
            )}
          </div>
        </li>`
    )}
  </ul>`
}

/**
 * Saves a Blob as a file through a temporary Blob URL (no navigation; the CSP allows it, as it
 * governs what the page loads, not what it downloads).
 */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.click()
  // The download has taken the Blob once the click is handled.
  setTimeout(() => URL.revokeObjectURL(url))
}
