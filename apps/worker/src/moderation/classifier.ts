// The pluggable classifier (docs/decisions/0008-moderation-pipeline.md).
//
// Off unless the Worker has a Workers AI binding named AI (wrangler.jsonc: "ai": {"binding": "AI"})
// and the site turns settings.moderation.classifier on. It never runs in local dev or the tests,
// and it can never fail a comment: a timeout, an error or an answer it cannot read is null, and
// the pipeline scores the comment without it. Google's Perspective API is not used (it shuts down
// after 2026).
import type { ModerationSettings } from '@parley/core'

export interface ClassifierVerdict {
  /** The model considers the text unsafe in a category that matters for comments. */
  flagged: boolean
  /** The categories the model named, readable ("hate", "violent crimes"). */
  categories: string[]
  /** 0…1: how sure the verdict is (1 for models that answer only safe/unsafe). */
  score: number
}

export interface Classifier {
  /** null when the classifier could not give a verdict (timeout, error, unreadable answer). */
  classify(text: string): Promise<ClassifierVerdict | null>
}

/** The Workers AI binding, typed only as far as we use it (no worker-configuration.d.ts change). */
export interface WorkersAiBinding {
  run(model: string, input: unknown): Promise<unknown>
}

/**
 * What classifierFor needs from the Worker's env: the optional AI binding. `object &` lets the
 * Worker's Env (which does not declare AI) pass as it is.
 */
export type ClassifierEnv = object & { AI?: WorkersAiBinding }

/** Meta's Llama Guard 3 (8B) on Workers AI: a safety classifier, text in, safe/unsafe out. */
export const LLAMA_GUARD_MODEL = '@cf/meta/llama-guard-3-8b'
/** A comment waits for the classifier at most this long before it is scored without it. */
export const CLASSIFIER_TIMEOUT_MS = 1500

// Llama Guard 3's hazard taxonomy (MLCommons). The ones a comment section holds for are flagged;
// the others (e.g. "specialized advice", "elections") are reported in categories but do not flag,
// since a debate about trafficking or migration discusses crimes without committing them.
const LLAMA_GUARD_CATEGORIES: Record<string, { name: string; flags: boolean }> = {
  S1: { name: 'violent crimes', flags: true },
  S2: { name: 'non-violent crimes', flags: false },
  S3: { name: 'sex-related crimes', flags: true },
  S4: { name: 'child sexual exploitation', flags: true },
  S5: { name: 'defamation', flags: false },
  S6: { name: 'specialized advice', flags: false },
  S7: { name: 'privacy', flags: true },
  S8: { name: 'intellectual property', flags: false },
  S9: { name: 'indiscriminate weapons', flags: true },
  S10: { name: 'hate', flags: true },
  S11: { name: 'suicide and self-harm', flags: true },
  S12: { name: 'sexual content', flags: true },
  S13: { name: 'elections', flags: false },
  S14: { name: 'code interpreter abuse', flags: false },
}

/**
 * Reads Llama Guard's answer. Workers AI returns `{ response }`, where response is either the
 * model's text ("safe", or "unsafe" and a line of category codes: "unsafe\nS10" or "S1,S10") or,
 * with response_format json_object, `{ safe: boolean, categories: string[] }`. Anything else is
 * unreadable: null.
 */
export function parseLlamaGuard(output: unknown): ClassifierVerdict | null {
  if (typeof output !== 'object' || output === null || !('response' in output)) return null
  const response = (output as { response: unknown }).response
  let safe: boolean
  let codes: string[]
  if (typeof response === 'string') {
    const text = response.trim().toLowerCase()
    if (text.startsWith('safe')) {
      safe = true
      codes = []
    } else if (text.startsWith('unsafe')) {
      safe = false
      codes =
        text
          .slice('unsafe'.length)
          .toUpperCase()
          .match(/S\d{1,2}/g) ?? []
    } else return null
  } else if (typeof response === 'object' && response !== null && 'safe' in response) {
    const json = response as { safe: unknown; categories?: unknown }
    if (typeof json.safe !== 'boolean') return null
    safe = json.safe
    codes = Array.isArray(json.categories)
      ? json.categories.filter((c): c is string => typeof c === 'string')
      : []
  } else return null
  if (safe) return { flagged: false, categories: [], score: 0 }
  const known = codes.map((code) => LLAMA_GUARD_CATEGORIES[code.trim().toUpperCase()])
  const categories = codes.map((code, i) => known[i]?.name ?? code.trim())
  // An "unsafe" without a category we know still flags: the model saw something.
  const flagged = codes.length === 0 || known.some((k) => k?.flags ?? true)
  return { flagged, categories, score: flagged ? 1 : 0 }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms)
  })
  return Promise.race([promise, timeout]).finally(() => {
    if (timer !== undefined) clearTimeout(timer)
  })
}

/** A classifier that asks Llama Guard on Workers AI about one comment. */
export function workersAiClassifier(
  ai: WorkersAiBinding,
  options: { model?: string; timeoutMs?: number } = {}
): Classifier {
  const model = options.model ?? LLAMA_GUARD_MODEL
  const timeoutMs = options.timeoutMs ?? CLASSIFIER_TIMEOUT_MS
  return {
    async classify(text) {
      try {
        // The comment is the "user" turn: Llama Guard classifies what the user wrote.
        const output = await withTimeout(
          ai.run(model, {
            messages: [{ role: 'user', content: text }],
            max_tokens: 16,
            temperature: 0,
          }),
          timeoutMs
        )
        return output === null ? null : parseLlamaGuard(output)
      } catch {
        return null
      }
    },
  }
}

/** The Worker's classifier: null without an AI binding (local dev, tests, sites that don't use it). */
export function classifierFor(env: ClassifierEnv): Classifier | null {
  const ai = env.AI
  return ai && typeof ai.run === 'function' ? workersAiClassifier(ai) : null
}

/**
 * The verdict for one comment when the site asks for it (settings.classifier) and the Worker has
 * a classifier; null otherwise or when the classifier fails. For the POST-comment route.
 */
export async function classifyComment(
  env: ClassifierEnv,
  settings: ModerationSettings,
  text: string
): Promise<ClassifierVerdict | null> {
  if (!settings.classifier) return null
  const classifier = classifierFor(env)
  if (!classifier) return null
  try {
    return await classifier.classify(text)
  } catch {
    return null
  }
}
