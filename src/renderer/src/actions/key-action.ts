// The per-key actions a user can run, and their words. Which of them a key offers is decided by its feature.
import { assertNever, outcomeUnknown } from '../../../shared/errors'
import type { ExportFormat, KeyRecord } from '../../../shared/model'
import { toProblem } from '../store/problem'

export type KeyAction =
  | {
      readonly kind:
        'enable' | 'disable' | 'rename' | 'rotate' | 'regenerate' | 'delete' | 'try' | 'forget' | 'not-held'
    }
  | { readonly kind: 'copy'; readonly part: string }
  | { readonly kind: 'export'; readonly format: ExportFormat }

export type KeyChange =
  { readonly op: 'enable' | 'disable' | 'delete' } | { readonly op: 'rename'; readonly name: string }

export function actionLabel(a: KeyAction): string {
  switch (a.kind) {
    case 'enable':
      return 'Enable'
    case 'disable':
      return 'Disable…'
    case 'rename':
      return 'Rename…'
    case 'rotate':
      return 'Rotate…'
    case 'regenerate':
      return 'Regenerate secret…'
    case 'delete':
      return 'Delete…'
    case 'copy':
      return `Copy ${/^[A-Z][a-z]/.test(a.part) ? a.part.charAt(0).toLowerCase() + a.part.slice(1) : a.part}`
    case 'export':
      return `Export ${a.format.label}`
    case 'try':
      return 'Try the kept secret'
    case 'forget':
      return 'Forget secret…'
    case 'not-held':
      return 'Secret not held by KeyDesk…'
    default:
      return assertNever(a)
  }
}

export function keyLabel(key: KeyRecord): string {
  return key.name && key.name !== key.keyId ? `${key.name} (${key.keyId})` : key.keyId
}

const PAST: Record<KeyChange['op'], string> = {
  enable: 'enabled',
  disable: 'disabled',
  delete: 'deleted',
  rename: 'renamed',
}

/**
 * The words for a change to a key that failed. "It is unchanged" only when the service answered with a refusal: after
 * a timeout, a broken connection or a gateway giving up, the change may have been made all the same (the core has
 * already looked for it where it could). `label` names the key; without it (in the key's own dialog) it is "it".
 */
export function changeFailed(op: KeyChange['op'], err: unknown, label?: string): string {
  const p = toProblem(err)
  if (outcomeUnknown(p)) {
    return `KeyDesk could not tell whether ${label ?? 'it'} was ${PAST[op]}; the list shows what the service reports now: ${p.message}`
  }
  return `${label ? `Could not ${op} ${label}` : `Not ${PAST[op]}`}; it is unchanged: ${p.message}`
}
