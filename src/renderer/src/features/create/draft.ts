// What the create form collects, and what must be fixed before it is sent.
import type { CreateOptionsView } from '../../../../shared/api'
import type { ProviderId } from '../../../../shared/model'
import { nameProblem } from './name-rules'

export interface CreateDraft {
  readonly name: string
  readonly applicationId: string
  readonly clusterId: string
  readonly keep: boolean
}

export type DraftErrors = Partial<Record<'name' | 'applicationId' | 'clusterId', string>>

export function draftErrors(provider: ProviderId, d: CreateDraft, options: CreateOptionsView | null): DraftErrors {
  const errors: DraftErrors = {}
  if (provider === 'cloudmc') {
    const problem = nameProblem(d.name, true)
    if (problem) errors.name = problem
  }
  if (provider === 'onqlave') {
    if (!d.clusterId) errors.clusterId = 'Choose the Arx the key is for.'
    if ((options?.applications.length ?? 0) > 0 && !d.applicationId)
      errors.applicationId = 'Choose the application that will use the key.'
  }
  return errors
}

/** The fields of keys.create / rotation.create: blank CloudMC name → the service's default name. */
export function createFields(
  provider: ProviderId,
  d: CreateDraft,
): { name?: string; applicationId?: string; clusterId?: string; keep: boolean } {
  const name = d.name.trim()
  return {
    keep: d.keep,
    ...(provider === 'cloudmc' && name ? { name } : {}),
    ...(provider === 'onqlave' && d.applicationId ? { applicationId: d.applicationId } : {}),
    ...(provider === 'onqlave' && d.clusterId ? { clusterId: d.clusterId } : {}),
  }
}
