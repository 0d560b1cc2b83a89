// The installers' configuration, checked as far as this machine allows: electron-builder's own schema, and a real
// `electron-builder --linux dir` against a stub Electron that carries the fuse wire, then the asar and fuses read back.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { listPackage } from '@electron/asar'
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { parse } from 'yaml'

const root = join(import.meta.dirname, '../..')
/** getCurrentFuseWire reports each fuse as the byte on the wire: ASCII '1' on, '0' off (@electron/fuses FuseState). */
const ON = '1'.charCodeAt(0)
const OFF = '0'.charCodeAt(0)
const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>

/** electron-builder's own validation, resolved from electron-builder so it is the copy the CLI runs. */
async function validate(candidate: unknown): Promise<string | null> {
  const fromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder'))
  const { validateConfiguration } = fromBuilder('app-builder-lib/out/util/config/config') as {
    validateConfiguration(c: unknown, logger: unknown): Promise<void>
  }
  const { DebugLogger } = fromBuilder('builder-util') as { DebugLogger: new (enabled: boolean) => unknown }
  try {
    await validateConfiguration(candidate, new DebugLogger(false))
    return null
  } catch (err) {
    return err instanceof Error ? err.message : String(err)
  }
}

/**
 * A stand-in for Electron's binary: a shell script holding the fuse sentinel, wire version 1, the fuse count and the
 * fuses as Electron 45 ships them (RunAsNode, NODE_OPTIONS, inspector and file:// privileges on; the rest off).
 */
function stubElectronDist(dir: string): void {
  const wire = Buffer.concat([
    Buffer.from('#!/bin/sh\n# stub Electron for packaging tests\nexit 0\n'),
    Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'),
    Buffer.from([1, 8]),
    Buffer.from('10110001'),
  ])
  writeFileSync(join(dir, 'electron'), wire, { mode: 0o755 })
}

describe('installer configuration', () => {
  test('passes electron-builder’s schema, which does refuse a misspelt fuse', async () => {
    expect(await validate(config)).toBeNull()
    expect(await validate({ ...config, electronFuses: { runAsNod: false } })).toMatch(/configuration\.electronFuses/)
  })

  test('names the app and its icons for every platform, from files that exist', () => {
    expect(config).toMatchObject({ appId: 'dev.keydesk.app', productName: 'KeyDesk' })
    const icons = ['resources/icon.icns', 'resources/icon.ico', 'resources/icon.png', 'resources/icons/512x512.png']
    for (const icon of icons) expect(existsSync(join(root, icon)), icon).toBe(true)
    expect(readFileSync(join(root, 'resources/icon.icns')).subarray(0, 4).toString()).toBe('icns')
    expect([...readFileSync(join(root, 'resources/icon.ico')).subarray(0, 4)]).toEqual([0, 0, 1, 0])
  })
})

describe('electron-builder --linux dir against a stub Electron', () => {
  let work: string
  let out: string
  let build: ReturnType<typeof spawnSync>
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'keydesk-pack-'))
    const dist = join(work, 'electron-dist')
    out = join(work, 'out')
    mkdirSync(dist)
    stubElectronDist(dist)
    build = spawnSync(
      'npx',
      [
        'electron-builder',
        '--linux',
        'dir',
        '--publish',
        'never',
        `-c.electronDist=${dist}`,
        `-c.directories.output=${out}`,
      ],
      { cwd: root, encoding: 'utf8', timeout: 170_000 },
    )
  })
  afterAll(() => rmSync(work, { recursive: true, force: true }))

  test('packs only what runs: the built app, the shell’s icons and production dependencies, keytar unpacked', () => {
    expect(build.status, String(build.stdout) + String(build.stderr)).toBe(0)
    const asar = join(out, 'linux-unpacked/resources/app.asar')
    const files = listPackage(asar, { isPack: false })
    const top = new Set(files.map((f) => f.split('/')[1]))
    expect([...top].sort()).toEqual(['node_modules', 'out', 'package.json', 'resources'])
    expect(files).toEqual(
      expect.arrayContaining(['/out/main/index.js', '/out/preload/index.cjs', '/out/renderer/index.html']),
    )
    expect(files.filter((f) => f.startsWith('/resources/')).sort()).toEqual([
      '/resources/icon.png',
      '/resources/tray.png',
      '/resources/trayTemplate.png',
      '/resources/trayTemplate@2x.png',
    ])
    const modules = new Set(files.filter((f) => /^\/node_modules\/[^/]+$/.test(f)).map((f) => f.slice(14)))
    for (const runtime of ['conf', 'electron-store', 'keytar', 'yaml', 'zod']) expect(modules).toContain(runtime)
    // The keychain helper's D-Bus client (its lock check).
    expect(files).toContain('/node_modules/@particle/dbus-next/index.js')
    for (const devOnly of [
      'electron',
      'electron-builder',
      'vitest',
      'react',
      'react-dom',
      'lucide',
      'typescript',
      'tsx',
    ])
      expect(modules).not.toContain(devOnly)
    expect(files.some((f) => f.endsWith('.map') || f.startsWith('/src/') || f.startsWith('/tests/'))).toBe(false)
    expect(
      existsSync(join(out, 'linux-unpacked/resources/app.asar.unpacked/node_modules/keytar/build/Release/keytar.node')),
    ).toBe(true)
  })

  test('sets the fuses of a credential manager in the packaged binary', async () => {
    const wire = await getCurrentFuseWire(join(out, 'linux-unpacked/keydesk'))
    expect({
      runAsNode: wire[FuseV1Options.RunAsNode],
      cookieEncryption: wire[FuseV1Options.EnableCookieEncryption],
      nodeOptions: wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable],
      inspectArguments: wire[FuseV1Options.EnableNodeCliInspectArguments],
      asarIntegrity: wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation],
      onlyLoadFromAsar: wire[FuseV1Options.OnlyLoadAppFromAsar],
      fileProtocolPrivileges: wire[FuseV1Options.GrantFileProtocolExtraPrivileges],
    }).toEqual({
      runAsNode: OFF,
      cookieEncryption: ON,
      nodeOptions: OFF,
      inspectArguments: OFF,
      asarIntegrity: ON,
      onlyLoadFromAsar: ON,
      fileProtocolPrivileges: OFF,
    })
  })
})
