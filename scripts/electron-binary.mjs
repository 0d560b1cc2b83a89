// Finds or fetches the Electron binary the way the electron package does, without require('electron')
// (which would download with no progress and throw a generic message).
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'

/** A download that delivers nothing for this long has stalled: give up rather than hang `npm start`. */
const STALL_MS = 60_000

export function electronPackageDir(from = import.meta.url) {
  return dirname(createRequire(from).resolve('electron/package.json'))
}

/** The executable's path inside a dist folder, as electron's install.js names it (path.txt). */
function platformPath(env) {
  const platform = env.ELECTRON_INSTALL_PLATFORM || env.npm_config_platform || process.platform
  if (platform === 'darwin' || platform === 'mas') return 'Electron.app/Contents/MacOS/Electron'
  if (platform === 'win32') return 'electron.exe'
  return 'electron'
}

function readPathTxt(dir) {
  const file = join(dir, 'path.txt')
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : null
}

/** What the electron package would run now, without downloading; null when it would have to download. */
export function installedElectron(dir, env) {
  const pathTxt = readPathTxt(dir)
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    // Same rule as node_modules/electron/index.js: the override folder, path.txt or "electron" inside it.
    const exe = join(env.ELECTRON_OVERRIDE_DIST_PATH, pathTxt || 'electron')
    return existsSync(exe) ? { exe } : { reason: `ELECTRON_OVERRIDE_DIST_PATH is set, but ${exe} does not exist` }
  }
  if (!pathTxt) return null
  const exe = join(dir, 'dist', pathTxt)
  return existsSync(exe) ? { exe } : null
}

function describe(err) {
  const cause = err?.cause
  const detail = cause?.code ?? cause?.message ?? err?.message ?? String(err)
  const host = cause?.hostname ?? cause?.address
  return host ? `${detail} ${host}` : detail
}

/**
 * Downloads Electron with @electron/get (the electron package's own downloader, same version, checksums, mirror
 * and cache variables) to show progress, then runs the package's install.js, which finds it in the cache, unpacks
 * it and writes path.txt. Resolves { exe } or { reason } in one line.
 */
export async function downloadElectron(dir, env, log) {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
  const require = createRequire(join(dir, 'package.json'))
  const { downloadArtifact } = await import(pathToFileURL(require.resolve('@electron/get')).href)
  const platform = env.ELECTRON_INSTALL_PLATFORM || env.npm_config_platform || process.platform
  const arch = env.ELECTRON_INSTALL_ARCH || env.npm_config_arch || process.arch
  log(`Downloading Electron ${pkg.version} for ${platform}-${arch} (once; it is kept in Electron's cache)…`)
  const stall = new AbortController()
  let timer = setTimeout(() => stall.abort(), STALL_MS)
  let shown = -1
  try {
    await downloadArtifact({
      version: pkg.version,
      artifactName: 'electron',
      platform,
      arch,
      cacheRoot: env.electron_config_cache,
      checksums: JSON.parse(readFileSync(join(dir, 'checksums.json'), 'utf8')),
      downloadOptions: {
        quiet: true,
        signal: stall.signal,
        getProgressCallback: ({ percent }) => {
          clearTimeout(timer)
          timer = setTimeout(() => stall.abort(), STALL_MS)
          const tenth = Math.floor(percent * 10)
          if (tenth > shown) {
            shown = tenth
            log(`  Electron download ${tenth * 10}%`)
          }
        },
      },
    })
  } catch (err) {
    const why = stall.signal.aborted ? `no data for ${STALL_MS / 1000} s` : describe(err)
    return { reason: `the Electron download failed (${why})` }
  } finally {
    clearTimeout(timer)
  }
  const install = spawnSync(process.execPath, [join(dir, 'install.js')], { stdio: 'inherit', env })
  if (install.status !== 0)
    return { reason: `Electron's installer could not unpack the download (exit ${install.status})` }
  const pathTxt = readPathTxt(dir) ?? platformPath(env)
  const exe = join(dir, 'dist', pathTxt)
  return existsSync(exe) ? { exe } : { reason: `Electron's installer finished, but ${exe} does not exist` }
}

/** The binary to run, found or fetched; { reason } when it cannot be had. */
export async function obtainElectron({ dir = electronPackageDir(), env = process.env, log = console.log } = {}) {
  return installedElectron(dir, env) ?? (await downloadElectron(dir, env, log))
}
