import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'

export default defineConfig({
  main: { build: { externalizeDeps: true } },
  preload: {
    build: {
      // A sandboxed preload cannot require packages: bundle everything but electron.
      externalizeDeps: false,
      // A sandboxed preload must be one CommonJS file; "type":"module" would otherwise give index.mjs.
      rollupOptions: { output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'src/renderer'),
    build: { rollupOptions: { input: resolve(import.meta.dirname, 'src/renderer/index.html') }, minify: true },
  },
})
