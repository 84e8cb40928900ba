// Registers the console's elements. Imported by the page entry (main.ts) and by the tests.
import { ParleyConsole } from './elements/console-app.ts'
import { SignIn } from './elements/sign-in.ts'
import { AppealsView } from './views/appeals-view.ts'
import { AuditView } from './views/audit-view.ts'
import { BansView } from './views/bans-view.ts'
import { ExpertsView } from './views/experts-view.ts'
import { KeysView } from './views/keys-view.ts'
import { NoticesView } from './views/notices-view.ts'
import { PollsView } from './views/polls-view.ts'
import { PrivacyView } from './views/privacy-view.ts'
import { QuestionsView } from './views/questions-view.ts'
import { QueueView } from './views/queue-view.ts'
import { SettingsView } from './views/settings-view.ts'
import { ThreadsView } from './views/threads-view.ts'

const elements: Record<string, CustomElementConstructor> = {
  'parley-console': ParleyConsole,
  'parley-sign-in': SignIn,
  'parley-queue-view': QueueView,
  'parley-bans-view': BansView,
  'parley-notices-view': NoticesView,
  'parley-appeals-view': AppealsView,
  'parley-questions-view': QuestionsView,
  'parley-experts-view': ExpertsView,
  'parley-threads-view': ThreadsView,
  'parley-polls-view': PollsView,
  'parley-settings-view': SettingsView,
  'parley-keys-view': KeysView,
  'parley-privacy-view': PrivacyView,
  'parley-audit-view': AuditView,
}

for (const [name, element] of Object.entries(elements)) {
  if (!customElements.get(name)) customElements.define(name, element)
}
