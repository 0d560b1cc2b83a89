// Tabs as the ARIA pattern has them: arrow keys, Home and End move between tabs (and choose them), and only the chosen
// tab is in the Tab order; the panel shows the chosen tab's content.
import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'

export interface Tab {
  readonly id: string
  readonly label: string
  readonly content: ReactNode
}

export function Tabs({ tabs, label }: { readonly tabs: readonly Tab[]; readonly label: string }) {
  const [chosen, setChosen] = useState(tabs[0]?.id)
  const id = useId()
  const list = useRef<HTMLDivElement>(null)
  const current = tabs.find((t) => t.id === chosen) ?? tabs[0]
  if (!current) return null
  const move = (e: KeyboardEvent): void => {
    const at = tabs.indexOf(current)
    const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 }[e.key]
    if (next === undefined) return
    e.preventDefault()
    const tab = tabs[(next + tabs.length) % tabs.length]
    if (!tab) return
    setChosen(tab.id)
    list.current?.querySelector<HTMLButtonElement>(`#${CSS.escape(`${id}-${tab.id}`)}`)?.focus()
  }
  return (
    <>
      <div role="tablist" aria-label={label} className="tabs" ref={list} onKeyDown={move}>
        {tabs.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`${id}-${t.id}`}
            aria-selected={t === current}
            aria-controls={`${id}-panel`}
            tabIndex={t === current ? 0 : -1}
            onClick={() => setChosen(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-${current.id}`} className="tab-panel">
        {current.content}
      </div>
    </>
  )
}
