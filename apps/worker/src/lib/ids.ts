// Crockford's base32 alphabet in lower case: no i, l, o or u, so ids read aloud unambiguously.
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'
const RANDOM_CHARS = 24 // 120 bits

function randomChars(length: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length))
  let out = ''
  for (const byte of bytes) out += ALPHABET[byte & 31]
  return out
}

/** `c_` + 24 random base32 characters; matches core's CommentIdSchema. */
export const newCommentId = (): string => `c_${randomChars(RANDOM_CHARS)}`

/** `r_` + 24 random base32 characters. */
export const newReaderId = (): string => `r_${randomChars(RANDOM_CHARS)}`

/** `b_` + 24 random base32 characters: a ban. */
export const newBanId = (): string => `b_${randomChars(RANDOM_CHARS)}`

/** `n_` + 24 random base32 characters: a DSA notice. */
export const newNoticeId = (): string => `n_${randomChars(RANDOM_CHARS)}`

/** `x_`, `xr_`, `xi_` + 24 random base32 characters: an expert, a response, an invitation. */
export const newExpertId = (): string => `x_${randomChars(RANDOM_CHARS)}`
export const newExpertResponseId = (): string => `xr_${randomChars(RANDOM_CHARS)}`
export const newInvitationId = (): string => `xi_${randomChars(RANDOM_CHARS)}`

export const READER_ID_PATTERN = /^r_[0-9a-z]{10,40}$/

/** Poll options are integer rows on the inside and `o_<id>` on the wire. */
export const toOptionId = (id: number): string => `o_${id}`

export function parseOptionId(optionId: string): number | null {
  const match = /^o_([1-9][0-9]{0,15})$/.exec(optionId)
  return match ? Number(match[1]) : null
}
