import { join, resolve } from 'node:path'
import type { Env } from '../platform/env'
import type { CloudBaseTarget } from './cloudbase-app'
import type { Store } from './port'

/** The CloudBase environment the settings name (the function's own when TCB_ENV is unset). */
export const cloudBaseTarget = (env: Env): CloudBaseTarget => ({
  env: env.TCB_ENV ?? (env.TCB_SERVICE_URL ? 'local' : undefined),
  secretId: env.TCB_SECRET_ID ?? (env.TCB_SERVICE_URL ? 'local' : undefined),
  secretKey: env.TCB_SECRET_KEY ?? (env.TCB_SERVICE_URL ? 'local' : undefined),
  serviceUrl: env.TCB_SERVICE_URL,
})

/**
 * Open the store the environment names. Adapters are imported lazily so a deployed bundle
 * only loads the one it uses (the embedded PGlite never ships to the cloud).
 * `onClose` runs when the store closes (the local CloudBase service stops with it).
 */
export const openStore = async (env: Env, onClose?: () => Promise<void>): Promise<Store> => {
  switch (env.STORE) {
    case 'pglite': {
      const { openPgliteStore } = await import('./pglite-store')
      return openPgliteStore(join(resolve(env.DATA_DIR), 'pg'))
    }
    case 'postgres': {
      const { openPostgresStore } = await import('./postgres-store')
      return openPostgresStore(env.DATABASE_URL!)
    }
    case 'cloudbase': {
      const { openCloudBaseStore } = await import('./cloudbase-store')
      return openCloudBaseStore(cloudBaseTarget(env), onClose)
    }
  }
}
