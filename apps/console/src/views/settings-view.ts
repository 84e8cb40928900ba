import type {
  AdminSite,
  EditSiteInput,
  RateLimit,
  RateLimitAction,
  RateLimitSettings,
  SsoSecretStatus,
  TurnstileSecretStatus,
} from '@parley/core'
import { html, type PropertyDeclarations } from 'lit'
import { ifDefined } from 'lit/directives/if-defined.js'
import { ConsoleView, formValues, lines } from '../elements/console-view.ts'
import { copyText } from './parts.ts'
import { secretForm, signInFields, signInOf, SSO_SECRET } from './settings-parts.ts'

type Secret = 'sso' | 'turnstile'
const SECRET_NAMES: Record<Secret, string> = {
  sso: 'sign-in secret',
  turnstile: 'Turnstile secret',
}

type Checkbox = [name: string, label: string, checked: (s: AdminSite) => boolean, hint?: string]

const HOLD_CHECKS: Checkbox[] = [
  [
    'shouting',
    'Shouting (mostly capital letters) is a signal',
    (s) => s.settings.moderation.holdRules.shouting,
  ],
  [
    'repeatedCharacters',
    'Repeated characters or words are a signal',
    (s) => s.settings.moderation.holdRules.repeatedCharacters,
  ],
  [
    'firstTimeReader',
    "Hold every reader's first comment",
    (s) => s.settings.moderation.holdRules.firstTimeReader,
  ],
]

const HOLD_NUMBERS: [
  name: string,
  label: string,
  min: number,
  max: number,
  step: number,
  value: (s: AdminSite) => number,
][] = [
  [
    'maxLinks',
    'Most links before it counts as a signal',
    0,
    50,
    1,
    (s) => s.settings.moderation.holdRules.maxLinks,
  ],
  [
    'minSecondsBetweenComments',
    'Seconds a reader must wait between comments (0: off)',
    0,
    3600,
    1,
    (s) => s.settings.moderation.holdRules.minSecondsBetweenComments,
  ],
  [
    'reportThreshold',
    'Reader reports that hide a comment until reviewed',
    1,
    1000,
    1,
    (s) => s.settings.moderation.holdRules.reportThreshold,
  ],
  [
    'holdScore',
    'Score that holds a comment for review',
    0.1,
    100,
    0.1,
    (s) => s.settings.moderation.holdRules.holdScore,
  ],
  [
    'rejectScore',
    'Score that rejects a comment as spam',
    0.1,
    100,
    0.1,
    (s) => s.settings.moderation.holdRules.rejectScore,
  ],
]

const words = (text: string) => text.split(/[\s,]+/).filter(Boolean)

/** The rate-limited actions, as the console names them (settings.rateLimits). */
const LIMITED: [action: RateLimitAction, label: string][] = [
  ['readers', 'New reader tokens'],
  ['comments', 'Comments'],
  ['edits', 'Edits'],
  ['deletes', 'Deletions'],
  ['reactions', 'Reactions'],
  ['reports', 'Reports'],
  ['votes', 'Votes'],
  ['notices', 'Notices (EU DSA)'],
  ['appeals', 'Appeals'],
]
const SUBJECTS = ['reader', 'network', 'site'] as const

/** settings.rateLimits from the form's rl.<action>.<subject>.<max|windowSeconds> fields. */
function rateLimitsOf(v: Record<string, string>, site: AdminSite): RateLimitSettings {
  const limits = structuredClone(site.settings.rateLimits)
  for (const [action] of LIMITED) {
    const current = limits[action] as Partial<Record<string, RateLimit>>
    for (const subject of SUBJECTS) {
      if (!current[subject]) continue
      const field = `rl.${action}.${subject}`
      current[subject] = {
        max: Number(v[`${field}.max`]),
        windowSeconds: Number(v[`${field}.windowSeconds`]),
      }
    }
  }
  return limits
}

/**
 * Site settings (admin): allowed origins, moderation mode, banned terms, hold rules, tombstones,
 * expert review, reactions, UI languages, stance badges, privacy, abuse protection and sign-in,
 * saved at once with PATCH; and the write-only secrets (publisher sign-in, Turnstile), each with
 * its own form, as the API never sends them back.
 */
export class SettingsView extends ConsoleView {
  static override properties: PropertyDeclarations = {
    ...ConsoleView.properties,
    _site: { state: true },
    _sso: { state: true },
    _turnstile: { state: true },
    _generated: { state: true },
    _deleting: { state: true },
  }

  declare private _site: AdminSite | null
  declare private _sso: SsoSecretStatus | null
  declare private _turnstile: TurnstileSecretStatus | null
  /** A sign-in secret the API just generated: shown once, in a dialog. */
  declare private _generated: string | null
  /** The secret whose deletion the dialog asks to confirm. */
  declare private _deleting: Secret | null

  constructor() {
    super()
    this._site = null
    this._sso = null
    this._turnstile = null
    this._generated = null
    this._deleting = null
  }

  protected override async load(): Promise<void> {
    const api = this.api!
    ;[this._site, this._sso, this._turnstile] = await Promise.all([
      api.get(),
      api.ssoSecret(),
      api.turnstileSecret(),
    ])
  }

  async #save(e: SubmitEvent): Promise<void> {
    e.preventDefault()
    const form = e.target as HTMLFormElement
    const v = formValues(form)
    const on = (name: string) => v[name] === 'on'
    const num = (name: string) => Number(v[name])
    const edit: EditSiteInput = {
      name: v.name ?? '',
      allowedOrigins: lines(v.allowedOrigins ?? ''),
      settings: {
        showStances: on('showStances'),
        uiLanguages: words(v.uiLanguages ?? ''),
        reactions: {
          set: words(v.reactionSet ?? ''),
          showCounts: on('showCounts'),
          inRanking: on('inRanking'),
        },
        moderation: {
          mode: v.mode === 'pre' ? 'pre' : 'post',
          bannedTerms: lines(v.bannedTerms ?? ''),
          holdRules: {
            shouting: on('shouting'),
            repeatedCharacters: on('repeatedCharacters'),
            firstTimeReader: on('firstTimeReader'),
            maxLinks: num('maxLinks'),
            minSecondsBetweenComments: num('minSecondsBetweenComments'),
            reportThreshold: num('reportThreshold'),
            holdScore: num('holdScore'),
            rejectScore: num('rejectScore'),
          },
          classifier: on('classifier'),
          tombstones: on('tombstones'),
          reviewExpertResponses: on('reviewExpertResponses'),
        },
        rateLimits: rateLimitsOf(v, this._site!),
        botChecks: { minSubmitSeconds: num('minSubmitSeconds') },
        privacy: {
          erasure: v.erasure === 'anonymise' ? 'anonymise' : 'delete',
          anonymousName: v.anonymousName ?? '',
          retentionDays: num('retentionDays'),
        },
        turnstile: {
          enabled: on('turnstileEnabled'),
          siteKey: v.turnstileSiteKey ?? '',
          votes: on('turnstileVotes'),
        },
        signIn: signInOf(v),
      },
    }
    await this.run(async () => {
      this._site = await this.api!.edit(edit)
    }, 'Settings saved. They apply at once.')
  }

  async #setSso(e: SubmitEvent): Promise<void> {
    e.preventDefault()
    const form = e.target as HTMLFormElement
    const { secret } = formValues(form)
    const replacing = this._sso?.configured
    const ok = await this.run(
      async () => {
        const status = await this.api!.putSsoSecret(secret ? { secret } : {})
        this._generated = status.secret ?? null
        this._sso = { configured: status.configured, updatedAt: status.updatedAt }
      },
      replacing
        ? 'Sign-in secret replaced: tokens signed with the old one are refused from now on.'
        : 'Sign-in secret set.'
    )
    if (!ok) return
    form.reset()
    if (this._generated) await this.showDialog('generated')
  }

  async #setTurnstile(e: SubmitEvent): Promise<void> {
    e.preventDefault()
    const form = e.target as HTMLFormElement
    const { secret = '' } = formValues(form)
    const replacing = this._turnstile?.configured
    const ok = await this.run(
      async () => {
        this._turnstile = await this.api!.putTurnstileSecret({ secret })
      },
      replacing ? 'Turnstile secret replaced.' : 'Turnstile secret set.'
    )
    if (ok) form.reset()
  }

  async #askDelete(secret: Secret): Promise<void> {
    this._deleting = secret
    await this.showDialog('delete-secret')
  }

  async #delete(e: SubmitEvent): Promise<void> {
    e.preventDefault()
    const secret = this._deleting
    if (!secret) return
    const ok = await this.run(async () => {
      if (secret === 'sso') this._sso = await this.api!.deleteSsoSecret()
      else this._turnstile = await this.api!.deleteTurnstileSecret()
    }, `The ${SECRET_NAMES[secret]} is deleted.`)
    if (ok) this.closeDialog('delete-secret')
  }

  async #copyGenerated(): Promise<void> {
    if (!this._generated) return
    this._status = (await copyText(this._generated))
      ? 'Secret copied to the clipboard.'
      : 'Copying is not allowed here: select the secret and copy it.'
  }

  /** The write-only secrets, each in a form of its own (outside the settings form). */
  #secrets() {
    return html`<h2>Secrets</h2>
      <p>
        Write-only: the API says whether each is set, never what it is. Replacing one takes effect
        at once.
      </p>
      ${secretForm({
        id: 'sso',
        legend: 'Publisher sign-in secret',
        about: html`Your server signs a short-lived token (HS256 JWT) for its logged-in user with
        this secret; the widget trades it for a reader session.`,
        state: this._sso,
        label: `New secret (at least ${SSO_SECRET.min} characters)`,
        hint: 'Empty: the API generates one and shows it once',
        required: false,
        minlength: SSO_SECRET.min,
        maxlength: SSO_SECRET.max,
        onSubmit: (e) => void this.#setSso(e),
        onDelete: () => void this.#askDelete('sso'),
      })}
      ${secretForm({
        id: 'turnstile',
        legend: 'Cloudflare Turnstile secret',
        about: html`The secret key of your Turnstile widget (Cloudflare dashboard), with which the
        API checks the readers' tokens. Turn Turnstile off before deleting it.`,
        state: this._turnstile,
        label: 'Secret key',
        hint: 'Letters, digits, “.”, “-” or “_”',
        required: true,
        maxlength: 200,
        onSubmit: (e) => void this.#setTurnstile(e),
        onDelete: () => void this.#askDelete('turnstile'),
      })}
      ${
        this._generated
          ? html`<dialog
              id="generated"
              aria-labelledby="generated-title"
              @close=${() => (this._generated = null)}
            >
              <h2 id="generated-title">Sign-in secret generated</h2>
              <p>Copy it into your server's configuration now: it will not be shown again.</p>
              <p class="secret" data-testid="generated-secret">${this._generated}</p>
              ${this.messages(true)}
              <form method="dialog" class="actions">
                <button type="button" @click=${this.#copyGenerated}>Copy secret</button>
                <button class="primary">Done</button>
              </form>
            </dialog>`
          : ''
      }
      ${
        this._deleting
          ? this.confirmDialog(
              {
                id: 'delete-secret',
                title: `Delete the ${SECRET_NAMES[this._deleting]}?`,
                submit: 'Delete secret',
                danger: true,
                onSubmit: (e) => void this.#delete(e),
                onClose: () => (this._deleting = null),
              },
              html`<p>
                ${
                  this._deleting === 'sso'
                    ? 'Readers can no longer sign in with your site; those signed in stay so until their session ends.'
                    : 'The API can no longer check Turnstile tokens.'
                }
              </p>`
            )
          : ''
      }`
  }

  /** Rate limits, bot checks and Turnstile (docs/decisions/0017-rate-limits-and-bot-checks.md). */
  #abuse(site: AdminSite) {
    const { rateLimits, botChecks, turnstile } = site.settings
    const limit = (action: RateLimitAction, subject: (typeof SUBJECTS)[number], label: string) => {
      const value = (rateLimits[action] as Partial<Record<string, RateLimit>>)[subject]
      if (!value) return html`<td>—</td>`
      const field = `rl.${action}.${subject}`
      return html`<td>
        <input
          name=${`${field}.max`}
          type="number"
          required
          min="1"
          max="1000000"
          step="1"
          aria-label=${`${label}: most per ${subject}`}
          .value=${String(value.max)}
        />
        per
        <input
          name=${`${field}.windowSeconds`}
          type="number"
          required
          min="1"
          max="86400"
          step="1"
          aria-label=${`${label}: window in seconds, per ${subject}`}
          .value=${String(value.windowSeconds)}
        />
        s
      </td>`
    }
    return html`<fieldset>
      <legend>Abuse protection</legend>
      <table>
        <caption>
          Rate limits: most requests per window, in seconds (over a limit: 429 with Retry-After)
        </caption>
        <thead>
          <tr>
            <th scope="col">Action</th>
            <th scope="col">Per reader</th>
            <th scope="col">Per network</th>
            <th scope="col">Per site</th>
          </tr>
        </thead>
        <tbody>
          ${LIMITED.map(
            ([action, label]) =>
              html`<tr>
                <th scope="row">${label}</th>
                ${SUBJECTS.map((s) => limit(action, s, label))}
              </tr>`
          )}
        </tbody>
      </table>
      <div class="field">
        <label for="set-minSubmitSeconds"
          >Seconds a comment form must be open before sending (0: off)</label
        >
        <span class="hint" id="set-minSubmitSeconds-hint"
          >Sooner, or with the hidden honeypot filled, a comment is kept as spam for review</span
        >
        <input
          id="set-minSubmitSeconds"
          name="minSubmitSeconds"
          type="number"
          required
          min="0"
          max="60"
          step="0.5"
          aria-describedby="set-minSubmitSeconds-hint"
          .value=${String(botChecks.minSubmitSeconds)}
        />
      </div>
      ${this.#check('turnstileEnabled', 'Require Cloudflare Turnstile to post', turnstile.enabled, this._turnstile?.configured ? undefined : 'Set the Turnstile secret (Secrets, below) first')}
      <div class="field">
        <label for="set-turnstileSiteKey">Turnstile site key</label>
        <input
          id="set-turnstileSiteKey"
          name="turnstileSiteKey"
          type="text"
          .value=${turnstile.siteKey}
        />
      </div>
      ${this.#check('turnstileVotes', 'Also require Turnstile to vote', turnstile.votes)}
    </fieldset>`
  }

  #check(name: string, label: string, checked: boolean, hint?: string) {
    return html`<div class="check">
        <input
          type="checkbox"
          id=${`set-${name}`}
          name=${name}
          value="on"
          .checked=${checked}
          aria-describedby=${ifDefined(hint && `set-${name}-hint`)}
        />
        <label for=${`set-${name}`}>${label}</label>
      </div>
      ${hint ? html`<span class="hint" id=${`set-${name}-hint`}>${hint}</span>` : ''}`
  }

  override render() {
    const site = this._site
    return html`<h1 tabindex="-1">Site settings</h1>
      ${this.messages()}
      ${
        site
          ? html`<form @submit=${this.#save}>
                <fieldset>
                  <legend>Site</legend>
                  <div class="field">
                    <label for="set-name">Name</label>
                    <input
                      id="set-name"
                      name="name"
                      type="text"
                      required
                      maxlength="100"
                      .value=${site.name}
                    />
                  </div>
                  <div class="field">
                    <label for="set-origins">Allowed origins, one per line</label>
                    <span class="hint" id="set-origins-hint"
                      >Pages on these origins may use the widget, e.g. https://news.example</span
                    >
                    <textarea
                      id="set-origins"
                      name="allowedOrigins"
                      rows="3"
                      aria-describedby="set-origins-hint"
                      .value=${site.allowedOrigins.join('\n')}
                    ></textarea>
                  </div>
                </fieldset>
                <fieldset>
                  <legend>Moderation mode</legend>
                  <div class="check">
                    <input
                      type="radio"
                      id="mode-post"
                      name="mode"
                      value="post"
                      .checked=${site.settings.moderation.mode === 'post'}
                    />
                    <label for="mode-post"
                      >Post-moderation: publish, then review what is held or reported</label
                    >
                  </div>
                  <div class="check">
                    <input
                      type="radio"
                      id="mode-pre"
                      name="mode"
                      value="pre"
                      .checked=${site.settings.moderation.mode === 'pre'}
                    />
                    <label for="mode-pre">Pre-moderation: hold every comment for review</label>
                  </div>
                </fieldset>
                <fieldset>
                  <legend>Banned terms</legend>
                  <div class="field">
                    <label for="set-banned">Words or phrases, one per line, in any language</label>
                    <span class="hint" id="set-banned-hint"
                      >Matched on whole words, also when disguised (l33t, s p a c e d, repeated
                      letters). A match holds the comment for review.</span
                    >
                    <textarea
                      id="set-banned"
                      name="bannedTerms"
                      rows="5"
                      aria-describedby="set-banned-hint"
                      .value=${site.settings.moderation.bannedTerms.join('\n')}
                    ></textarea>
                  </div>
                </fieldset>
                <fieldset>
                  <legend>Automatic hold rules</legend>
                  ${HOLD_CHECKS.map(([name, label, checked]) => this.#check(name, label, checked(site)))}
                  <div class="inline">
                    ${HOLD_NUMBERS.map(
                      ([name, label, min, max, step, value]) =>
                        html`<div class="field">
                          <label for=${`set-${name}`}>${label}</label>
                          <input
                            id=${`set-${name}`}
                            name=${name}
                            type="number"
                            required
                            min=${min}
                            max=${max}
                            step=${step}
                            .value=${String(value(site))}
                          />
                        </div>`
                    )}
                  </div>
                  ${this.#check(
                    'classifier',
                    'Also ask the classifier',
                    site.settings.moderation.classifier,
                    'Workers AI, when the Worker has an AI binding'
                  )}
                </fieldset>
                <fieldset>
                  <legend>Removals and experts</legend>
                  ${this.#check(
                    'tombstones',
                    'A removed comment leaves a “removed by a moderator” notice with the reason',
                    site.settings.moderation.tombstones
                  )}
                  ${this.#check(
                    'reviewExpertResponses',
                    'Answers written through an invitation link wait for a moderator',
                    site.settings.moderation.reviewExpertResponses
                  )}
                </fieldset>
                <fieldset>
                  <legend>Reactions and display</legend>
                  <div class="field">
                    <label for="set-reactions">Reactions, separated by spaces (none: off)</label>
                    <input
                      id="set-reactions"
                      name="reactionSet"
                      type="text"
                      .value=${site.settings.reactions.set.join(' ')}
                    />
                  </div>
                  ${this.#check('showCounts', 'Show how many gave each reaction', site.settings.reactions.showCounts)}
                  ${this.#check('inRanking', 'Reactions count towards the “top” sort', site.settings.reactions.inRanking)}
                  ${this.#check('showStances', 'Show “Voted: …” stance badges on comments', site.settings.showStances)}
                  <div class="field">
                    <label for="set-languages">Widget languages, separated by spaces</label>
                    <span class="hint" id="set-languages-hint"
                      >BCP 47 tags in order of preference, e.g. “en fr nl de”; empty: every
                      language</span
                    >
                    <input
                      id="set-languages"
                      name="uiLanguages"
                      type="text"
                      aria-describedby="set-languages-hint"
                      .value=${site.settings.uiLanguages.join(' ')}
                    />
                  </div>
                </fieldset>
                <fieldset>
                  <legend>Privacy</legend>
                  <div class="field">
                    <label for="set-erasure"
                      >When a reader erases their data, their comments are</label
                    >
                    <select id="set-erasure" name="erasure">
                      <option
                        value="delete"
                        ?selected=${site.settings.privacy.erasure === 'delete'}
                      >
                        deleted (“deleted” placeholders where others replied)
                      </option>
                      <option
                        value="anonymise"
                        ?selected=${site.settings.privacy.erasure === 'anonymise'}
                      >
                        kept without their name
                      </option>
                    </select>
                  </div>
                  <div class="field">
                    <label for="set-anonymous-name">Name shown on anonymised comments</label>
                    <input
                      id="set-anonymous-name"
                      name="anonymousName"
                      type="text"
                      required
                      maxlength="50"
                      .value=${site.settings.privacy.anonymousName}
                    />
                  </div>
                  <div class="field">
                    <label for="set-retention"
                      >Keep network hashes, report notes and notifiers’ emails (days)</label
                    >
                    <input
                      id="set-retention"
                      name="retentionDays"
                      type="number"
                      required
                      min="1"
                      max="3650"
                      step="1"
                      .value=${String(site.settings.privacy.retentionDays)}
                    />
                  </div>
                </fieldset>
                ${this.#abuse(site)}
                ${signInFields(site.settings.signIn, this._sso?.configured ?? false)}
                <button class="primary">Save settings</button>
              </form>
              ${this.#secrets()}`
          : ''
      }`
  }
}
