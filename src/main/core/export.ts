// Secret files: mode 0600, written atomically (temp file + rename), never over an existing file unless asked.
import { randomBytes } from 'node:crypto'
import { constants } from 'node:fs'
import { link, open, rename, rm } from 'node:fs/promises'
import { dirname, join } from 'node:path'
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
