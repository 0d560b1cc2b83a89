// Types for electron-binary.mjs, so the tests that import it stay typed.
export type Obtained =
  { readonly exe: string; readonly reason?: undefined } | { readonly reason: string; readonly exe?: undefined }
export interface ObtainOptions {
  readonly dir?: string
  readonly env?: NodeJS.ProcessEnv
  readonly log?: (line: string) => void
}
export function electronPackageDir(from?: string): string
export function installedElectron(dir: string, env: NodeJS.ProcessEnv): Obtained | null
export function downloadElectron(dir: string, env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<Obtained>
export function obtainElectron(options?: ObtainOptions): Promise<Obtained>
