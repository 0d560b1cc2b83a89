// Regenerate: ask first (saying what happens to the old secret, and to KeyDesk's own access when it is the
// account's own app), then show the new secret once. The CreatedKey lives in this component only.
import { useState } from 'react'
import type { CreatedKey } from '../../../../shared/model'
import { useActions } from '../../actions/context'
import { Dialog } from '../../components/Dialog'
import { useSlots } from '../../components/slots'
import type { KeyTarget } from '../../store/key-dialogs'
import { toProblem } from '../../store/problem'
import { useApp, usePrefs } from '../../store/stores'
import { ConfirmChange } from './ConfirmChange'
import { Notice } from './Notice'

type Phase =
  | { readonly kind: 'ask' }
  | { readonly kind: 'running' }
  | { readonly kind: 'shown'; readonly created: CreatedKey }
  | { readonly kind: 'failed'; readonly text: string }

export function RegenerateDialog({ target, onClose }: { readonly target: KeyTarget; readonly onClose: () => void }) {
  const [phase, setPhase] = useState<Phase>({ kind: 'ask' })
  // One request id for the life of the dialog: a repeated confirm regenerates once.
  const [requestId] = useState(() => crypto.randomUUID())
  const keepByDefault = usePrefs((s) => s.keepSecretsByDefault)
  const vault = useApp((s) => s.vault)
  const { keys } = useActions()
  const { Reveal } = useSlots()
  const name = target.keyRecord.keyId
  const run = (): void => {
    setPhase({ kind: 'running' })
    const keep = keepByDefault && (vault === null || vault.state === 'available')
    keys.regenerate(target, requestId, keep).then(
      (created) => setPhase({ kind: 'shown', created }),
      (err: unknown) => setPhase({ kind: 'failed', text: toProblem(err).message }),
    )
  }
  switch (phase.kind) {
    case 'ask':
      return (
        <ConfirmChange
          op="regenerate"
          account={target.account}
          keyRecord={target.keyRecord}
          onCancel={onClose}
          onConfirm={run}
        />
      )
    case 'running':
      // The answer carries the only copy of the new secret: this dialog cannot be closed until it arrives.
      return (
        <Dialog title={`Regenerating the secret of ${name}…`} guard onClose={() => undefined}>
          <p role="status" aria-live="polite">
            Asking the service for a new secret…
          </p>
        </Dialog>
      )
    case 'shown':
      return (
        <Reveal
          account={target.account}
          created={phase.created}
          onClosed={onClose}
          footer="The old secret stops working once the change is in force: the key's row shows when."
        />
      )
    case 'failed':
      return <Notice title={`Could not regenerate ${name}`} text={phase.text} onClose={onClose} />
  }
}
