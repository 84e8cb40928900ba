import { css } from 'lit'

export const commentsStyles = css`
  h2 {
    margin: 0 0 calc(var(--_space) / 2);
    font-size: 1.25em;
  }
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  ol > li + li {
    border-top: 1px solid var(--_border);
  }
  [part~='load-more'] {
    margin-top: var(--_space);
  }
  .skeleton div {
    height: 4.5em;
    margin-block: var(--_space);
    border-radius: var(--_radius);
    background: color-mix(in srgb, currentColor 10%, transparent);
    animation: pulse 1.5s ease-in-out infinite;
  }
  @keyframes pulse {
    50% {
      opacity: 0.4;
    }
  }
`
