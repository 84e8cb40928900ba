import { css } from './shared.ts'

/** Layout pieces every console view shares: headings, lists of items, tables, dialogs, forms. */
export const consoleStyles = css`
  h1 {
    font-size: 1.5rem;
    margin: 0 0 var(--_space);
  }
  h2 {
    font-size: 1.15rem;
    margin: calc(var(--_space) * 1.5) 0 calc(var(--_space) / 2);
  }
  h3 {
    font-size: 1rem;
    margin: 0 0 0.25em;
  }
  /* Headings take the focus after navigation (tabindex=-1) but are not controls: no ring. */
  [tabindex='-1']:focus,
  [tabindex='-1']:focus-visible {
    outline: none;
  }
  article > h2:first-child {
    margin-top: 0;
  }
  p {
    margin: 0 0 0.5em;
  }
  fieldset {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    margin: 0 0 var(--_space);
    padding: calc(var(--_space) / 2) var(--_space) var(--_space);
  }
  legend {
    font-weight: 600;
    padding: 0 0.25em;
  }
  .field {
    margin-block: 0 0.75em;
  }
  .field > label:not([for]) {
    display: block;
    font-weight: 600;
  }
  .hint {
    display: block;
    color: var(--_muted);
    font-size: 0.875em;
  }
  .check {
    display: flex;
    gap: 0.5em;
    align-items: baseline;
    margin-block: 0 0.5em;
  }
  .check label {
    font-weight: normal;
  }
  select,
  input[type='number'],
  input[type='search'],
  input[type='text'],
  input[type='password'],
  input[type='url'],
  input[type='datetime-local'] {
    padding: 0.4em 0.5em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    max-width: 100%;
  }
  input[type='text'],
  input[type='password'],
  input[type='url'],
  input[type='search'] {
    width: 100%;
  }
  .inline {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75em;
    align-items: end;
    margin-block: 0 var(--_space);
  }
  .inline .field {
    margin: 0;
  }
  .danger {
    border-color: var(--_danger);
    color: var(--_danger);
  }
  .items > li {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 0.75);
    margin-block: 0 calc(var(--_space) / 2);
  }
  /* Times in muted text are muted once, not twice. */
  .meta time,
  .hint time {
    color: inherit;
    font-size: inherit;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1em;
    color: var(--_muted);
    font-size: 0.875em;
    margin: 0 0 0.5em;
  }
  .text {
    white-space: pre-wrap;
    margin: 0 0 0.5em;
  }
  .badge {
    display: inline-block;
    border: 1px solid currentColor;
    border-radius: 999px;
    padding: 0 0.5em;
    font-size: 0.8125em;
  }
  .reasons {
    margin: 0 0 0.5em;
    padding-inline-start: 1.25em;
    list-style: disc;
    font-size: 0.875em;
  }
  table {
    border-collapse: collapse;
    width: 100%;
    margin-block: 0 var(--_space);
  }
  th,
  td {
    text-align: start;
    vertical-align: top;
    padding: 0.4em 0.5em;
    border-bottom: 1px solid var(--_border);
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding-block: 0.25em;
  }
  .tabs {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em;
    margin: 0 0 var(--_space);
  }
  .tabs button[aria-pressed='true'] {
    background: var(--_accent);
    color: var(--_on-accent);
  }
  dialog {
    max-width: min(40rem, calc(100vw - 2rem));
    width: 100%;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    color: inherit;
    background: Canvas;
  }
  /* No dimming: the page behind a modal dialog is inert, and it keeps its contrast. */
  dialog {
    box-shadow: 0 0.5rem 2rem rgb(0 0 0 / 0.35);
  }
  dialog::backdrop {
    background: transparent;
  }
  .secret {
    font-family: ui-monospace, monospace;
    word-break: break-all;
    padding: 0.5em;
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
  }
  .empty {
    color: var(--_muted);
    font-style: italic;
  }
  code {
    font-family: ui-monospace, monospace;
    font-size: 0.9em;
  }
`
