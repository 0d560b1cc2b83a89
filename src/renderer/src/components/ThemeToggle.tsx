import { usePrefs, type Theme } from '../store/prefs'

const NEXT: Record<Theme, Theme> = { system: 'light', light: 'dark', dark: 'system' }
const WORDS: Record<Theme, string> = { system: 'Theme: system', light: 'Theme: light', dark: 'Theme: dark' }
const ICON: Record<Theme, string> = { system: '◐', light: '☀', dark: '☾' }

export function ThemeToggle() {
  const theme = usePrefs((s) => s.theme)
  const setTheme = usePrefs((s) => s.setTheme)
  return (
    <button type="button" className="ghost" onClick={() => setTheme(NEXT[theme])} title={`Switch to ${NEXT[theme]} theme`}>
      <span aria-hidden="true">{ICON[theme]}</span> {WORDS[theme]}
    </button>
  )
}
