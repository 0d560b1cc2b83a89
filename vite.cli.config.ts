// Builds the `keydesk` command line into one ES module, out/cli/keydesk.js, so a command starts without compiling
// TypeScript. Dependencies stay in node_modules (as for the Electron main bundle).
import { builtinModules } from 'node:module'
import { resolve } from 'node:path'
import { defineConfig } from 'vite'
import pkg from './package.json' with { type: 'json' }

const external = [...builtinModules, ...builtinModules.map((m) => `node:${m}`), ...Object.keys(pkg.dependencies)]

export default defineConfig({
  build: {
    ssr: true,
    outDir: resolve(import.meta.dirname, 'out/cli'),
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rollupOptions: {
      // The keychain helper runs as its own process, from a file beside the bundle (vault-client's forkVaultHelper).
      input: {
        keydesk: resolve(import.meta.dirname, 'src/cli/index.ts'),
        'vault-helper': resolve(import.meta.dirname, 'src/main/core/vault-helper.ts'),
      },
      external: (id) => external.some((e) => id === e || id.startsWith(`${e}/`)),
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name].js' },
    },
  },
  ssr: { noExternal: true },
})
