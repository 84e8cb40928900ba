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
`
