import { css } from './css.ts'

/** Labels, text fields and button rows, shared by the comment form and a comment's inline forms. */
export const fields = css`
  label[for] {
    display: block;
    font-weight: 600;
  }
  input:not([type]),
  [type='email'],
  textarea {
    display: block;
    width: 100%;
    padding: 0.5em 0.625em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  textarea {
    resize: vertical;
  }
  input {
    accent-color: var(--_accent);
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
  }
`
