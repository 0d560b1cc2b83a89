// Secret files: mode 0600, written atomically (temp file + rename), never over an existing file unless asked.
import { randomBytes } from 'node:crypto'
import { constants } from 'node:fs'
import { readFileSync } from 'node:fs'
import { link, mkdir, open, rename, rm } from 'node:fs/promises'
import { homedir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { AppError } from '../../shared/errors'

export async function writeSecretFile(path: string, content: string, overwrite = false): Promise<void> {
  const tmp = join(dirname(path), `.${randomBytes(6).toString('hex')}.tmp`)
  const handle = await open(tmp, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, 0o600)
  try {
    await handle.writeFile(content, 'utf8')
    await handle.sync()
  } finally {
    await handle.close()
  }
  try {
    if (!overwrite) {
      // link() fails when the target exists, so an existing file is never replaced silently.
      await link(tmp, path).catch((err: NodeJS.ErrnoException) => {
        if (err.code === 'EEXIST')
          throw new AppError('CONFLICT', `${path} already exists: choose another name or confirm replacing it.`)
        throw err
      })
      await rm(tmp, { force: true })
    } else {
      await rename(tmp, path)
    }
  } catch (err) {
    await rm(tmp, { force: true })
    throw err
  }
}

/** Writes a secret file into a folder under a name not yet taken there ("name (2).env"), and returns its path. */
export async function saveInFolder(dir: string, fileName: string, content: string): Promise<string> {
  const safe = basename(fileName).replace(/[^\w.@+-]+/g, '_') || 'export'
  const dot = safe.lastIndexOf('.')
  const [stem, ext] = dot > 0 ? [safe.slice(0, dot), safe.slice(dot)] : [safe, '']
  await mkdir(dir, { recursive: true, mode: 0o700 })
  for (let n = 1; n <= 100; n++) {
    const path = join(dir, n === 1 ? safe : `${stem} (${n})${ext}`)
    try {
      await writeSecretFile(path, content)
      return path
    } catch (err) {
      if (!(err instanceof AppError && err.code === 'CONFLICT')) throw err
    }
  }
  throw new AppError('CONFLICT', `${dir} already holds 100 files named like ${safe}: clear some out and export again.`)
}

/** The user's downloads folder: XDG_DOWNLOAD_DIR from user-dirs.dirs on Linux, else ~/Downloads. */
export function downloadsDir(home = homedir(), env = process.env): string {
  const config = join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'user-dirs.dirs')
  try {
    const line = /^XDG_DOWNLOAD_DIR="(.+)"$/m.exec(readFileSync(config, 'utf8'))?.[1]
    if (line) return line.replace(/^\$HOME/, home)
  } catch {
    // No user-dirs file: the usual name.
  }
  return join(home, 'Downloads')
}
