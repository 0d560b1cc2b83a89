// What the create form collects, and what must be fixed before it is sent; the fields come from the descriptor.
import type { CreateOptionsView } from '../../../../shared/api'
import type { CreateField, ProviderDescriptor } from '../../../../shared/descriptor'
import { nameProblem } from '../../actions/name-rules'

export interface CreateDraft {
  readonly name: string
  readonly applicationId: string
  readonly clusterId: string
  /** Cloudforet 2.x apps: a role from role/list, its workspace, `key=value` tags and an expiry date (YYYY-MM-DD). */
  readonly roleId: string
  readonly workspaceId: string
  readonly tags: string
  readonly expiresAt: string
  readonly keep: boolean
}

export const EMPTY_DRAFT: Omit<CreateDraft, 'keep'> = {
  name: '',
  applicationId: '',
  clusterId: '',
  roleId: '',
  workspaceId: '',
  tags: '',
  expiresAt: '',
}

const DAY = 86_400_000

/** The service's default lifetime, as the date field's value (YYYY-MM-DD, UTC), so a create needs no date picked. */
export function defaultExpiry(d: ProviderDescriptor, now: number): string {
  return d.expiry ? new Date(now + d.expiry.defaultDays * DAY).toISOString().slice(0, 10) : ''
}

/** The scope the chosen role makes (DOMAIN, WORKSPACE, PROJECT), when the service has roles. */
function scopeOf(draft: CreateDraft, options: CreateOptionsView | null): string | undefined {
  return options?.roles?.find((r) => r.id === draft.roleId)?.scope
}

/** A field asked for only in some scopes (a workspace) is left out in the others. */
export function asked(f: CreateField, draft: CreateDraft, options: CreateOptionsView | null): boolean {
  if (!f.forScopes) return true
  const scope = scopeOf(draft, options)
  return scope !== undefined && f.forScopes.includes(scope) && !options?.workspaceFixed
}

/** `a=1, b=2` → {a: "1", b: "2"}; null when a pair has no `=` or no key. */
export function parseTags(text: string): Record<string, string> | null {
  const out: Record<string, string> = {}
  for (const pair of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const at = pair.indexOf('=')
    if (at <= 0) return null
    out[pair.slice(0, at).trim()] = pair.slice(at + 1).trim()
  }
  return out
}

function fieldProblem(f: CreateField, value: string, d: ProviderDescriptor): string | null {
  switch (f.kind ?? 'text') {
    case 'tags':
      return parseTags(value) === null ? 'Write tags as key=value pairs, separated by commas.' : null
    case 'date': {
      if (!value) return f.optional ? null : 'Pick a date.'
      const at = Date.parse(`${value}T00:00:00Z`)
      const max = d.expiry?.maxDays ?? 364
      if (Number.isNaN(at)) return 'Pick a date.'
      if (at <= Date.now()) return 'Pick a date after today.'
      if (at > Date.now() + max * DAY) return `Pick a date at most ${max} days from today.`
      return null
    }
    case 'text':
      return nameProblem(value, f.optional, f.maxLength)
  }
}

export type DraftErrors = Partial<Record<CreateField['name'], string>>

/** The choices a field offers; a field with choices but none to offer is not asked for. */
export function choicesOf(f: CreateField, options: CreateOptionsView | null): readonly { id: string; text: string }[] {
  if (f.choices === 'applications')
    return (options?.applications ?? []).map((a) => ({
      id: a.id,
      text: a.technology ? `${a.name} (${a.technology})` : a.name,
    }))
  if (f.choices === 'clusters')
    return (options?.clusters ?? []).map((c) => ({
      id: c.id,
      text: c.encryption ? `${c.name} (${c.encryption})` : c.name,
    }))
  if (f.choices === 'roles')
    return (options?.roles ?? []).map((r) => ({ id: r.id, text: `${r.name} (${r.scope.toLowerCase()})` }))
  if (f.choices === 'workspaces') return (options?.workspaces ?? []).map((w) => ({ id: w.id, text: w.name }))
  return []
}

export function draftErrors(d: ProviderDescriptor, draft: CreateDraft, options: CreateOptionsView | null): DraftErrors {
  const errors: DraftErrors = {}
  for (const f of d.create.fields) {
    if (!asked(f, draft, options)) continue
    if (!f.choices) {
      const problem = fieldProblem(f, draft[f.name], d)
      if (problem) errors[f.name] = problem
    } else if (!f.optional && !draft[f.name] && choicesOf(f, options).length > 0) {
      errors[f.name] = 'Choose one.'
    }
  }
  return errors
}

/** The fields of keys.create / rotation.create: only what the descriptor asks for, blanks left out. */
export interface CreateInputs {
  name?: string
  applicationId?: string
  clusterId?: string
  roleId?: string
  workspaceId?: string
  tags?: Record<string, string>
  expiresAt?: string
  keep: boolean
}

export function createFields(d: ProviderDescriptor, draft: CreateDraft): CreateInputs {
  const out: CreateInputs = { keep: draft.keep }
  for (const f of d.create.fields) {
    const v = draft[f.name].trim()
    if (!v) continue
    if (f.name === 'tags') out.tags = parseTags(v) ?? {}
    else if (f.name === 'expiresAt') out.expiresAt = new Date(`${v}T00:00:00Z`).toISOString()
    else out[f.name] = v
  }
  return out
}
