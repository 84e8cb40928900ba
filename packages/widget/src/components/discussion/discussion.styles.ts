import { css } from '../../styles/css.ts'

export const discussionStyles = css`
  :host {
    --_skeleton: 100vh;
  }
  :host(:not([thread])) {
    --_skeleton: 14rem;
  }
  [part~='base'] > * + * {
    margin-top: calc(var(--_space) * 1.5);
  }
  h2 {
    margin: 0;
    font-size: 1.25em;
  }
  li + li {
    border-top: 1px solid var(--_border);
  }
`
