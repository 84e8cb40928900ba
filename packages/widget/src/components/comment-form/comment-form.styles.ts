import { css } from 'lit'

export const commentFormStyles = css`
  form {
    margin-block-end: var(--_space);
  }
  form > :not(:empty) {
    margin-block-end: calc(var(--_space) / 2);
  }
  label {
    display: block;
    font-weight: 600;
  }
  input,
  textarea {
    display: block;
    width: 100%;
    padding: 0.5em 0.625em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  input {
    max-width: 20em;
  }
  textarea {
    min-height: 6em;
    resize: vertical;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .muted {
    display: block;
    margin-top: 0.25em;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
  }
  [role='alert'] button {
    margin-inline-start: 0.5em;
  }
  [role='status'] {
    margin: 0;
  }
`
