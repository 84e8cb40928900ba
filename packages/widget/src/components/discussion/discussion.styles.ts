import { css } from 'lit'

export const discussionStyles = css`
  [part~='base'] > * + * {
    margin-top: calc(var(--_space) * 1.5);
  }
`
