// Copy reaches the real system clipboard (xclip under a virtual X display), is read back before anything says
// "copied", is cleared only while unchanged, and on quit; with no clipboard reachable, the copy fails and says so.
import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'

const run = (cmd: string, args: string[], env: NodeJS.ProcessEnv) =>
  JSON.parse(execFileSync(cmd, args, { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 60_000 })) as Record<
    string,
    unknown
  >
const fixture = ['--import', 'tsx', 'tests/unit/fixtures/clipboard-copy.ts']

describe('the system clipboard', () => {
  it('holds the copied secret read back, keeps what the user copied later, and is cleared on quit', () => {
    const secret = `sk-clip-${process.pid}-secret`
    const out = run('xvfb-run', ['-a', process.execPath, ...fixture, secret], {})
    expect(out).toEqual({
      clearsInSec: 30,
      readBack: secret,
      afterOtherCopy: 'something the user copied',
      afterQuit: '',
    })
  })

  it('refuses to claim a copy where no clipboard can be reached', () => {
    const out = run(process.execPath, [...fixture, 'sk-never-copied'], { DISPLAY: '', WAYLAND_DISPLAY: '' })
    expect(out.clearsInSec).toBeUndefined()
    expect(out.error).toMatch(/No system clipboard could be reached here, so nothing was copied/)
  })
})
