// The review step, for services whose descriptor asks for one: what will be created, before anything is sent.
import { Fragment } from 'react'
import type { CreateOptionsView } from '../../../../shared/api'
import type { ProviderDescriptor } from '../../../../shared/descriptor'
import type { AccountView } from '../../../../shared/model'
import { choicesOf, type CreateDraft } from './draft'

export function CreateReview({
  descriptor: d,
  account,
  draft,
  options,
}: {
  readonly descriptor: ProviderDescriptor
  readonly account: AccountView
  readonly draft: CreateDraft
  readonly options: CreateOptionsView | null
}) {
  // In one sentence: only each step's first letter is lowered ("waiting for Onqlave…", not "onqlave").
  const stages = d.create.stages.map((s) => s.text.charAt(0).toLowerCase() + s.text.slice(1))
  return (
    <section aria-labelledby="review-title" className="review">
      <h3 id="review-title">Review</h3>
      <dl className="review-facts">
        <dt>Account</dt>
        <dd>
          {account.label}
          {account.facts.tenant ? ` (${account.facts.tenant})` : ''}
        </dd>
        {d.create.fields.map((f) => {
          const value = draft[f.name]
          if (!value) return null
          const shown = f.choices ? (choicesOf(f, options).find((c) => c.id === value)?.text ?? value) : value
          return (
            <Fragment key={f.name}>
              <dt>{f.label}</dt>
              <dd>{shown}</dd>
            </Fragment>
          )
        })}
        <dt>Secret</dt>
        <dd>{draft.keep ? 'Shown once, and kept in your keychain' : 'Shown once; not kept'}</dd>
      </dl>
      <p className="muted">
        {d.name} works in steps: {stages.join(', then ')}. {d.changes.create.effect}
      </p>
    </section>
  )
}
