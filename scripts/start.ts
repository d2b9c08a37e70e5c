/**
 * `npm start`: everything locally over the embedded database — the HTTP functions under
 * /api/*, the mini-program's H5 build at /, and the scheduler — on http://localhost:8787.
 */
import { bootLocal, readHostLock, removeHostLock, writeHostLock } from '../functions/local/boot'
import { createLocalHost } from '../functions/local/host'
import { parseEnv } from '../functions/platform/env'
import { logger } from '../functions/platform/logger'
import { ensureH5Build, H5_DIR } from './lib/h5-build'

const main = async () => {
  const env = parseEnv(process.env, { local: true })
  if (env.embedded) {
    const other = readHostLock(env)
    if (other) throw new Error(`another npm start (pid ${other.pid}) is using ${env.DATA_DIR}; stop it first`)
  }
  if (process.env.SKIP_H5_BUILD !== '1') ensureH5Build()
  const deps = await bootLocal(env, logger)
  const lock = env.embedded ? writeHostLock(env, env.PORT) : undefined
  const host = await createLocalHost({ deps, log: logger, staticDir: H5_DIR, devSecret: lock?.secret })
  const port = await host.listen(env.PORT, env.HOST)
  if (lock && port !== lock.port) writeHostLock(env, port)
  host.startScheduler()
  // Policies published while the host was down (the catalogue on a first start) reach their
  // residents now rather than at the next quarter hour.
  void host.runJob('policy-match', deps.clock.now()).catch(() => undefined) // logged by the job runner
  console.log(
    `\n海安就业服务已启动: http://localhost:${port}/  (store: ${deps.store.kind}${env.devLogin ? ', dev login on' : ''}; listening on ${env.HOST})`,
  )
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
