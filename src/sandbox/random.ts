// Seeded randomness: the same seed gives the same ids and secrets, so a reset or a rerun reproduces the sandbox.
import { createCipheriv, createHash, randomBytes } from 'node:crypto'

export interface Random {
  bytes(count: number): Buffer
  /** Uniform in [0, 1). */
  float(): number
  /** `length` characters drawn uniformly from `alphabet` (at most 256 characters). */
  chars(alphabet: string, length: number): string
  hex(length: number): string
  base64url(byteCount: number): string
  uuid(): string
}

export const NANOID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-'
const HEX = '0123456789abcdef'
const CHUNK = 64 * 1024

export function freshSeed(): string {
  return randomBytes(16).toString('hex')
}

/** A stream named `stream` under `seed`: an AES-256-CTR keystream, so it is fast and streams are independent. */
export function seededRandom(seed: string, stream: string): Random {
  const key = createHash('sha256').update(seed).update('\0').update(stream).digest()
  const cipher = createCipheriv('aes-256-ctr', key, Buffer.alloc(16))
  const zeros = Buffer.alloc(CHUNK)
  let pool = Buffer.alloc(0)
  let at = 0

  const bytes = (count: number): Buffer => {
    const out = Buffer.alloc(count)
    let filled = 0
    while (filled < count) {
      if (at >= pool.length) {
        pool = cipher.update(zeros)
        at = 0
      }
      const n = Math.min(count - filled, pool.length - at)
      pool.copy(out, filled, at, at + n)
      filled += n
      at += n
    }
    return out
  }

  const chars = (alphabet: string, length: number): string => {
    // Rejection sampling keeps the draw uniform; the round bound only guards against a broken keystream.
    const limit = 256 - (256 % alphabet.length)
    let out = ''
    for (let round = 0; out.length < length && round < 64; round += 1) {
      for (const byte of bytes(length - out.length + 4)) {
        if (byte < limit) out += alphabet[byte % alphabet.length]
        if (out.length === length) break
      }
    }
    return out
  }

  return {
    bytes,
    float: () => bytes(6).readUIntBE(0, 6) / 2 ** 48,
    chars,
    hex: (length) => chars(HEX, length),
    base64url: (byteCount) => bytes(byteCount).toString('base64url'),
    uuid: () => {
      const b = bytes(16)
      b[6] = ((b[6] ?? 0) & 0x0f) | 0x40
      b[8] = ((b[8] ?? 0) & 0x3f) | 0x80
      const h = b.toString('hex')
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
    },
  }
}

/** A fresh id from `make` that `taken` does not know yet; ids from a restarted stream could repeat. */
export function uniqueId(make: () => string, taken: (id: string) => boolean): string {
  for (let tries = 0; tries < 100; tries += 1) {
    const id = make()
    if (!taken(id)) return id
  }
  throw new Error('could not draw an unused id')
}
