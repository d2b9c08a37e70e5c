import { resolve } from 'node:path'
import type { FileStore } from '../files-store/port'
import { type Clock, systemClock } from '../platform/clock'
import { type Env, getEnv } from '../platform/env'
import type { SmsSender } from '../sms/port'
import { cloudBaseTarget, openStore } from '../store/create-store'
import type { Store } from '../store/port'
import { SqlStore } from '../store/sql-store'

/**
 * What use cases need from the outside world. Built once per cold start (clients at module
 * scope, never per request); the local host and tests provide their own.
 */
export interface Deps {
  env: Env
  store: Store
  clock: Clock
  files: FileStore
  /** One-time codes to phones; absent where no sender is configured (claims then go to a coordinator). */
  sms?: SmsSender
}

/**
 * Uploaded materials: cloud storage on CloudBase, the database on PostgreSQL (a function's disk
 * is read-only and per instance), the data folder only for the embedded demo or FILES_DIR.
 */
export const openFileStore = async (env: Env, store: Store): Promise<FileStore> => {
  if (env.STORE === 'cloudbase') {
    const { cloudbaseFileStore } = await import('../files-store/cloudbase-file-store')
    return cloudbaseFileStore(cloudBaseTarget(env))
  }
  if (env.STORE === 'postgres' && !env.FILES_DIR && store instanceof SqlStore) {
    const { databaseFileStore } = await import('../files-store/database-file-store')
    return databaseFileStore(store.sql)
  }
  const { localFileStore } = await import('../files-store/local-file-store')
  return localFileStore(resolve(env.FILES_DIR ?? env.DATA_DIR))
}

let current: Promise<Deps> | undefined

export const getDeps = (): Promise<Deps> => {
  current ??= (async () => {
    const env = getEnv()
    const store = await openStore(env)
    return { env, store, clock: systemClock, files: await openFileStore(env, store) }
  })().catch((err) => {
    current = undefined // let the next invocation retry instead of caching a failure
    throw err
  })
  return current
}

export const provideDeps = (deps: Deps): void => {
  current = Promise.resolve(deps)
}
