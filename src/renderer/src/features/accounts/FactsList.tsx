import type { AccountFacts } from '../../../../shared/model'

const LABELS: readonly (readonly [keyof AccountFacts, string])[] = [
  ['user', 'User'],
  ['userId', 'User id'],
  ['domain', 'Domain'],
  ['tenant', 'Tenant'],
  ['organization', 'Organization'],
  ['ownKeyId', 'Own key id'],
]

export function FactsList({ facts, endpoint }: { readonly facts: AccountFacts; readonly endpoint?: string }) {
  const rows = LABELS.filter(([k]) => facts[k])
  return (
    <dl className="facts">
      {rows.map(([k, label]) => (
        <div key={k}>
          <dt>{label}</dt>
          <dd>{facts[k]}</dd>
        </div>
      ))}
      {endpoint && (
        <div>
          <dt>Endpoint</dt>
          <dd className="mono">{endpoint}</dd>
        </div>
      )}
    </dl>
  )
}
