import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { seedPolicyCatalogue } from '../contexts/policies/seed-catalogue'
import { type Clock, systemClock } from '../platform/clock'
import { type Env, setEnv } from '../platform/env'
import type { Logger } from '../platform/logger'
import { type Deps, openFileStore, provideDeps } from '../runtime/deps'
import { seedDemoEmployers } from '../seed/demo-employers'
import { seedDemoFollowups } from '../seed/demo-followups'
import { seedDemoResidents } from '../seed/demo-residents'
import { seedDemo } from '../seed/seed-demo'
import { localSms } from '../sms/local-sms'
import { openStore } from '../store/create-store'
import { migrate } from '../store/migrate'
import { SqlStore } from '../store/sql-store'

/**
 * Open the store for a local process (npm start, npm run job, tests), bring its schema up to
 * date, seed the demo on first start, and make it the runtime's store.
 */
export const bootLocal = async (env: Env, log: Logger, clock: Clock = systemClock): Promise<Deps> => {
  // STORE=cloudbase without TCB_ENV: the local CloudBase service, in this process, reached
  // through the real SDK; it lives as long as the store (in memory: a restart starts afresh).
  let stopService: (() => Promise<void>) | undefined
  if (env.localCloudBase && !env.TCB_SERVICE_URL) {
    const { startLocalCloudBase } = await import('./cloudbase-service')
    const service = await startLocalCloudBase()
    env = { ...env, TCB_SERVICE_URL: service.url }
    stopService = service.close
    log.info('local CloudBase service started', { url: service.url })
  }
  const store = await openStore(env, stopService)
  if (store instanceof SqlStore) {
    const applied = await migrate(store.sql)
    if (applied.length) log.info('migrations applied', { applied })
  }
  // An embedded mode's SMS is a stand-in that prints codes to this console.
  const sms = env.embedded ? localSms(log) : undefined
  const deps: Deps = { env, store, clock, files: await openFileStore(env, store), sms }
  setEnv(env)
  provideDeps(deps)
  // Reference data every deployment starts with (not demo data): the policy catalogue.
  await seedPolicyCatalogue(store, clock.now(), log)
  if (env.embedded) {
    await seedDemo(store, clock.now(), log)
    await seedDemoEmployers(store, clock.now(), log)
    await seedDemoResidents(deps, log)
    await seedDemoFollowups(deps, log)
  }
  return deps
}

/**
 * The embedded database belongs to one process. While `npm start` runs, it leaves a lock file
 * in the data folder with its port and a secret, so `npm run job` can ask it to run a job
 * instead of opening the same files.
 */
export interface HostLock {
  pid: number
  port: number
  secret: string
  /** The host's command line, so a reused pid (after a crash) isn't taken for the host. */
  cmdline?: string
}

const lockFile = (env: Env) => join(resolve(env.DATA_DIR), 'host.json')

/** A process's command line on Linux; null where /proc doesn't exist or the pid is gone. */
const commandLineOf = (pid: number | 'self'): string | null => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8')
  } catch {
    return null
  }
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    // ESRCH: gone. EPERM: a live process of another user, which can't be our host either.
    return false
  }
}

/** The pid runs and, where the system can tell, runs the command that wrote the lock. */
const isOurHost = (lock: HostLock): boolean => {
  if (!alive(lock.pid)) return false
  if (!lock.cmdline) return true
  const now = commandLineOf(lock.pid)
  return now === null ? existsSync('/proc/self') === false : now === lock.cmdline
}

export const readHostLock = (env: Env): HostLock | null => {
  const file = lockFile(env)
  if (!existsSync(file)) return null
  try {
    const lock = JSON.parse(readFileSync(file, 'utf8')) as HostLock
    return isOurHost(lock) ? lock : null
  } catch {
    return null
  }
}

export const writeHostLock = (env: Env, port: number): HostLock => {
  mkdirSync(resolve(env.DATA_DIR), { recursive: true })
  const lock: HostLock = {
    pid: process.pid,
    port,
    secret: randomBytes(16).toString('hex'),
    cmdline: commandLineOf('self') ?? undefined,
  }
  writeFileSync(lockFile(env), JSON.stringify(lock), { mode: 0o600 })
  return lock
}

export const removeHostLock = (env: Env): void => {
  rmSync(lockFile(env), { force: true })
}
