import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

/** Where the H5 build lands and what it is built from. */
export const ROOT = join(__dirname, '..', '..')
export const H5_DIR = join(ROOT, 'miniprogram', 'dist', 'h5')

const newestMtime = (dir: string): number => {
  if (!existsSync(dir)) return 0
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs)
  }
  return newest
}

/** True when the H5 build is missing or older than the app's sources or the shared code. */
export const h5IsStale = (): boolean => {
  const index = join(H5_DIR, 'index.html')
  if (!existsSync(index)) return true
  const sources = Math.max(
    newestMtime(join(ROOT, 'miniprogram', 'src')),
    newestMtime(join(ROOT, 'miniprogram', 'config')),
    newestMtime(join(ROOT, 'shared')),
  )
  return statSync(index).mtimeMs < sources
}

/** Build the H5 app when stale; a first build takes about a minute, so say so. */
export const ensureH5Build = (): void => {
  if (!h5IsStale()) return
  console.log('正在构建 H5 前端（首次约需一分钟）… / building the H5 app (about a minute the first time)')
  // Jest sets NODE_ENV=test; a Taro build under it injects dev-only React refresh hooks.
  const run = spawnSync('npm', ['run', 'build:h5'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  })
  if (run.status !== 0) throw new Error('H5 build failed (npm run build:h5)')
}
