// Preferences, the app lock, and moving account lists in and out (credentials only sealed with a passphrase), one tab
// each so none is a long scroll.
import { useId, useState, type ReactNode } from 'react'
import { useActions } from '../../actions/context'
import { Dialog } from '../../components/Dialog'
import { ProblemMessage } from '../../components/ProblemMessage'
import { useApp, usePrefs } from '../../store/stores'
import { type Theme } from '../../store/prefs'
import { useSubmit } from '../../components/useSubmit'
import { Tabs } from '../../components/Tabs'

const THEMES: readonly (readonly [Theme, string])[] = [
  ['system', 'Follow the system'],
  ['light', 'Light'],
  ['dark', 'Dark'],
]

export function SettingsDialog({
  open,
  onOpenChange,
  importer,
  lock,
}: {
  readonly open: boolean
  readonly onOpenChange: (o: boolean) => void
  /** Importing accounts, from the accounts feature (the shell hands it over). */
  readonly importer?: ReactNode
  /** The app lock's passphrase and idle time, from the lock feature. */
  readonly lock?: ReactNode
}) {
  return (
    <Dialog open={open} onClose={() => onOpenChange(false)} title="Settings" wide>
      <Tabs
        label="Settings"
        tabs={[
          {
            id: 'general',
            label: 'General',
            content: (
              <>
                <Preferences />
                <About />
              </>
            ),
          },
          ...(lock ? [{ id: 'lock', label: 'App lock', content: lock }] : []),
          {
            id: 'accounts',
            label: 'Import and export',
            content: (
              <>
                {importer}
                <ExportAccounts />
              </>
            ),
          },
        ]}
      />
    </Dialog>
  )
}

function Preferences() {
  const { theme, keepSecretsByDefault, clipboardClearSec, saveError } = usePrefs((s) => s)
  const { setTheme, save } = useActions().prefs
  const id = useId()
  return (
    <section className="form" aria-labelledby={`${id}-t`}>
      <h3 id={`${id}-t`}>Preferences</h3>
      <fieldset className="inline">
        <legend>Theme</legend>
        {THEMES.map(([t, words]) => (
          <label key={t}>
            <input type="radio" name="theme" checked={theme === t} onChange={() => setTheme(t)} /> {words}
          </label>
        ))}
      </fieldset>
      <label>
        <input
          type="checkbox"
          checked={keepSecretsByDefault}
          onChange={(e) => void save({ keepSecretsByDefault: e.target.checked })}
        />{' '}
        Keep new keys' secrets in the keychain by default
      </label>
      <div className="field">
        <label htmlFor={`${id}-c`}>Clear a copied secret from the clipboard after</label>
        <select
          id={`${id}-c`}
          value={clipboardClearSec}
          onChange={(e) => void save({ clipboardClearSec: Number(e.target.value) })}
        >
          {[10, 30, 60, 120, 300].map((s) => (
            <option key={s} value={s}>
              {s} seconds
            </option>
          ))}
        </select>
      </div>
      {saveError && (
        <p role="alert" className="field-error">
          {saveError}
        </p>
      )}
    </section>
  )
}

function ExportAccounts() {
  const { busy, problem, run } = useSubmit()
  const [done, setDone] = useState<string | null>(null)
  const [passphrase, setPassphrase] = useState('')
  const actions = useActions()
  const id = useId()
  const sealed = passphrase.length > 0
  const exportNow = (): void => {
    setDone(null)
    void run(async () => {
      setDone(`${await actions.accounts.export(sealed ? passphrase : undefined)}.`)
      setPassphrase('')
    })
  }
  return (
    <section>
      <h3>Export accounts</h3>
      <p className="hint">
        Labels, services and endpoints. Import the file on another computer, then enter each credential once — or give a
        passphrase to include the credentials, encrypted with it.
      </p>
      <div className="field">
        <label htmlFor={`${id}-p`}>Passphrase (optional, at least 10 characters)</label>
        <input
          id={`${id}-p`}
          type="password"
          autoComplete="new-password"
          value={passphrase}
          onChange={(e) => setPassphrase(e.target.value)}
        />
      </div>
      <button type="button" onClick={exportNow} disabled={busy}>
        {busy ? 'Exporting…' : sealed ? 'Export accounts with credentials' : 'Export accounts (no credentials)'}
      </button>
      {done && <p role="status">{done}</p>}
      {problem && <ProblemMessage problem={problem} />}
    </section>
  )
}

function About() {
  const info = useApp((s) => s.info)
  if (!info) return null
  return (
    <section>
      <h3>About</h3>
      <p className="muted">
        {info.name} {info.version} · {info.host === 'browser' ? 'browser host' : 'desktop'} · {info.platform}
      </p>
      <p className="muted">
        Data folder: <span className="mono">{info.dataDir}</span>
      </p>
    </section>
  )
}
