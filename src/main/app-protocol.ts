// The app:// scheme: serves the built renderer with the CSP on every response, and nothing outside its folder.
import { readFile } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
}

export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'"

function respond(body: ConstructorParameters<typeof Response>[0], status: number, type: string): Response {
  // Every response carries the CSP, refusals included, so no app:// document can ever load without it.
  return new Response(body, { status, headers: { 'content-type': type, 'content-security-policy': CSP } })
}

export function appProtocolHandler(rendererDir: string): (request: Request) => Promise<Response> {
  const root = normalize(rendererDir) + sep
  return async (request) => {
    let path: string
    try {
      path = decodeURIComponent(new URL(request.url).pathname)
    } catch {
      return respond('Bad request', 400, 'text/plain')
    }
    const file = normalize(join(root, path === '/' ? 'index.html' : path))
    if (!file.startsWith(root)) return respond('Not found', 404, 'text/plain')
    try {
      return respond(await readFile(file), 200, MIME[extname(file)] ?? 'application/octet-stream')
    } catch {
      return respond('Not found', 404, 'text/plain')
    }
  }
}
