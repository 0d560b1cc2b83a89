// The key list for one account or for all of them: a selector over per-account state, never a copy of it.
import { useMemo } from 'react'
import type { AccountView, ProviderId } from '../../../../shared/model'
import { useApp, useKeys, usePrefs, usePropagations, useDescriptorList, useDescriptors } from '../../store/stores'
import { EMPTY_KEYS, type AccountKeys } from '../../store/keys'
import { columnsFor } from './columns'
import { KeyDetail } from './KeyDetail'
import { KeyTable } from './KeyTable'
import { KeyToolbar } from './KeyToolbar'
import { LoadStatus } from '../../components/LoadStatus'
import { createListingFacts } from './listing-facts'
import { createListSelector } from './select'
import { useActions } from '../../actions/context'

export function KeyList({ account }: { readonly account: AccountView | undefined }) {
  const view = account?.id ?? 'all'
  const accounts = useApp((s) => s.accounts)
  const detail = useApp((s) => s.detail)
  // One account's view subscribes to that account only, so the others' refreshes do not touch it.
  const slice = useKeys((s) => (account ? s.byAccount[account.id] : s.byAccount))
  const propagation = usePropagations((s) => s.byKey)
  // Not deferred: a keystroke filters the previous answer (cheap) and re-renders only the rows in view, so the
  // matching rows can be painted in the keystroke's own frame (bench rows 4 and 4b).
  const query = usePrefs((s) => s.list)
  const refreshAll = useKeys((s) => s.refreshAll)
  const select = useMemo(() => createListSelector(), [])
  const factsOf = useMemo(() => createListingFacts(), [])

  const byAccount: Readonly<Record<string, AccountKeys>> = account
    ? { [account.id]: (slice as AccountKeys | undefined) ?? EMPTY_KEYS }
    : (slice as Readonly<Record<string, AccountKeys>>)
  const descriptorMap = useDescriptors()
  const rows = select({ view, accounts, byAccount, propagation, query, descriptors: descriptorMap })
  // Per listing, not per keystroke: a search changes the rows, never which names an account's keys share nor how wide
  // the columns must be.
  const { sharedNames, sample } = factsOf(
    account ? [byAccount[account.id]?.keys] : accounts.map((a) => byAccount[a.id]?.keys),
  )
  const inView = useMemo(() => (account ? [account] : accounts), [account, accounts])
  const accountMap = useMemo(() => new Map(accounts.map((a) => [a.id, a])), [accounts])
  const providers = useMemo(() => new Set<ProviderId>(inView.map((a) => a.provider)), [inView])
  const descriptors = useDescriptorList()
  const shownDescriptors = useMemo(() => descriptors.filter((d) => providers.has(d.id)), [descriptors, providers])
  const columns = useMemo(() => columnsFor(!account, shownDescriptors), [account, shownDescriptors])

  const states = inView.map((a) => byAccount[a.id])
  const total = states.reduce((n, s) => n + (s?.keys.length ?? 0), 0)
  const anyLoading = states.some((s) => s?.loading)
  const waiting = states.every((s) => !s || (s.fetchedAt === null && !s.error))
  const failed = account ? [] : accounts.filter((a) => byAccount[a.id]?.error)
  const title = account ? `Keys of ${account.label}` : 'Keys of all accounts'

  return (
    <section className="key-list" aria-label={title} aria-busy={anyLoading}>
      <KeyToolbar
        account={account}
        shown={rows.length}
        total={total}
        providers={providers}
        onRefresh={() => void refreshAll(accounts.map((a) => a.id))}
        refreshing={anyLoading}
      />
      {account && byAccount[account.id]?.error && <LoadStatus accountId={account.id} />}
      {failed.length > 0 && (
        <div className="failures" aria-label="Accounts that could not be listed">
          {failed.map((a) => (
            <LoadStatus key={a.id} accountId={a.id} label={a.label} />
          ))}
        </div>
      )}
      {!account && inView.some((a) => byAccount[a.id]?.loading && byAccount[a.id]?.fetchedAt === null) && (
        <p className="muted loading-accounts" role="status">
          Loading{' '}
          {inView
            .filter((a) => byAccount[a.id]?.loading && byAccount[a.id]?.fetchedAt === null)
            .map((a) => a.label)
            .join(', ')}
          …
        </p>
      )}
      <div className="list-body">
        {rows.length > 0 ? (
          <KeyTable
            rows={rows}
            sample={sample}
            columns={columns}
            accounts={accountMap}
            label={title}
            sharedNames={sharedNames}
          />
        ) : (
          <ListEmpty waiting={waiting && anyLoading} total={total} account={account} />
        )}
        {detail && <KeyDetail uid={detail} />}
      </div>
    </section>
  )
}

function ListEmpty({
  waiting,
  total,
  account,
}: {
  readonly waiting: boolean
  readonly total: number
  readonly account: AccountView | undefined
}) {
  const { setList } = useActions().prefs
  if (waiting)
    return (
      <div className="list-empty" role="status">
        <span className="spinner" aria-hidden="true" /> Loading keys…
      </div>
    )
  if (total > 0) {
    return (
      <div className="list-empty">
        <p>No keys match the search and filters.</p>
        <button type="button" onClick={() => setList({ search: '', states: [], providers: [] })}>
          Clear filters
        </button>
      </div>
    )
  }
  return (
    <div className="list-empty">
      <p>{account ? `${account.label} has no API keys yet.` : 'No API keys yet.'}</p>
      {account && <p className="muted">Use “Create key” above to make one.</p>}
    </div>
  )
}
