import { css } from '../../styles/css.ts'

export const countStyles = css`
  :host {
    display: inline;
  }
`
