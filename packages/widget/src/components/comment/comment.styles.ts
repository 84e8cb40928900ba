import { css } from '../../styles/css.ts'

export const commentStyles = css`
  article {
    padding-block: calc(var(--_space) * 0.75);
  }
  header,
  footer,
  [part~='reactions'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375em 0.75em;
    align-items: center;
  }
  h3 {
    margin: 0;
    font-size: 1em;
  }
  [part~='avatar'] {
    display: inline-grid;
    place-items: center;
    width: 2em;
    height: 2em;
    border-radius: 50%;
    font-size: 0.875em;
    font-weight: 600;
  }
  [part~='badge'],
  [part~='pinned'],
  [part~='pending'],
  [part~='stance'] {
    padding: 0 0.5em;
    border: 1px solid var(--_border);
    border-radius: 1em;
    font-size: 0.75em;
    font-weight: 600;
  }
  [part~='pending'] {
    border-style: dashed;
  }
  div[part~='tombstone'],
  [part~='expert-response'] {
    margin-block: calc(var(--_space) / 2);
    padding: 0.5em 0.75em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  [part~='tombstone'] p {
    margin: 0 0 0.5em;
  }
  [part~='expert-response'] {
    border-inline-start: 4px solid var(--parley-color-expert, var(--_theme-expert, #c77800));
    background: color-mix(
      in srgb,
      var(--parley-color-expert, var(--_theme-expert, #c77800)) 8%,
      transparent
    );
  }
  h4 {
    margin: 0 0 0.375em;
    font-size: 0.875em;
  }
  [part~='expert-photo'] {
    border-radius: 50%;
    object-fit: cover;
  }
  [part~='comment-body'] p,
  [part~='expert-body'] p {
    margin: 0.375em 0;
  }
  blockquote {
    margin: 0.375em 0;
    padding-inline-start: 0.75em;
    border-inline-start: 3px solid var(--_border);
  }
  code {
    font-family: ui-monospace, monospace;
    font-size: 0.9em;
  }
  a {
    color: var(--_accent);
  }
  [part~='reactions'] {
    gap: 0.375em;
  }
  [part~='reaction'] {
    padding: 0.125em 0.5em;
    border: 1px solid var(--_border);
    border-radius: 1em;
    color: inherit;
    font-size: 0.875em;
  }
  /* Not colour alone: the reader's own reaction has a heavier border and bold text. */
  [part~='reaction'][aria-pressed='true'] {
    padding: calc(0.125em - 1px) calc(0.5em - 1px);
    border: 2px solid var(--_accent);
    font-weight: 700;
  }
  parley-comment-form {
    margin-top: calc(var(--_space) / 2);
  }
  .nested {
    margin-inline-start: min(1.5em, 4vw);
    padding-inline-start: min(1em, 3vw);
    border-inline-start: 2px solid var(--_border);
  }
`
