/**
 * `npm start`: everything locally over the embedded database — the HTTP functions under
 * /api/*, the mini-program's H5 build at /, and the scheduler — on http://localhost:8787.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { bootLocal, readHostLock, removeHostLock, writeHostLock } from '../functions/local/boot'
import { createLocalHost } from '../functions/local/host'
import { parseEnv } from '../functions/platform/env'
import { logger } from '../functions/platform/logger'

const root = join(import.meta.dirname, '..')
const h5Dir = join(root, 'miniprogram', 'dist', 'h5')

const newestMtime = (dir: string): number => {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs)
  }
  return newest
}

/** Build the H5 app when it is missing or older than its sources (a first start takes ~1 min). */
const ensureH5 = () => {
  const index = join(h5Dir, 'index.html')
  const sources = Math.max(
    newestMtime(join(root, 'miniprogram', 'src')),
    newestMtime(join(root, 'miniprogram', 'config')),
    newestMtime(join(root, 'shared')),
  )
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return
  console.log('正在构建 H5 前端（首次启动约需一分钟）…')
  const run = spawnSync('npm', ['run', 'build:h5'], { cwd: root, stdio: 'inherit' })
  if (run.status !== 0) throw new Error('H5 build failed (npm run build:h5)')
}

const main = async () => {
  const env = parseEnv(process.env)
  if (env.STORE === 'pglite') {
    const other = readHostLock(env)
    if (other) throw new Error(`another npm start (pid ${other.pid}) is using ${env.DATA_DIR}; stop it first`)
  }
  if (process.env.SKIP_H5_BUILD !== '1') ensureH5()
  const deps = await bootLocal(env, logger)
  const lock = env.STORE === 'pglite' ? writeHostLock(env, env.PORT) : undefined
  const host = await createLocalHost({ deps, log: logger, staticDir: h5Dir, devSecret: lock?.secret })
  const port = await host.listen(env.PORT)
  if (lock && port !== lock.port) writeHostLock(env, port)
  host.startScheduler()
  console.log(`\n海安就业服务已启动: http://localhost:${port}/  (store: ${deps.store.kind}${env.devLogin ? ', dev login on' : ''})`)
  console.log(`接口: http://localhost:${port}/api/health   按 Ctrl+C 停止\n`)

  let stopping = false
  const stop = async () => {
    if (stopping) return
    stopping = true
    await host.close()
    await deps.store.close()
    if (lock) removeHostLock(env)
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((err: Error) => {
  console.error(`启动失败: ${err.message}`)
  process.exit(1)
})
