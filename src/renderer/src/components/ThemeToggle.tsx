import { type Theme } from '../store/prefs'
import { usePrefs } from '../store/stores'
import { Icon, type IconName } from './Icon'
import { useActions } from '../actions/context'

const NEXT: Record<Theme, Theme> = { system: 'light', light: 'dark', dark: 'system' }
const WORDS: Record<Theme, string> = { system: 'Theme: system', light: 'Theme: light', dark: 'Theme: dark' }
const ICON: Record<Theme, IconName> = { system: 'system', light: 'sun', dark: 'moon' }

export function ThemeToggle() {
  const theme = usePrefs((s) => s.theme)
  const { setTheme } = useActions().prefs
  return (
    <button
      type="button"
      className="ghost"
      onClick={() => setTheme(NEXT[theme])}
      title={`Switch to ${NEXT[theme]} theme`}
    >
      <Icon name={ICON[theme]} /> {WORDS[theme]}
    </button>
  )
}
