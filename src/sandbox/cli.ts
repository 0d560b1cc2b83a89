// `npm run sandbox -- [flags]`: prints {"url","accounts"} as the first stdout line, then serves until SIGINT/SIGTERM.
import { pathToFileURL } from 'node:url'
import { startSandbox, type SandboxOptions } from './index'
import { USAGE } from './usage'

type NumberFlag =
  | 'port'
  | 'propagationSeconds'
  | 'activationSeconds'
  | 'latencyMs'
  | 'faultRate'
  | 'keysPerAccount'
  | 'accountsPerProvider'

const NUMBER_FLAGS: Readonly<Record<string, NumberFlag>> = {
  '--port': 'port',
  '--propagation-seconds': 'propagationSeconds',
  '--activation-seconds': 'activationSeconds',
  '--latency-ms': 'latencyMs',
  '--fault-rate': 'faultRate',
  '--keys-per-account': 'keysPerAccount',
  '--accounts-per-provider': 'accountsPerProvider',
}

class UsageError extends Error {}

export function parseArgs(args: readonly string[]): SandboxOptions {
  const options: SandboxOptions = {}
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? ''
    const eq = arg.indexOf('=')
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg
    const inline = arg.startsWith('--') && eq > 0 ? arg.slice(eq + 1) : undefined
    const value = (): string => {
      const v = inline ?? args[++i]
      if (v === undefined || v === '') throw new UsageError(`${flag} needs a value`)
      return v
    }
    const numberKey = Object.hasOwn(NUMBER_FLAGS, flag) ? NUMBER_FLAGS[flag] : undefined
    if (numberKey) {
      const text = value()
      const n = Number(text)
      if (!/^-?\d+(\.\d+)?$/.test(text) || !Number.isFinite(n))
        throw new UsageError(`${flag} must be a number, not "${text}"`)
      options[numberKey] = n
    } else if (flag === '--seed') options.seed = value()
    else if (flag === '--state-file') options.stateFile = value()
    else throw new UsageError(`unknown option "${arg}"`)
  }
  return options
}

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${USAGE}\n`)
    return
  }
  let options: SandboxOptions
  try {
    options = parseArgs(args)
    const sandbox = await startSandbox(options)
    process.stderr.write(
      `sandbox: listening on ${sandbox.url}\nsandbox: control token (X-Sandbox-Token): ${sandbox.controlToken}\n`,
    )
    for (const u of sandbox.spaceone.users) {
      process.stderr.write(
        `sandbox: ${u.label} user ${u.userId} (${u.role}) in ${u.domainId}, password ${u.password}\n`,
      )
    }
    const cf2 = sandbox.spaceone2
    process.stderr.write(`sandbox: Cloudforet 2.x at ${cf2.endpoint}, domain name ${cf2.users[0]?.domainName ?? '?'}\n`)
    for (const u of cf2.users) {
      process.stderr.write(`sandbox: Cloudforet 2.x user ${u.userId} (${u.role}), password ${u.password}\n`)
    }
    process.stderr.write(
      `sandbox: Cloudforet 2.x secrets: credential app ${cf2.secrets.credential}\n` +
        `sandbox: Cloudforet 2.x secrets: workspace app ${cf2.secrets.workspace}\n`,
    )
    process.stdout.write(`${JSON.stringify({ url: sandbox.url, accounts: sandbox.accounts })}\n`)
    let stopping = false
    const stop = (): void => {
      if (stopping) process.exit(1)
      stopping = true
      sandbox.close().then(
        () => process.exit(0),
        () => process.exit(1),
      )
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  } catch (error) {
    const usage = error instanceof UsageError || error instanceof RangeError
    process.stderr.write(
      `sandbox: ${error instanceof Error ? error.message : String(error)}\n${usage ? `${USAGE}\n` : ''}`,
    )
    process.exit(usage ? 2 : 1)
  }
}

// Run only as a program, so tests can import parseArgs without starting a sandbox.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) void main()
