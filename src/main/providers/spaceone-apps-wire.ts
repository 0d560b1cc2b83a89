// Cloudforet 2.x wire shapes (../shared/providers/spaceone-apps.md §2–§6) and their mapping to the normalised model.
import { z } from 'zod'
import { AppError } from '../../shared/errors'
import type { KeyRecord } from '../../shared/model'
import { decodeJwtPayload } from './jwt'
import { compact, isoTime, setOptional, type KeyRecordDraft } from './wire'

const count = z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)])

/** AppInfo. console-api-v2 omits proto3 defaults, so every field but app_id may be absent (§3 "Rendering"). */
export const AppInfo = z.object({
  app_id: z.string().min(1),
  client_secret: z.string().nullish(),
  name: z.string().nullish(),
  state: z.string().nullish(),
  is_managed: z.boolean().nullish(),
  tags: z.record(z.string(), z.unknown()).nullish(),
  role_type: z.string().nullish(),
  resource_group: z.string().nullish(),
  domain_id: z.string().nullish(),
  workspace_id: z.string().nullish(),
  project_group_id: z.string().nullish(),
  project_id: z.string().nullish(),
  role_id: z.string().nullish(),
  client_id: z.string().nullish(),
  created_at: z.string().nullish(),
  last_accessed_at: z.string().nullish(),
  expired_at: z.string().nullish(),
})
export type AppInfo = z.infer<typeof AppInfo>

/** Absent results means [] and absent total_count 0: an empty list is `{}`. */
export const AppList = z.object({ results: z.array(AppInfo).nullish(), total_count: count.nullish() })

export const RoleInfo = z.object({
  role_id: z.string().min(1),
  name: z.string().nullish(),
  state: z.string().nullish(),
  role_type: z.string().nullish(),
})
export const RoleList = z.object({ results: z.array(RoleInfo).nullish(), total_count: count.nullish() })

export const EndpointList = z.object({
  results: z.array(z.object({ service: z.string(), endpoint: z.string() })).nullish(),
})

export const ErrorBody = z.object({
  detail: z.object({ code: z.string().nullish(), message: z.string().nullish() }),
})

export const AuthInfo = z.object({ domain_id: z.string().min(1) })
export const Issued = z.object({ access_token: z.string().min(1), refresh_token: z.string().min(1) })
export const Granted = z.object({ access_token: z.string().min(1), role_type: z.string().nullish() })

/** What the credential's payload says, read unverified (§2 "Facts from the token"). */
export interface SecretFacts {
  readonly token: string
  readonly domainId: string
  /** The app id for a client secret, the user id for a user token. */
  readonly subject: string
  readonly owner: 'APP' | 'USER'
  readonly role: string
  readonly workspaceId?: string
  /** `exp` as ISO-8601 UTC. */
  readonly expiresAt?: string
  readonly clientId?: string
}

/** 1.x or 2.x from the credential alone (§1): `ver` 2.0 is 2.x; a `cat` claim is 1.x; otherwise unknown. */
export function versionOf(token: string): '1.x' | '2.x' | undefined {
  const payload = decodeJwtPayload(token)
  if (!payload) return undefined
  if (payload.ver === '2.0') return '2.x'
  if (typeof payload.cat === 'string') return '1.x'
  return undefined
}

export function readSecret(token: string): SecretFacts {
  const p = decodeJwtPayload(token)
  const did = p?.did
  const aud = p?.aud
  if (!p || p.ver !== '2.0' || typeof did !== 'string' || !did || typeof aud !== 'string' || !aud) {
    throw new AppError(
      'INVALID_INPUT',
      'This is not a Cloudforet 2.x client secret or access token: it must be a JWT (three dot-separated parts ' +
        'starting with "eyJ") from an app\'s "Download JSON" (client_secret). Paste the whole secret.',
    )
  }
  const exp = typeof p.exp === 'number' ? new Date(p.exp * 1000).toISOString() : undefined
  return {
    token: token.trim(),
    domainId: did,
    subject: aud,
    owner: p.own === 'APP' ? 'APP' : 'USER',
    role: typeof p.rol === 'string' ? p.rol : '',
    ...(typeof p.wid === 'string' && p.wid !== '*' ? { workspaceId: p.wid } : {}),
    ...(exp ? { expiresAt: exp } : {}),
    ...(p.own === 'APP' && typeof p.jti === 'string' ? { clientId: p.jti } : {}),
  }
}

export interface MappingContext {
  readonly accountId: string
  readonly now: number
  readonly firstSeen: (accountId: string, keyId: string) => string
  /** The credential's own app and its secret's `exp`: trusted over `expired_at` (§7). */
  readonly own?: { readonly appId: string; readonly clientId?: string; readonly expiresAt?: string }
}

export function toKeyRecord(info: AppInfo, m: MappingContext): KeyRecord {
  const ownSecret = m.own && m.own.appId === info.app_id && (!info.client_id || info.client_id === m.own.clientId)
  const expiresAt = (ownSecret ? m.own?.expiresAt : undefined) ?? isoTime(info.expired_at)
  const expired = info.state === 'EXPIRED' || (expiresAt !== undefined && Date.parse(expiresAt) <= m.now)
  const record: KeyRecordDraft = {
    provider: 'spaceone-apps',
    accountId: m.accountId,
    keyId: info.app_id,
    name: info.name || info.app_id,
    state:
      info.state === 'ENABLED' && !expired ? 'enabled' : info.state === 'DISABLED' || expired ? 'disabled' : 'failed',
    createdAt: isoTime(info.created_at) ?? m.firstSeen(m.accountId, info.app_id),
    extra: compact({
      domainId: info.domain_id,
      workspaceId: info.workspace_id === '*' ? undefined : info.workspace_id,
      clientId: info.client_id,
      roleId: info.role_id,
      roleType: info.role_type,
      resourceGroup: info.resource_group,
      isManaged: info.is_managed ? 'true' : undefined,
      projectId: info.project_id,
      projectGroupId: info.project_group_id,
      expiresAt,
      expired: expired ? 'true' : undefined,
      tags: tagsText(info.tags),
    }),
  }
  setOptional(record, 'lastUsedAt', isoTime(info.last_accessed_at))
  setOptional(record, 'expiresAt', expiresAt)
  return record
}

/** Tags as `key=value` pairs, comma separated, for display and search. */
export function tagsText(tags: Readonly<Record<string, unknown>> | null | undefined): string | undefined {
  if (!tags) return undefined
  const pairs = Object.entries(tags).map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
  return pairs.length > 0 ? pairs.join(', ') : undefined
}

/** `YYYY-MM-DDTHH:MM:SSZ`: always with Z, or a server in another time zone shifts `exp` (§4, §7). */
export function wireExpiry(iso: string): string {
  const ms = Date.parse(iso)
  if (Number.isNaN(ms)) throw new AppError('INVALID_INPUT', `"${iso}" is not a date KeyDesk can read.`)
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')
}
