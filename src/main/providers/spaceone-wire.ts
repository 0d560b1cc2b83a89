// SpaceONE 1.x wire shapes (../shared/providers/spaceone.md §1–§4) and their mapping to the normalised model.
import { z } from 'zod'
import { listOf } from './list-of'
import { AppError } from '../../shared/errors'
import type { KeyRecord, KeyState } from '../../shared/model'
import { decodeJwtPayload } from './jwt'
import { compact, isoTime, setOptional, type KeyRecordDraft } from './wire'

const count = z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)])

export const ApiKeyInfo = z.object({
  api_key_id: z.string().min(1),
  api_key: z.string().nullish(),
  state: z.string().nullish(),
  user_id: z.string().nullish(),
  domain_id: z.string().nullish(),
  last_accessed_at: z.string().nullish(),
  created_at: z.string().nullish(),
})
export type ApiKeyInfo = z.infer<typeof ApiKeyInfo>

export const ApiKeyList = z.object({ results: listOf(ApiKeyInfo).nullish(), total_count: count.nullish() })

export const EndpointList = z.object({
  results: z.array(z.object({ service: z.string(), endpoint: z.string() })).nullish(),
})

export const ErrorBody = z.object({
  detail: z.object({ message: z.string().nullish(), code: z.string().nullish() }),
})

/** The console's "Download JSON" carries exactly these fields, unset ones as "". */
export const TokenPair = z.object({ access_token: z.string().min(1), refresh_token: z.string().min(1) })

export const API_KEY_FIELDS = [
  'api_key_id',
  'api_key',
  'state',
  'user_id',
  'domain_id',
  'last_accessed_at',
  'created_at',
] as const

export interface TokenFacts {
  readonly token: string
  readonly domainId: string
  readonly userId: string
  /** Set when the credential is an API key (cat API_KEY). */
  readonly apiKeyId?: string
}

export function readToken(token: string): TokenFacts {
  const payload = decodeJwtPayload(token)
  const did = payload?.did
  const aud = payload?.aud
  if (!payload || typeof did !== 'string' || !did || typeof aud !== 'string' || !aud) {
    throw new AppError(
      'INVALID_INPUT',
      'This is not a SpaceONE API key or access token: it must be a JWT (three dot-separated parts starting with "eyJ") naming a domain and a user. Paste the whole key.',
    )
  }
  const apiKeyId = payload.cat === 'API_KEY' && typeof payload.api_key_id === 'string' ? payload.api_key_id : undefined
  return { token: token.trim(), domainId: did, userId: aud, ...(apiKeyId ? { apiKeyId } : {}) }
}

export function toKeyRecord(
  info: ApiKeyInfo,
  accountId: string,
  firstSeen: (accountId: string, keyId: string) => string,
): KeyRecord {
  const record: KeyRecordDraft = {
    provider: 'spaceone',
    accountId,
    keyId: info.api_key_id,
    name: info.api_key_id,
    state: toState(info.state),
    createdAt: isoTime(info.created_at) ?? firstSeen(accountId, info.api_key_id),
    extra: compact({ domainId: info.domain_id, userId: info.user_id }),
  }
  setOptional(record, 'lastUsedAt', isoTime(info.last_accessed_at))
  return record
}

function toState(state: string | null | undefined): KeyState {
  if (state === 'ENABLED') return 'enabled'
  if (state === 'DISABLED') return 'disabled'
  return 'failed'
}
