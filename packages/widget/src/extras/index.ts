// What the widget loads on first use (see src/internal/lazy.ts): the forms a reader rarely opens,
// what the author of a removed comment sees, the nesting of "Show N more replies", and the views
// only some threads show, loaded before they do (views.ts).
export { form, removal, type FormHost, type FormPanel } from './forms.ts'
export { withReplies } from './replies.ts'
export {
  after,
  below,
  choiceHint,
  featured,
  filters,
  labels,
  pollNotes,
  reactions,
  retryIn,
  placeholder,
  signInNote,
  stanceBox,
} from './views.ts'
export { yourData, type YourDataHost } from './your-data.ts'
export { turnstile, type TurnstileHandle } from './turnstile.ts'
// English messages of the errors only this code meets: added to embed.js's English on load.
export { enFormErrors } from '../i18n/en-forms.ts'
export { sessionToken } from './sign-in.ts'
