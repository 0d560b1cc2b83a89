// The row the keyboard is on, with every value the columns cut or hide, in full: shown while the list has focus.
// Screen readers already hear the whole cells, so this line is for the eyes only.
import type { AccountView, KeyRecord } from '../../../../shared/model'
import { useDescriptor } from '../../store/stores'
import { nameLines } from './content-widths'

export function FullValues({
  keyRecord: k,
  account,
  shared,
}: {
  readonly keyRecord: KeyRecord
  readonly account: AccountView | undefined
  readonly shared: boolean
}) {
  const d = useDescriptor(k.provider)
  const { primary, secondary } = nameLines(k, shared)
  const app = [k.extra.applicationName, k.extra.clusterName].filter(Boolean).join(' · ')
  const parts: readonly (readonly [string, string])[] = [
    ['Name', secondary ? `${primary} — ${secondary}` : primary],
    ['Key id', k.keyId],
    ['Account', `${account?.label ?? k.accountId} · ${d.name}`],
    ...(app && app !== secondary && app !== primary ? [['App · Arx', app] as const] : []),
  ]
  return (
    <p className="full-values" data-testid="full-values">
      {parts.map(([label, value]) => (
        <span key={label}>
          <span className="muted">{label}</span>{' '}
          <span className={label === 'Key id' ? 'mono' : undefined}>{value}</span>
        </span>
      ))}
    </p>
  )
}
