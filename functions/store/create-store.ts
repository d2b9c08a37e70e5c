import { join, resolve } from 'node:path'
import type { Env } from '../platform/env'
import type { Store } from './port'

/**
 * Open the store the environment names. Adapters are imported lazily so a deployed bundle
 * only loads the one it uses (the embedded PGlite never ships to the cloud).
 */
export const openStore = async (env: Env): Promise<Store> => {
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
      return openCloudBaseStore({
        env: env.TCB_ENV,
        secretId: env.TCB_SECRET_ID,
        secretKey: env.TCB_SECRET_KEY,
      })
    }
  }
}
