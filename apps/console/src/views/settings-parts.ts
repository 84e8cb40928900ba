// Parts of the settings view: publisher sign-in (settings.signIn) and the write-only secrets.
import type { SignInSettings } from '@parley/core'
import { html } from 'lit'
import { when } from '../elements/console-view.ts'

/** The actions a site may reserve for readers it signed in, as the console names them. */
export const SIGN_IN_ACTIONS: [action: 'comment' | 'vote' | 'react', label: string][] = [
  ['comment', 'Commenting and replying'],
  ['vote', 'Voting in polls'],
  ['react', 'Reacting to comments'],
]

/** settings.signIn from the form's signIn.<action> and loginUrl fields. */
export function signInOf(v: Record<string, string>): SignInSettings {
  const rule = (action: string) => (v[`signIn.${action}`] === 'required' ? 'required' : 'optional')
  return {
    comment: rule('comment'),
    vote: rule('vote'),
    react: rule('react'),
    loginUrl: v.loginUrl || null,
  }
}

/** The "Sign-in" fieldset of the settings form. */
export function signInFields(signIn: SignInSettings, ssoConfigured: boolean) {
  return html`<fieldset>
    <legend>Sign-in</legend>
    <p class="hint" id="set-signIn-hint">
      Readers your site signed in (publisher sign-in) act under their account on every device.
      ${
        ssoConfigured
          ? 'Required: only they may do it; others see a link to your login page.'
          : 'Set the sign-in secret (below) first: until then nobody can sign in, so “required” shuts everyone out.'
      }
    </p>
    <div class="inline">
      ${SIGN_IN_ACTIONS.map(
        ([action, label]) =>
          html`<div class="field">
            <label for=${`set-signIn-${action}`}>${label}</label>
            <select
              id=${`set-signIn-${action}`}
              name=${`signIn.${action}`}
              aria-describedby="set-signIn-hint"
            >
              <option value="optional" ?selected=${signIn[action] === 'optional'}>
                open to every reader
              </option>
              <option value="required" ?selected=${signIn[action] === 'required'}>
                signed-in readers only
              </option>
            </select>
          </div>`
      )}
    </div>
    <div class="field">
      <label for="set-loginUrl">Your login page</label>
      <span class="hint" id="set-loginUrl-hint"
        >Linked by the widget when an action needs sign-in, e.g. https://news.example/login; empty:
        no link</span
      >
      <input
        id="set-loginUrl"
        name="loginUrl"
        type="url"
        maxlength="2000"
        aria-describedby="set-loginUrl-hint"
        .value=${signIn.loginUrl ?? ''}
      />
    </div>
  </fieldset>`
}

/** Whether a secret is set, as GET …/secret answers (never the secret). */
export interface SecretState {
  configured: boolean
  updatedAt: string | null
}

export interface SecretForm {
  /** Prefix of the field ids. */
  id: string
  legend: string
  /** What the secret is for, shown above the field. */
  about: unknown
  state: SecretState | null
  label: string
  hint: string
  /** Without it, an empty field has the API generate the secret. */
  required: boolean
  minlength?: number
  maxlength: number
  onSubmit: (e: SubmitEvent) => void
  onDelete: () => void
}

/** A form that sets, replaces or deletes one write-only secret. */
export function secretForm(f: SecretForm) {
  const set = f.state?.configured ?? false
  return html`<form @submit=${f.onSubmit}>
    <fieldset>
      <legend>${f.legend}</legend>
      <p>${f.about}</p>
      <p id=${`${f.id}-state`}>
        ${set ? html`<strong>Set</strong> ${when(f.state?.updatedAt)}.` : html`<strong>Not set.</strong>`}
      </p>
      <div class="field">
        <label for=${`${f.id}-secret`}>${f.label}</label>
        <span class="hint" id=${`${f.id}-secret-hint`}>${f.hint}</span>
        <input
          id=${`${f.id}-secret`}
          name="secret"
          type="password"
          autocomplete="off"
          spellcheck="false"
          ?required=${f.required}
          minlength=${f.minlength ?? 1}
          maxlength=${f.maxlength}
          aria-describedby=${`${f.id}-secret-hint ${f.id}-state`}
        />
      </div>
      <div class="inline">
        <button class="primary">${set ? 'Replace secret' : 'Set secret'}</button>
        ${
          set
            ? html`<button type="button" class="danger" @click=${f.onDelete}>Delete secret</button>`
            : ''
        }
      </div>
    </fieldset>
  </form>`
}

/**
 * SSO_SECRET_MIN and SSO_SECRET_MAX of @parley/core (sso.ts, a module that would bring zod into
 * the console): the browser checks the length, the API checks everything.
 */
export const SSO_SECRET = { min: 32, max: 256 }
