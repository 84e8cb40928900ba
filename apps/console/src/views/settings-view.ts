import type { AdminSite, EditSiteInput } from '@parley/core'
import { html, type PropertyDeclarations } from 'lit'
import { ifDefined } from 'lit/directives/if-defined.js'
import { ConsoleView, formValues, lines } from '../elements/console-view.ts'

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

/**
 * Site settings (admin): allowed origins, moderation mode, banned terms, hold rules, tombstones,
 * expert review, reactions, UI languages and stance badges. Saved at once with PATCH.
 */
export class SettingsView extends ConsoleView {
  static override properties: PropertyDeclarations = {
    ...ConsoleView.properties,
    _site: { state: true },
  }

  declare private _site: AdminSite | null

  constructor() {
    super()
    this._site = null
  }

  protected override async load(): Promise<void> {
    this._site = await this.api!.get()
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
      },
    }
    await this.run(async () => {
      this._site = await this.api!.edit(edit)
    }, 'Settings saved. They apply at once.')
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
              <button class="primary">Save settings</button>
            </form>`
          : ''
      }`
  }
}
