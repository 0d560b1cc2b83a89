// Mounted once by the shell: rotations in progress and the bulk-action bar for the current selection.
import { BulkActionsBar } from './BulkActionsBar'
import { RotationBanner } from './RotationBanner'

export function LifecycleOverlay() {
  return (
    <>
      <RotationBanner />
      <BulkActionsBar />
    </>
  )
}
