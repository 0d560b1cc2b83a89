// The browser host's OS notifications (Web Notifications API). In Electron the desktop shell shows its own.

export type Permission = NotificationPermission | 'unsupported'

function notifications(): typeof Notification | undefined {
  return typeof globalThis.Notification === 'function' ? globalThis.Notification : undefined
}

export function permission(): Permission {
  return notifications()?.permission ?? 'unsupported'
}

export async function askPermission(): Promise<Permission> {
  const n = notifications()
  if (!n) return 'unsupported'
  try {
    return await n.requestPermission()
  } catch {
    return n.permission
  }
}

/** Shows one when permitted and the user is not looking at KeyDesk; the in-app list has it either way. */
export function showSystemNotification(title: string, body: string): boolean {
  const n = notifications()
  if (!n || n.permission !== 'granted') return false
  if (document.visibilityState === 'visible' && document.hasFocus()) return false
  try {
    new n(title, { body, tag: `keydesk:${title}` })
    return true
  } catch {
    // Some browsers allow notifications only from a service worker: the in-app list still has it.
    return false
  }
}
