// Electronegativity 1.10.3 requires 'commander' without declaring it, and relied on the hoisted commander 5 of
// @electron/asar. The keydesk CLI's commander 15 is hoisted now, and its API breaks Electronegativity
// ("version is not a function"); this hands it the commander 5 its own dependency tree carries.
const Module = require('node:module')
const { dirname, join } = require('node:path')

const tool = dirname(require.resolve('@doyensec/electronegativity/package.json'))
const asar = dirname(require.resolve('@electron/asar/package.json', { paths: [tool] }))
const commander5 = require.resolve('commander', { paths: [join(asar, 'node_modules')] })
const resolve = Module._resolveFilename
Module._resolveFilename = function (request, parent, ...rest) {
  if (request === 'commander' && parent?.filename?.startsWith(tool)) return commander5
  return resolve.call(this, request, parent, ...rest)
}
