// Opens the default browser at a URL. The URL is on the opener's and the browser's command line, where every local
// user can read it: only ever a one-time launch URL that expires within a minute.
import { spawn } from 'node:child_process'

export function openBrowser(url: string, platform: NodeJS.Platform = process.platform): Promise<void> {
  const [cmd, args] =
    platform === 'darwin'
      ? ['open', [url]]
      : platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url]]
        : ['xdg-open', [url]]
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: 'ignore', detached: true })
    child.once('error', reject)
    child.once('spawn', () => {
      child.unref()
      resolve()
    })
  })
}
