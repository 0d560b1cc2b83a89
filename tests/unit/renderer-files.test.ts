import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { appProtocolHandler } from '../../src/main/app-protocol'
import { RendererFiles } from '../../src/main/renderer-files'

let root: string
let build: string

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'keydesk-renderer-'))
  build = join(root, 'renderer')
  mkdirSync(join(build, 'assets'), { recursive: true })
  writeFileSync(join(build, 'index.html'), '<!doctype html><title>KeyDesk</title>')
  writeFileSync(join(build, 'assets', 'index-abc.js'), 'console.log(1)')
  writeFileSync(join(root, 'secret.txt'), 'not part of the build')
})
afterEach(() => rmSync(root, { recursive: true, force: true }))

const text = (files: RendererFiles, path: string): string | undefined => files.find(path)?.body.toString('utf8')

describe('the built renderer, read once', () => {
  it('serves the page at / and each file of the build by its path, with its type', () => {
    const files = RendererFiles.load(build)
    expect(text(files, '/')).toBe('<!doctype html><title>KeyDesk</title>')
    expect(files.find('/index.html')?.type).toBe('text/html; charset=utf-8')
    expect(text(files, '/assets/index-abc.js')).toBe('console.log(1)')
    expect(files.find('/assets/index-abc.js')?.type).toBe('text/javascript')
    expect(files.find('/assets')).toBeUndefined()
  })

  it('serves the build it was started with, whatever happens on disk afterwards', () => {
    const files = RendererFiles.load(build)
    writeFileSync(join(build, 'index.html'), 'changed')
    writeFileSync(join(build, 'assets', 'index-new.js'), 'new')
    rmSync(join(build, 'assets', 'index-abc.js'))
    expect(text(files, '/')).toBe('<!doctype html><title>KeyDesk</title>')
    expect(text(files, '/assets/index-abc.js')).toBe('console.log(1)')
    expect(files.find('/assets/index-new.js')).toBeUndefined()
  })

  it('never serves a file outside the build, however the path is spelled', () => {
    const files = RendererFiles.load(build)
    for (const path of [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%5csecret.txt',
      '//../secret.txt',
    ])
      expect(files.find(path), path).toBeUndefined()
  })

  it('refuses a malformed percent-encoding, which the caller answers as a bad request', async () => {
    expect(() => RendererFiles.load(build).find('/%E0%A4%A')).toThrow(URIError)
    const handler = appProtocolHandler(build)
    expect((await handler(new Request('app://keydesk/%E0%A4%A'))).status).toBe(400)
    const page = await handler(new Request('app://keydesk/'))
    expect(page.status).toBe(200)
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'")
    expect(await page.text()).toBe('<!doctype html><title>KeyDesk</title>')
    expect((await handler(new Request('app://keydesk/../secret.txt'))).status).toBe(404)
  })

  it('has nothing to serve for a folder that does not exist, and will not read a folder far larger than a build', () => {
    expect(RendererFiles.load(join(root, 'missing')).find('/')).toBeUndefined()
    const big = join(root, 'big')
    mkdirSync(big)
    for (let i = 0; i < 501; i += 1) writeFileSync(join(big, `f${i}.js`), '')
    expect(() => RendererFiles.load(big)).toThrow(/not a renderer build/)
  })
})
