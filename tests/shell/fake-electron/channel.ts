// The fake's line to the test process (Node IPC of a forked child, structured-clone serialisation).

export type ToTest =
  | { readonly type: 'load'; readonly windowId: number; readonly url: string }
  | { readonly type: 'send'; readonly windowId: number; readonly channel: string; readonly args: readonly unknown[] }
  | { readonly type: 'reply'; readonly id: number; readonly ok: boolean; readonly value: unknown }
  | { readonly type: 'exit'; readonly code: number; readonly clipboard: string }

export interface Command {
  readonly id: number
  readonly cmd: string
  readonly args: Record<string, unknown>
}

export function toTest(message: ToTest): void {
  process.send?.(message)
}

export function onCommand(run: (cmd: string, args: Record<string, unknown>) => Promise<unknown>): void {
  process.on('message', (raw) => {
    const { id, cmd, args } = raw as Command
    run(cmd, args).then(
      (value) => toTest({ type: 'reply', id, ok: true, value }),
      (err: unknown) => toTest({ type: 'reply', id, ok: false, value: err instanceof Error ? err.stack : String(err) }),
    )
  })
}

/** Ends the process after the last message has left, as Electron's process ends after 'quit'. */
export function exitAfterFlush(code: number, clipboard: string): void {
  if (!process.send) process.exit(code)
  process.send({ type: 'exit', code, clipboard } satisfies ToTest, () => process.exit(code))
}
