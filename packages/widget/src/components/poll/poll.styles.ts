import { css } from '../../styles/css.ts'

export const pollStyles = css`
  :host {
    --_skeleton: 14rem;
  }
  fieldset,
  section {
    margin: 0 0 var(--_space);
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  legend,
  h2 {
    font-weight: 600;
    padding-inline: 0.25em;
  }
  h2 {
    margin: 0 0 0.5em;
    padding: 0;
    font-size: 1em;
  }
  [part~='note'] {
    margin: 0 0 0.5em;
  }
  [part~='poll-option'] {
    display: flex;
    gap: 0.5em;
    align-items: baseline;
    padding-block: 0.25em;
  }
  label:has(:disabled) {
    opacity: 0.65;
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
