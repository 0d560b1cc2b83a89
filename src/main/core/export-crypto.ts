// The passphrase-sealed part of an account export: the credentials, encrypted with AES-256-GCM under a key derived
// from the passphrase with scrypt. Without the passphrase the file is as harmless as the plain export.
import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto'
import { promisify } from 'node:util'
import { z } from 'zod'
import { AppError } from '../../shared/errors'

const derive = promisify(scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>

/** scrypt's cost: about 0.1 s and 32 MiB here, so guessing passphrases from a stolen file is slow. */
const COST = { N: 2 ** 15, r: 8, p: 1 } as const
const MAXMEM = 64 * 1024 * 1024
export const MIN_PASSPHRASE = 10

export const Sealed = z.object({
  kdf: z.literal('scrypt'),
  N: z
    .number()
    .int()
    .min(2 ** 14)
    .max(2 ** 20),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(16),
  salt: z.string().max(100),
  iv: z.string().max(100),
  tag: z.string().max(100),
  data: z.string().max(2_000_000),
})
export type Sealed = z.infer<typeof Sealed>

export async function seal(plain: string, passphrase: string): Promise<Sealed> {
  if (passphrase.length < MIN_PASSPHRASE)
    throw new AppError('INVALID_INPUT', `Use a passphrase of at least ${MIN_PASSPHRASE} characters.`)
  const salt = randomBytes(16)
  const iv = randomBytes(12)
  const key = await derive(passphrase, salt, 32, { ...COST, maxmem: MAXMEM })
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
  return {
    kdf: 'scrypt',
    ...COST,
    salt: salt.toString('base64'),
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
  }
}

export async function unseal(sealed: Sealed, passphrase: string): Promise<string> {
  const key = await derive(passphrase, Buffer.from(sealed.salt, 'base64'), 32, {
    N: sealed.N,
    r: sealed.r,
    p: sealed.p,
    maxmem: MAXMEM,
  })
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'))
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'))
    return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]).toString('utf8')
  } catch {
    throw new AppError('INVALID_INPUT', 'That passphrase does not open this export. Check it and try again.')
  }
}
