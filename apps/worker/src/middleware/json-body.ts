import { BODY_MAX_BYTES } from '@parley/core'
import { createMiddleware } from 'hono/factory'
import { ApiError } from '../errors.ts'

const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/i

const tooLarge = (max = BODY_MAX_BYTES) =>
  new ApiError('payload_too_large', `The request body must be at most ${max} bytes`)

/** Reads at most BODY_MAX_BYTES, whatever Content-Length claims (it may be absent or wrong). */
async function readLimited(
  body: ReadableStream<Uint8Array> | null,
  max = BODY_MAX_BYTES
): Promise<string> {
  if (!body) return ''
  const reader = body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > max) {
      await reader.cancel()
      throw tooLarge(max)
    }
    chunks.push(value)
  }
  const bytes = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return new TextDecoder().decode(bytes)
}

/**
 * Guards every write route before validation: 413 for a body over BODY_MAX_BYTES (or `maxBytes`),
 * 415 for a body that is not declared as JSON, 400 invalid_json for malformed JSON. With `optional`, an empty
 * body without a content type is read as `{}`. The zValidator that follows reads the checked text.
 */
export const jsonBody = (options: { optional?: boolean; maxBytes?: number } = {}) =>
  createMiddleware(async (c, next) => {
    const max = options.maxBytes ?? BODY_MAX_BYTES
    const declared = Number(c.req.header('content-length') ?? 0)
    if (declared > max) throw tooLarge(max)
    const mediaType = (c.req.header('content-type') ?? '').split(';')[0]!.trim()
    const isJson = JSON_MEDIA_TYPE.test(mediaType)
    if (!isJson && !options.optional) {
      throw new ApiError('unsupported_media_type', 'Send the body as application/json')
    }
    let text = await readLimited(c.req.raw.body, max)
    if (!isJson) {
      if (text.trim() !== '') {
        throw new ApiError('unsupported_media_type', 'Send the body as application/json')
      }
      text = '{}'
    } else if (options.optional && text.trim() === '') {
      text = '{}'
    }
    try {
      JSON.parse(text)
    } catch {
      throw new ApiError('invalid_json', 'The request body is not valid JSON')
    }
    // The stream is consumed: hand the checked text to the validators downstream.
    c.req.raw = new Request(c.req.raw, {
      body: text,
      headers: { ...Object.fromEntries(c.req.raw.headers), 'content-type': 'application/json' },
    })
    await next()
  })
