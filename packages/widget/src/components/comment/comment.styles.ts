import { css } from 'lit'

export const commentStyles = css`
  article {
    padding-block: calc(var(--_space) * 0.75);
  }
  header {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.75em;
    align-items: baseline;
  }
  h3 {
    margin: 0;
    font-size: 1em;
  }
  [part~='comment-body'] p {
    margin: 0.375em 0;
    white-space: pre-line;
  }
  footer {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75em;
    align-items: center;
  }
  ul,
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  ul {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375em;
  }
  ul span {
    padding: 0.125em 0.5em;
    border: 1px solid var(--_border);
    border-radius: 1em;
    font-size: 0.875em;
  }
  parley-comment-form {
    margin-top: calc(var(--_space) / 2);
  }
  .nested {
    margin-inline-start: min(1.5em, 4vw);
    padding-inline-start: min(1em, 3vw);
    border-inline-start: 2px solid var(--_border);
  }
`
