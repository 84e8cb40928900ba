import { css } from '../../styles/css.ts'

export const discussionStyles = css`
  [part~='base'] > * + * {
    margin-top: calc(var(--_space) * 1.5);
  }
`
