// The host's log (every request to a service is a line on stderr): the lines of one turn of the event loop go out as
// one write, so a refresh of thirty accounts answered together costs one write to the terminal or pipe, not thirty.

export function lineLog(out: Pick<NodeJS.WritableStream, 'write'>): (line: string) => void {
  let pending: string[] = []
  return (line) => {
    if (pending.length === 0) {
      setImmediate(() => {
        const text = pending.join('')
        pending = []
        out.write(text)
      })
    }
    pending.push(`${line}\n`)
  }
}
