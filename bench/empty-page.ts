// A loopback server with one empty HTML page: the browser's own floor for loading a page.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

const EMPTY =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>empty</title></head><body></body></html>'

export async function startEmptyPage(): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
    res.end(EMPTY)
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
