import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { parseArgs } from '../../src/sandbox/cli'
import { USAGE as SANDBOX_USAGE } from '../../src/sandbox/usage'

const run = promisify(execFile)
const TSX = join(process.cwd(), 'node_modules', '.bin', 'tsx')
const readme = readFileSync(join(process.cwd(), 'README.md'), 'utf8')

const flagsOf = (text: string): string[] => [...new Set(text.match(/--[a-z][a-z-]+/g) ?? [])]

describe('--help', () => {
  it('npm run web -- --help describes every option and exits 0', async () => {
    const { stdout } = await run(TSX, ['src/host/cli.ts', '--help'])
    for (const flag of ['--port', '--data-dir', '--demo', '--help']) expect(stdout).toContain(flag)
    expect(stdout).toMatch(/127\.0\.0\.1/)
  })

  it('npm run web with an unknown option says so and shows the usage', async () => {
    const err = await run(TSX, ['src/host/cli.ts', '--bogus']).catch((e: { code: number; stderr: string }) => e)
    expect(err).toMatchObject({ code: 2 })
    expect((err as { stderr: string }).stderr).toContain('usage: npm run web')
  })

  it('npm run sandbox -- --help prints the usage and exits 0', async () => {
    const { stdout } = await run(TSX, ['src/sandbox/cli.ts', '--help'])
    expect(stdout.trim()).toBe(SANDBOX_USAGE)
  })

  it('every flag the sandbox help names is one the sandbox accepts', () => {
    const flags = flagsOf(SANDBOX_USAGE).filter((f) => f !== '--help')
    expect(flags.length).toBeGreaterThanOrEqual(9)
    for (const flag of flags) expect(() => parseArgs([flag, '1'])).not.toThrow()
  })

  it('the README documents every sandbox flag and every fault and clock control', () => {
    for (const flag of flagsOf(SANDBOX_USAGE).filter((f) => f !== '--help')) expect(readme).toContain(`\`${flag}`)
    for (const route of ['config', 'clock', 'reset', 'state']) expect(readme).toContain(`/__sandbox/${route}`)
    for (const field of ['latencyMs', 'faultRate', 'advanceSeconds', 'offsetSeconds', 'X-Sandbox-Token'])
      expect(readme).toContain(field)
  })
})
