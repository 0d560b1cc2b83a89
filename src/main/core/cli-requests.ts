// The requests added for the command line and the audit log: reading the log, writing a secret to a named file,
// and shaping a kept secret for a program. AppCore refuses the last two unless the command line asks.
import { isAbsolute } from 'node:path'
import type { z } from 'zod'
import type { RequestResult, Requests } from '../../shared/api'
import { AppError } from '../../shared/errors'
import type { AuditLog } from './audit'
import { writeSecretFile } from './export'
import type { SecretCustody } from './keys/custody'

type Handler<C extends 'audit.list' | 'keys.exportTo' | 'keys.secretForProgram'> = (
  input: z.output<Requests[C]['input']>,
) => Promise<RequestResult<C>>

export function cliHandlers(core: { readonly audit: AuditLog; readonly custody: SecretCustody }): {
  'audit.list': Handler<'audit.list'>
  'keys.exportTo': Handler<'keys.exportTo'>
  'keys.secretForProgram': Handler<'keys.secretForProgram'>
} {
  return {
    'audit.list': async (query) => core.audit.read(query ?? {}),
    'keys.exportTo': async (input) => {
      if (!isAbsolute(input.path))
        throw new AppError('INVALID_INPUT', `Give the export an absolute path, not "${input.path}".`)
      const file = await core.custody.exportFile(input, input.format)
      await writeSecretFile(input.path, file.content, input.overwrite ?? false)
      return { savedTo: input.path }
    },
    'keys.secretForProgram': async (input) => core.custody.forProgram(input, input.home ?? false),
  }
}
