import { describe, expect, it } from 'vitest'
import { encodeBase64Url } from './base64url.ts'
import { networkBanHash } from './network-ban-hash.ts'

const secret = 'test-secret-0123456789abcdef'
const from = (address?: string) =>
  new Headers(address === undefined ? {} : { 'cf-connecting-ip': address })

describe('networkBanHash', () => {
  it('is 128 bits of base64url', async () => {
    expect(await networkBanHash(secret, from('192.0.2.1'))).toMatch(/^[A-Za-z0-9_-]{22}$/)
  })

  it('is null when the network is unknown', async () => {
    expect(await networkBanHash(secret, from())).toBeNull()
  })

  it('is stable across calls (bans last longer than a day)', async () => {
    const a = await networkBanHash(secret, from('192.0.2.1'))
    expect(await networkBanHash(secret, from('192.0.2.1'))).toBe(a)
  })

  it('is one value for every address of an IPv6 /64', async () => {
    const a = await networkBanHash(secret, from('2001:db8:1:2::1'))
    const b = await networkBanHash(secret, from('2001:0db8:0001:0002:abcd:ef01:2345:6789'))
    expect(b).toBe(a)
    expect(await networkBanHash(secret, from('2001:db8:1:3::1'))).not.toBe(a)
  })

  it('tells IPv4 addresses apart', async () => {
    const a = await networkBanHash(secret, from('192.0.2.1'))
    expect(await networkBanHash(secret, from('192.0.2.2'))).not.toBe(a)
  })

  it('depends on the secret and never contains the address', async () => {
    const a = await networkBanHash(secret, from('192.0.2.1'))
    const b = await networkBanHash('another-secret-0123456789', from('192.0.2.1'))
    expect(b).not.toBe(a)
    expect(a).not.toContain('192')
  })

  it('differs from a plain HMAC under the secret itself (the key is derived)', async () => {
    const key = await crypto.subtle.importKey(
      'raw',
      new TextEncoder().encode(secret),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign']
    )
    const plain = new Uint8Array(
      await crypto.subtle.sign('HMAC', key, new TextEncoder().encode('192.0.2.1'))
    ).slice(0, 16)
    const hash = await networkBanHash(secret, from('192.0.2.1'))
    expect(hash).not.toBe(encodeBase64Url(plain))
  })
})
