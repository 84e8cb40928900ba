import { ModerationSettingsSchema } from '@parley/core'
import { env } from 'cloudflare:workers'
import { describe, expect, it, vi } from 'vitest'
import {
  classifierFor,
  classifyComment,
  LLAMA_GUARD_MODEL,
  parseLlamaGuard,
  workersAiClassifier,
  type WorkersAiBinding,
} from './classifier.ts'

const on = ModerationSettingsSchema.parse({ classifier: true })
const off = ModerationSettingsSchema.parse({})

function fakeAi(answer: () => Promise<unknown>): WorkersAiBinding & { calls: unknown[][] } {
  const calls: unknown[][] = []
  return {
    calls,
    run(model, input) {
      calls.push([model, input])
      return answer()
    },
  }
}

describe('classifierFor', () => {
  it('is null without an AI binding: the tests and local dev run without one', () => {
    expect(classifierFor(env)).toBeNull()
    expect(classifierFor({})).toBeNull()
    expect(classifierFor({ AI: { run: 'nope' } as unknown as WorkersAiBinding })).toBeNull()
  })

  it('asks Llama Guard on Workers AI when the binding is there', async () => {
    const ai = fakeAi(async () => ({ response: 'unsafe\nS10' }))
    const classifier = classifierFor({ ...env, AI: ai })
    expect(classifier).not.toBeNull()
    expect(await classifier!.classify('some text')).toEqual({
      flagged: true,
      categories: ['hate'],
      score: 1,
    })
    expect(ai.calls).toEqual([
      [
        LLAMA_GUARD_MODEL,
        { messages: [{ role: 'user', content: 'some text' }], max_tokens: 16, temperature: 0 },
      ],
    ])
  })
})

describe('parseLlamaGuard', () => {
  it('reads the text answer', () => {
    expect(parseLlamaGuard({ response: 'safe' })).toEqual({
      flagged: false,
      categories: [],
      score: 0,
    })
    expect(parseLlamaGuard({ response: '\n\nunsafe\nS1,S10' })).toEqual({
      flagged: true,
      categories: ['violent crimes', 'hate'],
      score: 1,
    })
  })

  it('reads the JSON answer', () => {
    expect(parseLlamaGuard({ response: { safe: true, categories: [] } })?.flagged).toBe(false)
    expect(parseLlamaGuard({ response: { safe: false, categories: ['S12'] } })).toEqual({
      flagged: true,
      categories: ['sexual content'],
      score: 1,
    })
  })

  it('does not flag categories a debate on crime legitimately touches', () => {
    expect(parseLlamaGuard({ response: 'unsafe\nS2' })).toEqual({
      flagged: false,
      categories: ['non-violent crimes'],
      score: 0,
    })
  })

  it('flags an unsafe answer without a category, or with an unknown one', () => {
    expect(parseLlamaGuard({ response: 'unsafe' })?.flagged).toBe(true)
    expect(parseLlamaGuard({ response: 'unsafe\nS99' })).toEqual({
      flagged: true,
      categories: ['S99'],
      score: 1,
    })
  })

  it('is null for anything it cannot read', () => {
    for (const output of [
      null,
      undefined,
      'safe',
      42,
      {},
      { response: 'maybe' },
      { response: { safe: 'no' } },
      { response: null },
    ]) {
      expect(parseLlamaGuard(output)).toBeNull()
    }
  })
})

describe('workersAiClassifier never fails a comment', () => {
  it('is null when the binding throws', async () => {
    const ai = fakeAi(async () => {
      throw new Error('3040: capacity exceeded')
    })
    expect(await workersAiClassifier(ai).classify('x')).toBeNull()
  })

  it('is null when the binding throws synchronously', async () => {
    const ai: WorkersAiBinding = {
      run() {
        throw new TypeError('boom')
      },
    }
    expect(await workersAiClassifier(ai).classify('x')).toBeNull()
  })

  it('is null after the timeout when the model is slow', async () => {
    vi.useFakeTimers()
    try {
      const ai = fakeAi(() => new Promise(() => {}))
      const pending = workersAiClassifier(ai, { timeoutMs: 1500 }).classify('x')
      await vi.advanceTimersByTimeAsync(1500)
      expect(await pending).toBeNull()
    } finally {
      vi.useRealTimers()
    }
  })

  it('is null for an unreadable answer', async () => {
    expect(
      await workersAiClassifier(fakeAi(async () => ({ result: 'what' }))).classify('x')
    ).toBeNull()
  })
})

describe('classifyComment', () => {
  it('does not call the model unless the site turned the classifier on', async () => {
    const ai = fakeAi(async () => ({ response: 'unsafe\nS10' }))
    expect(await classifyComment({ ...env, AI: ai }, off, 'x')).toBeNull()
    expect(ai.calls).toHaveLength(0)
    expect((await classifyComment({ ...env, AI: ai }, on, 'x'))?.flagged).toBe(true)
  })

  it('is null without a binding, and when the model fails', async () => {
    expect(await classifyComment(env, on, 'x')).toBeNull()
    const failing = fakeAi(async () => {
      throw new Error('down')
    })
    expect(await classifyComment({ ...env, AI: failing }, on, 'x')).toBeNull()
  })
})
