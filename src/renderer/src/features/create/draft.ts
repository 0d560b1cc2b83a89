// What the create form collects, and what must be fixed before it is sent; the fields come from the descriptor.
import type { CreateOptionsView } from '../../../../shared/api'
import type { CreateField, ProviderDescriptor } from '../../../../shared/descriptor'
import { nameProblem } from '../../actions/name-rules'

export interface CreateDraft {
  readonly name: string
  readonly applicationId: string
  readonly clusterId: string
  readonly keep: boolean
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
  return []
}

export function draftErrors(d: ProviderDescriptor, draft: CreateDraft, options: CreateOptionsView | null): DraftErrors {
  const errors: DraftErrors = {}
  for (const f of d.create.fields) {
    if (!f.choices) {
      const problem = nameProblem(draft[f.name], f.optional)
      if (problem) errors[f.name] = problem
    } else if (!f.optional && !draft[f.name] && choicesOf(f, options).length > 0) {
      errors[f.name] = 'Choose one.'
    }
  }
  return errors
}

/** The fields of keys.create / rotation.create: only what the descriptor asks for, blanks left out. */
export function createFields(
  d: ProviderDescriptor,
  draft: CreateDraft,
): { name?: string; applicationId?: string; clusterId?: string; keep: boolean } {
  const out: { name?: string; applicationId?: string; clusterId?: string; keep: boolean } = { keep: draft.keep }
  for (const f of d.create.fields) {
    const v = draft[f.name].trim()
    if (v) out[f.name] = v
  }
  return out
}
