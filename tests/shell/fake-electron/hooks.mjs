// Module resolution hook: 'electron' (the main-process module) resolves to the fake; everything else as usual.
const fake = new URL('./electron.ts', import.meta.url).href

export async function resolve(specifier, context, next) {
  // Resolved through the rest of the chain, so the TypeScript loader (tsx) also sees the fake.
  return next(specifier === 'electron' ? fake : specifier, context)
}
