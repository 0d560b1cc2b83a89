// Onqlave management-plane wire shapes (../shared/providers/onqlave.md §1–§5), old and new contract alike.
import { z } from 'zod'
import { listOf } from './list-of'
import type { KeyRecord, KeyState } from '../../shared/model'
import type { CreateOptions } from './provider'
import { compact, isoTime } from './wire'

const text = z.string().nullish()
const Named = z.object({ id: text, name: text, label: text }).nullish()

export const OnqApiKey = z.object({
  id: z.string().min(1),
  access_key: text,
  created_at: text,
  status: text,
  created_by: z.object({ id: text, full_name: text, name: text, email_address: text }).nullish(),
  application_id: text,
  application: Named,
  cluster_id: text,
  cluster: Named,
  arx_url: text,
})
export type OnqApiKey = z.infer<typeof OnqApiKey>

const Model = z.object({
  applications: z
    .array(
      z.object({
        id: z.string(),
        name: text,
        label: text,
        application_technology: z.union([z.string(), z.object({ id: text })]).nullish(),
      }),
    )
    .nullish(),
  clusters: z
    .array(z.object({ id: z.string(), name: text, label: text, encryption: z.object({ id: text }).nullish() }))
    .nullish(),
})
export type Model = z.infer<typeof Model>

export const KeysBody = z.object({ data: z.object({ api_keys: listOf(OnqApiKey).nullish(), model: Model.nullish() }) })
export const BaseBody = z.object({ data: z.object({ model: Model.nullish() }) })
export const KeyBody = z.object({ data: OnqApiKey })

export const SensitiveBody = z.object({
  data: z.object({
    id: text,
    access_key: text,
    client_key: text,
    server_signing_key: text,
    server_crypto_access_key: text,
    server_secret_key: text,
    arx_url: text,
  }),
})

/** The current envelope has `message`, the older one `error_message`. */
export const ErrorBody = z.object({ error: z.object({ message: text, error_message: text }) })

export function toKeyRecord(
  key: OnqApiKey,
  accountId: string,
  firstSeen: (accountId: string, keyId: string) => string,
): KeyRecord {
  const clusterName = key.cluster?.name || undefined
  const applicationName = key.application?.name || undefined
  return {
    provider: 'onqlave',
    accountId,
    keyId: key.id,
    name: applicationName && clusterName ? `${applicationName} · ${clusterName}` : (clusterName ?? key.id),
    state: toState(key.status),
    createdAt: isoTime(key.created_at) ?? firstSeen(accountId, key.id),
    extra: compact({
      accessKey: key.access_key,
      arxUrl: key.arx_url,
      clusterId: key.cluster_id || key.cluster?.id,
      clusterName,
      applicationId: key.application_id || key.application?.id,
      applicationName,
      createdBy: key.created_by?.full_name || key.created_by?.name || key.created_by?.email_address,
    }),
  }
}

function toState(status: string | null | undefined): KeyState {
  switch (status) {
    case 'active':
      return 'enabled'
    case 'disabled':
    case 'deleted':
    case 'failed':
    case 'pending':
      return status
    case null:
    case undefined:
    default:
      // The CLI keeps waiting on any status it does not know, so KeyDesk treats it as still in progress.
      return 'pending'
  }
}

export function toCreateOptions(model: Model | null | undefined): CreateOptions {
  return {
    applications: (model?.applications ?? []).map((a) => {
      const technology = technologyOf(a.application_technology)
      return { id: a.id, name: a.name || a.label || a.id, ...(technology ? { technology } : {}) }
    }),
    clusters: (model?.clusters ?? []).map((c) => ({
      id: c.id,
      name: c.name || c.label || c.id,
      ...(c.encryption?.id ? { encryption: c.encryption.id } : {}),
    })),
  }
}

function technologyOf(t: string | { id?: string | null } | null | undefined): string | undefined {
  if (typeof t === 'string') return t || undefined
  return t?.id || undefined
}
