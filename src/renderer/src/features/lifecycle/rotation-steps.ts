// The rotation checklist: what each step means (which steps a provider goes through is in its descriptor).
import { assertNever } from '../../../../shared/errors'
import type { Rotation, RotationStep } from '../../../../shared/model'
import { timesInWords } from '../../components/time'

export function stepTitle(step: RotationStep): string {
  switch (step) {
    case 'create':
      return 'Create the new key'
    case 'switch':
      return 'Switch your apps to it'
    case 'disable':
      return 'Disable the old key'
    case 'wait':
      return 'Wait for the disable to take effect'
    case 'delete':
      return 'Delete the old key'
    case 'done':
      return 'Done'
    default:
      return assertNever(step)
  }
}

export function stepDetail(step: RotationStep, r: Rotation): string {
  const fresh = r.newKeyId ?? 'the new key'
  switch (step) {
    case 'create':
      return r.ownCredential
        ? `KeyDesk creates a replacement for ${r.oldKeyId} and signs in with it before anything happens to the old key. You see its secret once.`
        : `KeyDesk creates a replacement for ${r.oldKeyId}. You see its secret once.`
    case 'switch':
      return r.ownCredential
        ? `KeyDesk already signs in with ${fresh}. Put it wherever else ${r.oldKeyId} is used, then continue.`
        : `Put ${fresh} wherever ${r.oldKeyId} is used (apps, CI, config files), then continue.`
    case 'disable':
      return `Disabling first is reversible: if something still used ${r.oldKeyId} and breaks, enable it again.`
    case 'wait':
      return `${r.oldKeyId} may still authenticate until the service's caches expire. Continue once the countdown ends and nothing broke.`
    case 'delete':
      return `${r.oldKeyId} is removed for good.`
    case 'done':
      return `${fresh} replaces ${r.oldKeyId}.`
    default:
      return assertNever(step)
  }
}

/** The question before a rotation stops tracking: what stays, including a new key the service may have made. */
export function stopQuestion(r: Rotation, accountLabel: string, now: number): string {
  if (r.step !== 'create') return 'Stop tracking this rotation? Both keys stay as they are.'
  const sent = r.createSent
  if (!sent) return `Stop rotating ${r.oldKeyId}? No new key was asked for yet; ${r.oldKeyId} stays as it is.`
  const asked = `Stop rotating ${r.oldKeyId}? KeyDesk asked for its replacement at ${sent.at}`
  const keeps = `Stopping keeps whatever was made, and ${r.oldKeyId} stays as it is.`
  const text = r.createUnconfirmed
    ? `${asked}, and the answer was lost, so a new key may exist. KeyDesk is still checking: if the key was made, it ` +
      `shows in ${accountLabel}'s key list and KeyDesk tells you in its notifications. ${keeps}`
    : `${asked}, and this rotation has no new key from it. If the service made one anyway, it shows in ` +
      `${accountLabel}'s key list. ${keeps}`
  return timesInWords(text, now)
}
