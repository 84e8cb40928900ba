import { css } from '../styles/css.ts'

/** The forms' own styles, added to the shadow root of the comment that shows one (forms.ts). */
export const formStyles = css`
  .panel {
    margin-block: calc(var(--_space) / 2);
  }
  .panel p,
  fieldset,
  dl {
    margin: 0 0 0.5em;
  }
  fieldset {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  fieldset label {
    display: block;
  }
  textarea,
  input:not([type]),
  [type='email'] {
    margin-block-end: 0.5em;
  }
  .error {
    display: block;
    margin-block-end: 0.5em;
    color: var(--_danger);
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
    white-space: pre-line;
  }
`
