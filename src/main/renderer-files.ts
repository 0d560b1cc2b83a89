// The built renderer, read into memory once, for the app:// scheme and the browser host. The window asks for its page,
// script and styles while the core lists every account, and a file read from disk waited behind that work at each of
// its steps (open, stat, read, close); from memory each file is one step. The files cannot change under a running
// KeyDesk: a build writes new names, and the app serves the build it started with.
import { readdirSync, readFileSync, statSync, type Dirent } from 'node:fs'
import { extname, join, posix, relative, sep } from 'node:path'

/** The renderer's Content-Security-Policy, sent with its files by the app:// scheme and the browser host alike. */
export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'"

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
}

/** Far above a build (about 0.5 MB in a few files): a wrong folder must not be read into memory whole. */
const MAX_FILES = 500
const MAX_BYTES = 64 * 1024 * 1024

export interface RendererFile {
  readonly body: Buffer
  readonly type: string
}

export class RendererFiles {
  private constructor(private readonly files: ReadonlyMap<string, RendererFile>) {}

  /** Every file under `dir`; none when it does not exist. Throws when one cannot be read, or it is far larger than a build. */
  static load(dir: string): RendererFiles {
    const files = new Map<string, RendererFile>()
    let entries: Dirent[]
    try {
      entries = readdirSync(dir, { recursive: true, withFileTypes: true })
    } catch {
      return new RendererFiles(files)
    }
    let bytes = 0
    for (const entry of entries) {
      if (entry.isDirectory()) continue
      const path = join(entry.parentPath, entry.name)
      bytes += statSync(path).size
      if (files.size >= MAX_FILES || bytes > MAX_BYTES) throw new Error(`${dir} is not a renderer build: too large`)
      // A file of the build that cannot be read fails the start, rather than a page that later misses it.
      const name = relative(dir, path).split(sep).join('/')
      files.set(name, { body: readFileSync(path), type: MIME[extname(name)] ?? 'application/octet-stream' })
    }
    return new RendererFiles(files)
  }

  /**
   * The file a URL path names ("/" is index.html), or undefined: only files of the build are ever served. Throws
   * URIError for a malformed percent-encoding, which the caller answers as a bad request.
   */
  find(urlPath: string): RendererFile | undefined {
    const decoded = decodeURIComponent(urlPath)
    const name = posix.normalize(decoded.replace(/\\/g, '/')).replace(/^\/+/, '') || 'index.html'
    return this.files.get(name)
  }
}
