// Text from a service (a key's name, an error message) shown to a person. A terminal obeys the control characters in
// what it prints (ESC sequences can retitle the window, set the clipboard or hide lines) and bidirectional overrides
// reorder what is read; both are shown as visible escapes instead, so the text reads as what it is.

/** What is not a control character yet changes the layout: direction marks, overrides and isolates; line separators. */
const LAYOUT = '\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069\\u2028\\u2029'
const UNSAFE = new RegExp(`[\\p{Cc}${LAYOUT}]`, 'gu')
const UNSAFE_BUT_NEWLINE = new RegExp(`(?!\\n)[\\p{Cc}${LAYOUT}]`, 'gu')
// JSON.stringify escapes C0 controls itself, and leaves DEL, the C1 controls and the layout characters raw.
const UNSAFE_IN_JSON = new RegExp(`[\\u007f-\\u009f${LAYOUT}]`, 'g')

const escaped = (c: string): string => `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`

/** `text` with every control and direction character as a visible `\uXXXX`; `lines` keeps line breaks. */
export function printable(text: string, lines = false): string {
  return text.replace(lines ? UNSAFE_BUT_NEWLINE : UNSAFE, escaped)
}

/** `value` as JSON with those characters as `\uXXXX` escapes too: the same values for a program, safe on a terminal. */
export function printableJson(value: unknown, space?: number): string {
  return JSON.stringify(value, null, space).replace(UNSAFE_IN_JSON, escaped)
}
