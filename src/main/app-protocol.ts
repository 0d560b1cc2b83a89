// The app:// scheme: serves the built renderer with the CSP on every response, and nothing outside its folder.
import { CSP, RendererFiles, type RendererFile } from './renderer-files'

function respond(body: ConstructorParameters<typeof Response>[0], status: number, type: string): Response {
  // Every response carries the CSP, refusals included, so no app:// document can ever load without it.
  return new Response(body, { status, headers: { 'content-type': type, 'content-security-policy': CSP } })
}

export function appProtocolHandler(rendererDir: string): (request: Request) => Promise<Response> {
  const files = RendererFiles.load(rendererDir)
  return async (request) => {
    let file: RendererFile | undefined
    try {
      file = files.find(new URL(request.url).pathname)
    } catch {
      return respond('Bad request', 400, 'text/plain')
    }
    return file ? respond(file.body, 200, file.type) : respond('Not found', 404, 'text/plain')
  }
}
