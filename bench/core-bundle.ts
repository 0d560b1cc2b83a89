// Bundles bench/core-child.ts the way electron-vite bundles the main process (sources in, packages external), so the
// core's memory is measured without a TypeScript loader thread in the same process.
import { join } from 'node:path'
import { build } from 'vite'
import { ROOT } from './procs'

const OUT_DIR = join(ROOT, 'node_modules/.cache/keydesk-bench')

export async function bundleCoreChild(): Promise<string> {
  await build({
    configFile: false,
    logLevel: 'warn',
    root: ROOT,
    build: {
      ssr: 'bench/core-child.ts',
      outDir: OUT_DIR,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      rollupOptions: { output: { format: 'es', entryFileNames: '[name].mjs' } },
    },
  })
  return join(OUT_DIR, 'core-child.mjs')
}
