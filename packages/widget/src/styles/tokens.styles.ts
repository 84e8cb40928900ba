import { css } from './css.ts'

/**
 * Shared by every Parley element. Public knobs are the `--parley-*` custom properties; each host
 * resolves them into private `--_*` variables with a default, so a value set on the page (or on an
 * outer Parley element) is inherited by nested ones instead of being reset at every shadow root.
 *
 * Without `theme`, text colour, font and background stay the page's, with fixed accents. With
 * one, the defaults become `light-dark()` pairs (`--_theme-*`) picked by the colour scheme the
 * theme sets (`--_scheme`), so one palette serves light, dark and auto. Nested elements never set
 * those two, so they inherit them from the themed element, through every shadow root.
 */
export const tokens = css`
  :host {
    --_accent: var(--parley-color-accent, var(--_theme-accent, #0b57d0));
    --_on-accent: var(--parley-color-on-accent, var(--_theme-on-accent, #fff));
    --_muted: var(--parley-color-muted, color-mix(in srgb, currentColor 72%, transparent));
    --_surface: var(--parley-color-surface, transparent);
    --_border: var(--parley-color-border, color-mix(in srgb, currentColor 55%, transparent));
    --_danger: var(--parley-color-danger, var(--_theme-danger, #b3261e));
    --_radius: var(--parley-radius, 6px);
    --_space: var(--parley-space, 1rem);
    display: block;
    max-width: 100%;
    color: var(--parley-color-text);
    font-family: var(--parley-font-family);
    line-height: 1.5;
    color-scheme: var(--_scheme, var(--parley-color-scheme, light dark));
    overflow-wrap: anywhere;
  }
  /* A theme paints its own text and background; the page can still override each of these. */
  :host([theme]) {
    --_theme-accent: light-dark(#0b57d0, #a8c7fa);
    --_theme-on-accent: light-dark(#fff, #062e6f);
    --_theme-danger: light-dark(#b3261e, #f2b8b5);
    --_theme-expert: light-dark(#c77800, #f6b552);
    --_scheme: light;
    color: var(--parley-color-text, light-dark(#1f1f1f, #e3e3e3));
    background: var(--parley-color-background, light-dark(#fff, #1f1f1f));
    padding: var(--_space);
    border-radius: var(--_radius);
  }
  :host([theme='dark']) {
    --_scheme: dark;
  }
  :host([theme='auto']) {
    --_scheme: light dark;
  }
  :host([hidden]) {
    display: none;
  }
  :host([aria-busy]) {
    min-height: var(--parley-skeleton-height, var(--_skeleton, 0));
    background-image: linear-gradient(#8882 0 0);
    border-radius: var(--_radius);
    animation: pulse 1.5s ease-in-out infinite;
  }
  :host([aria-busy]) > * {
    display: none;
  }
  @keyframes pulse {
    50% {
      opacity: 0.5;
    }
  }
  *,
  ::before,
  ::after {
    box-sizing: border-box;
  }
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }
  button {
    cursor: pointer;
    padding: 0.4em 0.9em;
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    background: none;
    color: var(--_accent);
  }
  .primary {
    background: var(--_accent);
    color: var(--_on-accent);
  }
  .link {
    padding: 0;
    border: 0;
    text-decoration: underline;
  }
  [aria-disabled='true'] {
    opacity: 0.65;
    cursor: progress;
  }
  :focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .muted,
  time {
    color: var(--_muted);
    font-size: 0.875em;
  }
  [role='alert'] {
    color: var(--_danger);
  }
  [role='alert']:not(:empty) {
    margin-block: calc(var(--_space) / 2);
  }
  ol,
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .sr {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @media (prefers-reduced-motion: reduce) {
    :host,
    *,
    ::before,
    ::after {
      animation: none !important;
      transition: none !important;
    }
  }
`
