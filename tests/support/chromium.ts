// How the tests and the bench start Debian's Chromium. `--password-store=basic` keeps it off the Secret Service: left
// to itself it stores "Chromium Safe Storage" in the private gnome-keyring those runs share with KeyDesk, and a browser
// closed mid-call makes gnome-keyring (Debian 12) abort, which locks every secret for the rest of the run.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--password-store=basic',
]
