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
`
