// One key read for a propagation check.
import { AppError } from '../../../shared/errors'
import type { KeyRecord } from '../../../shared/model'
import type { KeyProvider, ProviderContext } from '../../providers/provider'

export async function readKey(provider: KeyProvider, ctx: ProviderContext, keyId: string): Promise<KeyRecord | null> {
  try {
    return await provider.get(ctx, keyId)
  } catch (err) {
    // The interface promises null for a missing key; an adapter that throws NOT_FOUND means the same.
    if (err instanceof AppError && err.code === 'NOT_FOUND') return null
    throw err
  }
}
