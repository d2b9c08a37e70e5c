import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { startLocalCloudBase } from '../../functions/local/cloudbase-service'
import { localCloudBaseTarget } from '../../functions/store/cloudbase-app'
import { openCloudBaseStore } from '../../functions/store/cloudbase-store'
import { ALL_COLLECTIONS } from '../../functions/store/collections'
import { migrate } from '../../functions/store/migrate'
import { openPgliteStore } from '../../functions/store/pglite-store'
import type { Store } from '../../functions/store/port'
import { openPostgresStore } from '../../functions/store/postgres-store'

/**
 * The adapters this machine can run the contract against: the embedded store always, a
 * PostgreSQL server when TEST_DATABASE_URL is set (CI sets it), CloudBase when its
 * credentials are set. Each gets a fresh, empty database.
 */
export interface AdapterUnderTest {
  name: string
  open(): Promise<{ store: Store; dispose(): Promise<void> }>
}

const pglite: AdapterUnderTest = {
  name: 'pglite',
  open: async () => {
    const store = await openPgliteStore()
    await migrate(store.sql)
    return { store, dispose: () => store.close() }
  },
}

const postgres = (url: string): AdapterUnderTest => ({
  name: 'postgres',
  open: async () => {
    const dbName = `pes_contract_${randomBytes(4).toString('hex')}`
    const admin = new pg.Client({ connectionString: url })
    await admin.connect()
    await admin.query(`CREATE DATABASE ${dbName}`)
    const testUrl = new URL(url)
    testUrl.pathname = `/${dbName}`
    const store = await openPostgresStore(testUrl.toString())
    await migrate(store.sql)
    return {
      store,
      dispose: async () => {
        await store.close()
        await admin.query(`DROP DATABASE IF EXISTS ${dbName}`)
        await admin.end()
      },
    }
  },
})

/** CloudBase: collections are emptied before and after, since an environment can't be created per run. */
const cloudbase: AdapterUnderTest = {
  name: 'cloudbase',
  open: async () => {
    const store = await openCloudBaseStore({
      env: process.env.TCB_ENV,
      secretId: process.env.TCB_SECRET_ID,
      secretKey: process.env.TCB_SECRET_KEY,
    })
    const empty = async () => {
      for (const c of ALL_COLLECTIONS) {
        for (;;) {
          const page = await store.find(c, { orderBy: [], limit: 99 })
          if (!page.items.length) break
          for (const d of page.items) await store.delete(c, d.id)
        }
      }
    }
    await empty()
    return { store, dispose: empty }
  },
}

/**
 * The real @cloudbase/node-sdk against the local CloudBase service: the adapter's requests are
 * the ones it sends in production, answered with MongoDB semantics (mingo).
 */
const cloudbaseLocal: AdapterUnderTest = {
  name: 'cloudbase-local',
  open: async () => {
    const service = await startLocalCloudBase()
    const store = await openCloudBaseStore(localCloudBaseTarget(service.url))
    return { store, dispose: () => service.close() }
  },
}

export const availableAdapters = (
  opts: { without?: { name: string; why: string } } = {},
): { adapters: AdapterUnderTest[]; skipped: string[] } => {
  const adapters = [pglite, cloudbaseLocal].filter((a) => a.name !== opts.without?.name)
  const skipped: string[] = []
  const url = process.env.TEST_DATABASE_URL
  if (url) adapters.push(postgres(url))
  else skipped.push('postgres: no TEST_DATABASE_URL')
  if (process.env.TCB_ENV && process.env.TCB_SECRET_ID && process.env.TCB_SECRET_KEY) adapters.push(cloudbase)
  else skipped.push('cloudbase: no CloudBase credentials')
  if (opts.without) skipped.push(`${opts.without.name}: ${opts.without.why}`)
  return { adapters, skipped }
}
