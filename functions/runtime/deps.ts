import { resolve } from 'node:path'
import type { FileStore } from '../files-store/port'
import { type Clock, systemClock } from '../platform/clock'
import { type Env, getEnv } from '../platform/env'
import type { SmsSender } from '../sms/port'
import { openStore } from '../store/create-store'
import type { Store } from '../store/port'

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

/** Uploaded materials go to cloud storage on CloudBase, to the data folder everywhere else. */
export const openFileStore = async (env: Env): Promise<FileStore> => {
  if (env.STORE === 'cloudbase') {
    const { cloudbaseFileStore } = await import('../files-store/cloudbase-file-store')
    return cloudbaseFileStore({
      env: env.TCB_ENV,
      secretId: env.TCB_SECRET_ID,
      secretKey: env.TCB_SECRET_KEY,
    })
  }
  const { localFileStore } = await import('../files-store/local-file-store')
  return localFileStore(resolve(env.FILES_DIR ?? env.DATA_DIR))
}

let current: Promise<Deps> | undefined

export const getDeps = (): Promise<Deps> => {
  current ??= (async () => {
    const env = getEnv()
    return { env, store: await openStore(env), clock: systemClock, files: await openFileStore(env) }
  })().catch((err) => {
    current = undefined // let the next invocation retry instead of caching a failure
    throw err
  })
  return current
}

export const provideDeps = (deps: Deps): void => {
  current = Promise.resolve(deps)
}
