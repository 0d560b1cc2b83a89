// The per-key actions a user can run, and their words. Which of them a key offers is decided by its feature.
import { assertNever } from '../../../shared/errors'
import type { ExportFormat, KeyRecord } from '../../../shared/model'

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
