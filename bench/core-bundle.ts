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
      // The keychain helper is a process of its own, forked from vault-helper.js next to the core (as in out/main).
      ssr: true,
      outDir: OUT_DIR,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      rollupOptions: {
        input: { 'core-child': 'bench/core-child.ts', 'vault-helper': 'src/main/core/vault-helper.ts' },
        output: {
          format: 'es',
          entryFileNames: (chunk) => (chunk.name === 'vault-helper' ? '[name].js' : '[name].mjs'),
        },
      },
    },
  })
  return join(OUT_DIR, 'core-child.mjs')
}
