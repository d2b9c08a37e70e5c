/**
 * `npm run job -- <scheduled-function-name> [--at <ISO time>]`: run one scheduled function once,
 * as of that time, against the same data as `npm start`. When `npm start` is running, the
 * job runs inside it (the embedded database belongs to one process); otherwise here.
 */
import { parseArgs } from 'node:util'
import { bootLocal, readHostLock } from '../functions/local/boot'
import { FUNCTIONS } from '../functions/manifest'
import { fixedClock } from '../functions/platform/clock'
import { parseEnv } from '../functions/platform/env'
import { logger } from '../functions/platform/logger'
import { parseInstant } from '../functions/platform/time'
import { runScheduledJob } from '../functions/runtime/scheduled'

const usage = () => {
  const names = FUNCTIONS.filter((f) => f.schedule).map((f) => f.name)
  console.error(`usage: npm run job -- <name> [--at <ISO time>]\n  names: ${names.join(', ')}`)
  process.exit(2)
}

const main = async () => {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { at: { type: 'string' } } })
  const name = positionals[0]
  const spec = FUNCTIONS.find((f) => f.name === name && f.schedule)
  if (!name || !spec) return usage()
  let at: Date
  try {
    at = values.at ? parseInstant(values.at) : new Date()
  } catch {
    console.error(`--at must be an ISO-8601 time, e.g. 2026-12-01T09:00:00+08:00 (got ${values.at})`)
    return process.exit(2)
  }
  const env = parseEnv(process.env, { local: true })

  const host = env.embedded ? readHostLock(env) : null
  if (host) {
    const res = await fetch(`http://127.0.0.1:${host.port}/__dev/jobs/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-dev-secret': host.secret },
      body: JSON.stringify({ at: at.toISOString() }),
    })
    const body = await res.json()
    console.log(JSON.stringify(body, null, 2))
    process.exit(res.ok ? 0 : 1)
  }

  const deps = await bootLocal(env, logger, fixedClock(at))
  try {
    const mod = await spec.load()
    if (!mod.job) throw new Error(`${name} has no job`)
    const summary = await runScheduledJob(mod.job, deps, at)
    console.log(JSON.stringify({ name, at: at.toISOString(), summary }, null, 2))
  } finally {
    await deps.store.close()
  }
}

main().catch((err: Error) => {
  console.error(`job failed: ${err.message}`)
  process.exit(1)
})
