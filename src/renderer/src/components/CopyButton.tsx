// Copies non-secret text (ids, endpoints) with the browser clipboard; secrets go through the core instead.
import { useState } from 'react'
import { Icon } from './Icon'

export function CopyButton({ text, label }: { readonly text: string; readonly label: string }) {
  const [done, setDone] = useState<'copied' | 'failed' | null>(null)
  const copy = (): void => {
    navigator.clipboard.writeText(text).then(() => setDone('copied'), () => setDone('failed'))
    setTimeout(() => setDone(null), 1500)
  }
  return (
    <button type="button" className="icon-button copy" onClick={copy} aria-label={label} title={done === 'failed' ? 'Copy failed: select and copy by hand' : label}>
      <Icon name={done === 'copied' ? 'check' : 'copy'} />
      <span className="sr-only" aria-live="polite">{done === 'copied' ? 'Copied' : done === 'failed' ? 'Copy failed' : ''}</span>
    </button>
  )
}
