// Onqlave's review step: what will be created, before anything is sent.
import type { CreateOptionsView } from '../../../../shared/api'
import type { AccountView } from '../../../../shared/model'
import type { CreateDraft } from './draft'

export function CreateReview({
  account,
  draft,
  options,
}: {
  readonly account: AccountView
  readonly draft: CreateDraft
  readonly options: CreateOptionsView | null
}) {
  const app = options?.applications.find((a) => a.id === draft.applicationId)
  const arx = options?.clusters.find((c) => c.id === draft.clusterId)
  return (
    <section aria-labelledby="kd-review-title" className="kd-review">
      <h3 id="kd-review-title">Review</h3>
      <dl className="kd-facts">
        <dt>Account</dt>
        <dd>
          {account.label}
          {account.facts.tenant ? ` (${account.facts.tenant})` : ''}
        </dd>
        {app && (
          <>
            <dt>Application</dt>
            <dd>
              {app.name}
              {app.technology ? ` · ${app.technology}` : ''}
            </dd>
          </>
        )}
        <dt>Arx</dt>
        <dd>{arx ? `${arx.name}${arx.encryption ? ` · ${arx.encryption}` : ''}` : draft.clusterId}</dd>
        <dt>Secret</dt>
        <dd>{draft.keep ? 'Shown once, and kept in your keychain' : 'Shown once; not kept'}</dd>
      </dl>
      <p className="kd-muted">
        Onqlave creates the key as pending and activates it in the background. KeyDesk waits for it, then fetches its
        secret — Onqlave hands it out only once.
      </p>
    </section>
  )
}
