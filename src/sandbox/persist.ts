// The optional state file that lets demo mode survive restarts. It holds secrets, so it is written 0600, atomically.
import { readFileSync, renameSync } from 'node:fs'
import { rename, rm, writeFile } from 'node:fs/promises'
import { StateFile } from './state'

const THROTTLE_MS = 250

/** The saved state, or undefined when there is none or it is unreadable (then kept aside as `<file>.corrupt`). */
export function loadStateFile(path: string, log: (line: string) => void): StateFile | undefined {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch {
    return undefined
  }
  let parsed: ReturnType<typeof StateFile.safeParse> | undefined
  try {
    parsed = StateFile.safeParse(JSON.parse(text))
  } catch {
    parsed = undefined
  }
  if (parsed?.success) return parsed.data
  try {
    renameSync(path, `${path}.corrupt`)
    log(`sandbox: the state file is unreadable; kept it as ${path}.corrupt and started from the seed`)
  } catch {
    log('sandbox: the state file is unreadable; started from the seed')
  }
  return undefined
}

export interface Saver {
  changed(): void
  /** Writes any pending change now. */
  flush(): Promise<void>
}

/** Writes at most every THROTTLE_MS while changes keep coming. */
export function stateSaver(path: string, snapshot: () => StateFile, log: (line: string) => void): Saver {
  let timer: NodeJS.Timeout | undefined
  let dirty = false
  let writing: Promise<void> = Promise.resolve()

  const write = async (): Promise<void> => {
    timer = undefined
    if (!dirty) return
    dirty = false
    const tmp = `${path}.${process.pid}.tmp`
    try {
      // A leftover temp file could have looser permissions; `mode` only applies to a new file.
      await rm(tmp, { force: true })
      await writeFile(tmp, JSON.stringify(snapshot()), { mode: 0o600, flag: 'wx' })
      await rename(tmp, path)
    } catch (error) {
      log(`sandbox: could not save the state file: ${error instanceof Error ? error.message : String(error)}`)
      await rm(tmp, { force: true }).catch(() => undefined)
    }
  }

  return {
    changed: () => {
      dirty = true
      timer ??= setTimeout(() => {
        writing = writing.then(write)
      }, THROTTLE_MS)
    },
    flush: async () => {
      if (timer) clearTimeout(timer)
      writing = writing.then(write)
      await writing
    },
  }
}
