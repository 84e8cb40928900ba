import { css } from '../styles/css.ts'

/**
 * The styles of the views only some threads need (views.ts), added to the shadow root of the
 * element that shows one: the Featured section, labels, moderation notes, expert responses.
 */
export const viewStyles = css`
  [part~='featured'] h2 {
    margin: 0;
    font-size: 1.25em;
  }
  [part~='featured'] li + li {
    border-top: 1px solid var(--_border);
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
  [part~='expert-body'] p {
    margin: 0.375em 0;
  }
  [part~='reactions'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375em;
    align-items: center;
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
`
