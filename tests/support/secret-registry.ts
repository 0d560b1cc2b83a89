// Every secret a test creates or hands to KeyDesk is registered here; after the whole suite, scripts/security-gate.mjs
// greps test results, data directories and logs for each of them (the leak scan).
import { appendFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'

export const REGISTRY = join('test-results', 'created-secrets.txt')

export function registerSecret(...values: readonly unknown[]): void {
  const lines = values.filter((v): v is string => typeof v === 'string' && v.length >= 12 && !v.includes('\n'))
  if (lines.length === 0) return
  mkdirSync('test-results', { recursive: true })
  appendFileSync(REGISTRY, `${lines.join('\n')}\n`)
}

/** A credential's secret values: an Onqlave tenant id names the tenant and is kept in the settings, by design. */
export function credentialSecrets(credential: object): unknown[] {
  return Object.entries(credential)
    .filter(([k]) => k !== 'provider' && k !== 'tenantId')
    .map(([, v]): unknown => v)
}

/** The secret parts of a keys.create / rotation.create answer, and any credential in a request. */
export function registerFromCall(channel: string, input: unknown, value: unknown): void {
  if (channel === 'keys.create' || channel === 'rotation.create') {
    const parts = (value as { parts?: { value?: unknown; secret?: boolean }[] } | null)?.parts ?? []
    registerSecret(...parts.filter((p) => p.secret !== false).map((p) => p.value))
  }
  const credential = (input as { credential?: Record<string, unknown> } | null)?.credential
  if (credential) registerSecret(...credentialSecrets(credential))
}
