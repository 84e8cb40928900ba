// What the widget loads on first use (see src/internal/lazy.ts): the forms a reader rarely opens,
// what the author of a removed comment sees, and the nesting of "Show N more replies".
export { form, removal, type FormHost, type FormPanel } from './forms.ts'
export { withReplies } from './replies.ts'
export { yourData, type YourDataHost } from './your-data.ts'
export { turnstile, type TurnstileHandle } from './turnstile.ts'
