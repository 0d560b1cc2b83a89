// CloudMC v2 wire shapes (../shared/providers/cloudmc.md). Key fields are INFERRED, so every documented alias is read.
import { z } from 'zod'
import { listOf } from './list-of'
import type { KeyRecord } from '../../shared/model'
import { isoTime, setOptional, type KeyRecordDraft } from './wire'

const text = z.string().nullish()

export const ApiKey = z.object({
  id: z.string().min(1),
  name: text,
  apiKey: text,
  lastIp: text,
  lastUsedIp: text,
  lastActivity: text,
  lastUsedDate: text,
  lastUsed: text,
  creationDate: text,
  createdAt: text,
  created: text,
})
export type ApiKey = z.infer<typeof ApiKey>

export const KeyListBody = z.object({ data: listOf(ApiKey) })
export const KeyBody = z.object({ data: ApiKey })

export const UsersBody = z.object({
  data: z.array(
    z.object({
      id: z.string(),
      userName: text,
      organization: z.object({ name: text }).nullish(),
    }),
  ),
})

const code = z.union([z.string(), z.number()]).nullish()
export const ErrorsBody = z.object({
  errors: z.array(z.object({ code, errorCode: code, message: text })).min(1),
})

/** CloudMC keys carry no extra fields: one shared empty record instead of one per key of a 50,000-key listing. */
const NO_EXTRA: Readonly<Record<string, string>> = Object.freeze({})

export function toKeyRecord(
  key: ApiKey,
  accountId: string,
  firstSeen: (accountId: string, keyId: string) => string,
): KeyRecord {
  const created = isoTime(key.creationDate) ?? isoTime(key.createdAt) ?? isoTime(key.created)
  const record: KeyRecordDraft = {
    provider: 'cloudmc',
    accountId,
    keyId: key.id,
    name: key.name || key.id,
    state: 'enabled',
    createdAt: created ?? firstSeen(accountId, key.id),
    extra: NO_EXTRA,
  }
  setOptional(record, 'lastUsedAt', isoTime(key.lastActivity) ?? isoTime(key.lastUsedDate) ?? isoTime(key.lastUsed))
  setOptional(record, 'lastUsedIp', key.lastIp ?? key.lastUsedIp)
  return record
}
