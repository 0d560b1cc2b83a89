// The lock in the top bar: says whether KeyDesk is locked, unlocks (through the prompt) or locks now. Absent while no
// passphrase is set, because then there is nothing to lock.
import { useActions } from '../../actions/context'
import { Icon } from '../../components/Icon'
import { useLock } from '../../store/stores'

export function LockButton() {
  const status = useLock((s) => s.status)
  const actions = useActions()
  if (!status?.enabled) return null
  if (status.locked) {
    return (
      <button
        type="button"
        className="ghost lock-state locked"
        title="Kept secrets stay in the keychain until you unlock"
        onClick={() => void actions.lock.ask('')}
      >
        <Icon name="lock" /> Locked — Unlock
      </button>
    )
  }
  return (
    <button
      type="button"
      className="ghost lock-state"
      onClick={() => void actions.lock.lockNow().catch(() => undefined)}
    >
      <Icon name="unlock" /> Lock now
    </button>
  )
}
