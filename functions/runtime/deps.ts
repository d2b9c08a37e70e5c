import { type Clock, systemClock } from '../platform/clock'
import { type Env, getEnv } from '../platform/env'
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
}

let current: Promise<Deps> | undefined

export const getDeps = (): Promise<Deps> => {
  current ??= (async () => {
    const env = getEnv()
    return { env, store: await openStore(env), clock: systemClock }
  })().catch((err) => {
    current = undefined // let the next invocation retry instead of caching a failure
    throw err
  })
  return current
}

export const provideDeps = (deps: Deps): void => {
  current = Promise.resolve(deps)
}
