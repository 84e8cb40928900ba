import { css } from 'lit'

export const pollStyles = css`
  fieldset {
    margin: 0 0 var(--_space);
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  legend,
  .question {
    font-weight: 600;
    padding-inline: 0.25em;
  }
  .question {
    margin: 0 0 0.5em;
    padding: 0;
  }
  [part~='poll-option'] {
    display: flex;
    gap: 0.5em;
    align-items: baseline;
    padding-block: 0.25em;
  }
  input {
    accent-color: var(--_accent);
  }
  section {
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  li[part~='poll-option'] {
    display: block;
    padding-block: 0.375em;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.5em;
  }
  .row b {
    margin-inline-start: auto;
  }
  strong {
    color: var(--_accent);
  }
  [part~='poll-bar'] {
    display: block;
    height: 0.5em;
    margin-block: 0.25em;
    border-radius: var(--_radius);
    background: color-mix(in srgb, currentColor 12%, transparent);
    overflow: hidden;
  }
  [part~='poll-bar'] span {
    display: block;
    height: 100%;
    width: var(--p);
    background: var(--_accent);
    transition: width 0.4s ease-out;
  }
  [part~='total'] {
    margin: 0.5em 0;
  }
`
