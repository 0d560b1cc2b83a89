// Search, filters and the actions that apply to the whole view. The choice persists in preferences.
import { useEffect, useRef } from 'react'
import type { AccountView, ProviderId } from '../../../../shared/model'
import { useDescriptorList, usePrefs } from '../../store/stores'
import { useSlots } from '../../components/slots'
import { FLAG_KINDS } from './flags'
import { STATE_FILTER_WORDS, STATE_FILTERS } from './key-state'
import { useActions } from '../../actions/context'

interface Props {
  readonly account: AccountView | undefined
  readonly shown: number
  readonly total: number
  readonly providers: ReadonlySet<ProviderId>
  readonly onRefresh: () => void
  readonly refreshing: boolean
}

export function KeyToolbar({ account, shown, total, providers, onRefresh, refreshing }: Props) {
  const list = usePrefs((s) => s.list)
  const { setList } = useActions().prefs
  const descriptors = useDescriptorList()
  const { CreateKey } = useSlots()
  const searchId = 'key-search'
  const bar = useRef<HTMLDivElement>(null)
  // A filter popup closes like a menu: on a click elsewhere, or Escape (which returns focus to its summary).
  useEffect(() => {
    const openOnes = (): HTMLDetailsElement[] => [
      ...(bar.current?.querySelectorAll<HTMLDetailsElement>('details[open]') ?? []),
    ]
    const away = (e: MouseEvent): void => {
      for (const d of openOnes()) if (!d.contains(e.target as Node)) d.open = false
    }
    const escape = (e: KeyboardEvent): void => {
      if (e.key !== 'Escape') return
      for (const d of openOnes()) {
        d.open = false
        d.querySelector('summary')?.focus()
      }
    }
    document.addEventListener('mousedown', away)
    document.addEventListener('keydown', escape)
    return () => {
      document.removeEventListener('mousedown', away)
      document.removeEventListener('keydown', escape)
    }
  }, [])
  const toggleIn = (values: readonly string[], v: string): string[] =>
    values.includes(v) ? values.filter((x) => x !== v) : [...values, v]
  const flagCount = list.states.filter((s) => (FLAG_KINDS as readonly string[]).includes(s)).length
  const stateCount = list.states.length - flagCount
  const filtered = list.search.trim() !== '' || list.states.length > 0 || list.providers.length > 0
  return (
    <div ref={bar} className="toolbar" role="group" aria-label="Search, filter and refresh keys">
      <label htmlFor={searchId} className="sr-only">
        Search keys by name, id or account
      </label>
      <input
        id={searchId}
        type="search"
        className="search"
        placeholder="Search name, id or account"
        value={list.search}
        onChange={(e) => setList({ search: e.target.value })}
      />
      <details className="filter">
        <summary>State{stateCount ? ` (${stateCount})` : ': all'}</summary>
        <fieldset>
          <legend className="sr-only">Show keys in these states</legend>
          {STATE_FILTERS.map((s) => (
            <label key={s}>
              <input
                type="checkbox"
                checked={list.states.includes(s)}
                onChange={() => setList({ states: toggleIn(list.states, s) })}
              />{' '}
              {STATE_FILTER_WORDS[s]}
            </label>
          ))}
        </fieldset>
      </details>
      <details className="filter">
        <summary>Flags{flagCount ? ` (${flagCount})` : ': any'}</summary>
        <fieldset>
          <legend className="sr-only">Show only keys with these flags</legend>
          {FLAG_KINDS.map((f) => (
            <label key={f}>
              <input
                type="checkbox"
                checked={list.states.includes(f)}
                onChange={() => setList({ states: toggleIn(list.states, f) })}
              />{' '}
              {f}
            </label>
          ))}
        </fieldset>
      </details>
      {!account && providers.size > 1 && (
        <details className="filter">
          <summary>Provider{list.providers.length ? ` (${list.providers.length})` : ': all'}</summary>
          <fieldset>
            <legend className="sr-only">Show keys of these providers</legend>
            {descriptors
              .filter((d) => providers.has(d.id))
              .map(({ id: p, name }) => (
                <label key={p}>
                  <input
                    type="checkbox"
                    checked={list.providers.includes(p)}
                    onChange={() => setList({ providers: toggleIn(list.providers, p) })}
                  />{' '}
                  {name}
                </label>
              ))}
          </fieldset>
        </details>
      )}
      {filtered && (
        <button type="button" className="ghost" onClick={() => setList({ search: '', states: [], providers: [] })}>
          Clear filters
        </button>
      )}
      <span className="count" aria-live="polite">
        {shown === total
          ? `${total} key${total === 1 ? '' : 's'}`
          : `${shown} of ${total} key${total === 1 ? '' : 's'}`}
      </span>
      <span className="spacer" />
      {!account && (
        <button type="button" onClick={onRefresh} disabled={refreshing}>
          {refreshing ? 'Refreshing…' : 'Refresh all'}
        </button>
      )}
      {account && <CreateKey account={account} />}
    </div>
  )
}
