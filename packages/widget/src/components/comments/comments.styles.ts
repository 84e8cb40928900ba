import { css } from '../../styles/css.ts'

export const commentsStyles = css`
  :host {
    --_skeleton: 100vh;
  }
  h2 {
    margin: 0 0 calc(var(--_space) / 2);
    font-size: 1.25em;
  }
  [part~='controls'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1.5em;
    margin-block-end: calc(var(--_space) / 2);
  }
  label {
    margin-inline-end: 0.5em;
  }
  select {
    padding: 0.25em 0.5em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  ol > li + li {
    border-top: 1px solid var(--_border);
  }
  [part~='load-more'] {
    margin-top: var(--_space);
  }
`
