import { describe, expect, it } from 'vitest'
import { newReaderId } from './ids.ts'
import { signReaderToken, verifyReaderToken } from './reader-token.ts'

const secret = 'test-secret-0123456789abcdef'

describe('reader tokens', () => {
  it('verify for the site and secret they were issued with', async () => {
    const readerId = newReaderId()
    const token = await signReaderToken(secret, 'demo', readerId)
    expect(token.startsWith(`${readerId}.`)).toBe(true)
    expect(await verifyReaderToken(secret, 'demo', token)).toBe(readerId)
  })

  it('are rejected on another site', async () => {
    const token = await signReaderToken(secret, 'demo', newReaderId())
    expect(await verifyReaderToken(secret, 'news', token)).toBeNull()
  })

  it('are rejected under another secret', async () => {
    const token = await signReaderToken(secret, 'demo', newReaderId())
    expect(await verifyReaderToken('another-secret-0123456789', 'demo', token)).toBeNull()
  })

  it('cannot be moved to another reader id', async () => {
    const token = await signReaderToken(secret, 'demo', newReaderId())
    const forged = `${newReaderId()}${token.slice(token.indexOf('.'))}`
    expect(await verifyReaderToken(secret, 'demo', forged)).toBeNull()
  })

  it.each(['', 'nodot', 'r_abcdefghjk.', '.abc', 'r_abcdefghjk.!!!', 'x.y.z'])(
    'reject the malformed token %j',
    async (token) => {
      expect(await verifyReaderToken(secret, 'demo', token)).toBeNull()
    }
  )

  it('reject a tampered signature', async () => {
    const token = await signReaderToken(secret, 'demo', newReaderId())
    const last = token.at(-2) === 'A' ? 'B' : 'A'
    const tampered = `${token.slice(0, -2)}${last}${token.at(-1)}`
    expect(await verifyReaderToken(secret, 'demo', tampered)).toBeNull()
  })

  it('refuse to work without a secret', async () => {
    await expect(signReaderToken('', 'demo', newReaderId())).rejects.toThrow(
      'READER_TOKEN_SECRET is not set'
    )
  })
})
