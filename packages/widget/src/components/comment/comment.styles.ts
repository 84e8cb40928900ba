import { css } from '../../styles/css.ts'

export const commentStyles = css`
  article {
    padding-block: calc(var(--_space) * 0.75);
  }
  header,
  footer {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375em 0.75em;
    align-items: center;
  }
  h3 {
    margin: 0;
    font-size: 1em;
  }
  [part~='avatar'] {
    display: inline-grid;
    place-items: center;
    width: 2em;
    height: 2em;
    border-radius: 50%;
    font-size: 0.875em;
    font-weight: 600;
  }
  [part~='comment-body'] p {
    margin: 0.375em 0;
  }
  blockquote {
    margin: 0.375em 0;
    padding-inline-start: 0.75em;
    border-inline-start: 3px solid var(--_border);
  }
  code {
    font-family: ui-monospace, monospace;
    font-size: 0.9em;
  }
  a {
    color: var(--_accent);
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
