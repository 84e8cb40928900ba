import { css } from '../../styles/css.ts'

export const commentFormStyles = css`
  form {
    margin-block-end: var(--_space);
  }
  form > :not(:empty) {
    margin-block-end: calc(var(--_space) / 2);
  }
  input {
    max-width: 20em;
  }
  textarea {
    min-height: 6em;
  }
  .muted {
    display: block;
    margin-top: 0.25em;
  }
  [role='alert'] button {
    margin-inline-start: 0.5em;
  }
  [role='status'] {
    margin: 0;
  }
  /* The honeypot: off-screen rather than display:none, which form-filling bots skip. */
  .hp {
    position: absolute;
    inset-inline-start: -9999px;
    width: 1px;
    height: 1px;
    overflow: hidden;
  }
`
