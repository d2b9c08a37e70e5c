/**
 * `npm run seed:policies`: put the starting policy catalogue (infra/data/policy-catalogue.json)
 * into the deployment's store — the store `STORE` names (a PostgreSQL server with
 * `DATABASE_URL`, or CloudBase with `TCB_ENV` and keys). Safe to repeat: policies that exist
 * (perhaps edited by the county since) are left alone. `npm start` does this by itself locally.
 */
import { seedPolicyCatalogue } from '../functions/contexts/policies/seed-catalogue'
import { parseEnv } from '../functions/platform/env'
import { logger } from '../functions/platform/logger'
import { openStore } from '../functions/store/create-store'
import { migrate } from '../functions/store/migrate'
import { SqlStore } from '../functions/store/sql-store'

const main = async () => {
  const env = parseEnv(process.env, { local: true })
  const store = await openStore(env)
  try {
    if (store instanceof SqlStore) await migrate(store.sql)
    const inserted = await seedPolicyCatalogue(store, new Date(), logger)
    console.log(`policy catalogue: ${inserted} policies added to ${store.kind}`)
  } finally {
    await store.close()
  }
}

main().catch((err: Error) => {
  console.error(`seed failed: ${err.message}`)
  process.exit(1)
})
