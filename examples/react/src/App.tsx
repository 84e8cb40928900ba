import type { ParleyCommentEvent, ParleyErrorEvent, ParleyVoteEvent } from '@parley/widget'
import { useState } from 'react'
import { Count, Discussion } from './parley.ts'

/** Your Parley Worker. The e2e suite serves this page with its own Worker's origin here. */
const API = import.meta.env.VITE_PARLEY_API ?? 'http://localhost:8787'
const SITE = 'demo'
const THREAD = 'react-example'
const POLL = 'origin-countries'

interface Entry {
  id: number
  text: string
}

/**
 * An article page: the discussion, and what a site's own code might do with Parley's events, here
 * an on-page "analytics" log (a real site would send them to its analytics instead).
 */
export function App() {
  const [log, setLog] = useState<Entry[]>([])
  const track = (text: string) => setLog((entries) => [...entries, { id: entries.length, text }])

  const onVote = ({ detail }: ParleyVoteEvent) =>
    track(
      detail.choices.length
        ? `vote: ${detail.choices.join(', ')} in poll ${detail.poll.id}`
        : `vote withdrawn in poll ${detail.poll.id}`
    )
  const onComment = ({ detail }: ParleyCommentEvent) =>
    track(`comment by ${detail.comment.author.name}`)
  const onError = ({ detail }: ParleyErrorEvent) => track(`error: ${detail.code}`)

  return (
    <>
      <header>
        <p>
          <a href="#discussion">
            Discussion (<Count api={API} site={SITE} thread={THREAD} />)
          </a>
        </p>
        <h1>Parley in React</h1>
      </header>
      <main>
        <article>
          <p>
            The discussion below is Parley&apos;s <code>&lt;parley-discussion&gt;</code> element,
            wrapped for React with <code>@lit/react</code> (<code>src/parley.ts</code>). Its events
            arrive as the props <code>onVote</code>, <code>onComment</code> and <code>onError</code>
            .
          </p>
        </article>
        <section id="discussion" aria-label="Discussion">
          <Discussion
            api={API}
            site={SITE}
            thread={THREAD}
            poll={POLL}
            theme="auto"
            onVote={onVote}
            onComment={onComment}
            onError={onError}
          />
        </section>
        <aside aria-labelledby="log-title">
          <h2 id="log-title">Analytics log</h2>
          <div role="log" aria-label="Events received">
            <ol>
              {log.map((entry) => (
                <li key={entry.id}>{entry.text}</li>
              ))}
            </ol>
          </div>
          {log.length ? null : <p>No events yet: vote or comment above.</p>}
        </aside>
      </main>
    </>
  )
}
