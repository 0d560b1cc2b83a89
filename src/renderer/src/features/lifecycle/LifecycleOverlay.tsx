// Mounted once by the shell: rotations in progress, the bulk-action bar, and the dialogs and toasts of per-key actions.
import { BulkActionsBar } from './BulkActionsBar'
import { KeyActionDialogs } from './KeyActionDialogs'
import { RotationBanner } from './RotationBanner'

export function LifecycleOverlay() {
  return (
    <>
      <RotationBanner />
      <BulkActionsBar />
      <KeyActionDialogs />
    </>
  )
}
