/**
 * Regenerate the deploy configs' function lists from functions/manifest.ts (`npm run gen:deploy`).
 *
 *   npx tsx scripts/gen-deploy-config.ts [--check]
 *
 * Rewrites only `functions:` in serverless.yml and `functions` in infra/cloudbase/cloudbaserc.json;
 * every other key (and the YAML comments outside that section) is kept. Writes
 * infra/cloudbase/database.json whole from the collection declarations. With --check nothing is
 * written and the exit code says whether the files are up to date.
 *
 * The manifest is the single source: names, entries, HTTP routes, schedules, timeouts, memory.
 * tests/unit/deploy-config.test.ts checks that the committed files agree with it.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseDocument } from 'yaml'
import { FUNCTIONS, type FunctionSpec, SCHEDULE_TIMEZONE } from '../functions/manifest'
import { toAwsCron, toCloudbaseCron } from '../functions/platform/cron-convert'
import { databaseJson } from '../functions/store/cloudbase-declaration'
import { ALL_COLLECTIONS } from '../functions/store/collections'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const SERVERLESS_YML = join(ROOT, 'serverless.yml')
const CLOUDBASERC = join(ROOT, 'infra', 'cloudbase', 'cloudbaserc.json')
const DATABASE_JSON = join(ROOT, 'infra', 'cloudbase', 'database.json')

/** CloudBase runtime; the bundles target node20. */
const CLOUDBASE_RUNTIME = 'Nodejs20.19'
/** CloudBase event functions: timeout 1-60 s, memory one of these. */
const CLOUDBASE_MAX_TIMEOUT = 60
const CLOUDBASE_MEMORY = [128, 256, 512, 1024, 2048]

/**
 * Function environment on CloudBase. The store there is the CloudBase document database
 * (infra/cloudbase/database.json), reached with the function's own identity, so no
 * DATABASE_URL or keys. `{{env.X}}` is filled in by the CloudBase CLI from .env / .env.local in
 * the directory it runs in (see infra/DEPLOY.md). Dev login is always off.
 * To run CloudBase functions against PostgreSQL instead, set STORE to 'postgres' here, add
 * DATABASE_URL: '{{env.DATABASE_URL}}', and rerun `npm run gen:deploy`.
 */
const CLOUDBASE_ENV: Record<string, string> = {
  STORE: 'cloudbase',
  SESSION_SECRET: '{{env.SESSION_SECRET}}',
  PII_KEY: '{{env.PII_KEY}}',
  WECHAT_APPID: '{{env.WECHAT_APPID}}',
  WECHAT_SECRET: '{{env.WECHAT_SECRET}}',
  WECHAT_TEMPLATE_STATUS: '{{env.WECHAT_TEMPLATE_STATUS}}',
  WECHAT_TEMPLATE_DIGEST: '{{env.WECHAT_TEMPLATE_DIGEST}}',
  WECHAT_TEMPLATE_POLICY: '{{env.WECHAT_TEMPLATE_POLICY}}',
  DEV_LOGIN: 'false',
}

/** `functions/jobs/index.ts` -> `functions/jobs/index.handler`. */
const lambdaHandler = (fn: FunctionSpec): string => `${fn.entry.replace(/\.[cm]?[jt]s$/, '')}.handler`

const serverlessFunction = (fn: FunctionSpec): Record<string, unknown> => {
  const events: unknown[] = fn.routes.map((r) => ({ httpApi: { method: r.method, path: r.path } }))
  if (fn.schedule) {
    events.push({
      schedule: {
        method: 'scheduler',
        rate: [toAwsCron(fn.schedule.cron)],
        timezone: SCHEDULE_TIMEZONE,
        description: fn.schedule.description,
      },
    })
  }
  return {
    handler: lambdaHandler(fn),
    timeout: fn.timeoutSeconds,
    memorySize: fn.memoryMb,
    ...(events.length ? { events } : {}),
  }
}

const cloudbaseFunction = (fn: FunctionSpec): Record<string, unknown> => {
  if (fn.timeoutSeconds < 1 || fn.timeoutSeconds > CLOUDBASE_MAX_TIMEOUT) {
    throw new Error(
      `${fn.name}: CloudBase timeout must be 1-${CLOUDBASE_MAX_TIMEOUT} s, got ${fn.timeoutSeconds}`,
    )
  }
  if (!CLOUDBASE_MEMORY.includes(fn.memoryMb)) {
    throw new Error(`${fn.name}: CloudBase memory must be one of ${CLOUDBASE_MEMORY.join(', ')} MB`)
  }
  return {
    name: fn.name,
    handler: 'index.main',
    runtime: CLOUDBASE_RUNTIME,
    timeout: fn.timeoutSeconds,
    memorySize: fn.memoryMb,
    installDependency: false,
    envVariables: { ...CLOUDBASE_ENV },
    ...(fn.schedule
      ? { triggers: [{ name: `${fn.name}-timer`, type: 'timer', config: toCloudbaseCron(fn.schedule.cron) }] }
      : {}),
  }
}

const renderServerless = (current: string): string => {
  const doc = parseDocument(current)
  if (doc.errors.length) throw new Error(`serverless.yml: ${doc.errors[0]!.message}`)
  const functions = Object.fromEntries(FUNCTIONS.map((fn) => [fn.name, serverlessFunction(fn)]))
  doc.set('functions', doc.createNode(functions))
  return doc.toString({ lineWidth: 0 })
}

const renderCloudbase = (current: string): string => {
  const config = JSON.parse(current) as Record<string, unknown>
  config.functions = FUNCTIONS.map(cloudbaseFunction)
  return `${JSON.stringify(config, null, 2)}\n`
}

const renderDatabase = (): string => `${JSON.stringify(databaseJson(ALL_COLLECTIONS), null, 2)}\n`

/** Format as `npm run lint` would, so a regenerated file is already lint-clean. */
const biomeFormat = (file: string, text: string): string =>
  execFileSync(join(ROOT, 'node_modules', '.bin', 'biome'), ['format', `--stdin-file-path=${file}`], {
    cwd: ROOT,
    input: text,
    encoding: 'utf8',
    stdio: ['pipe', 'pipe', 'pipe'],
  })

const main = (): void => {
  const check = process.argv.includes('--check')
  const stale: string[] = []
  for (const [file, render] of [
    [SERVERLESS_YML, renderServerless],
    [CLOUDBASERC, renderCloudbase],
    [DATABASE_JSON, renderDatabase],
  ] as const) {
    const current = readFileSync(file, 'utf8')
    const next = biomeFormat(file, render(current))
    if (next === current) continue
    stale.push(file)
    if (!check) writeFileSync(file, next)
  }
  const names = stale.map((f) => f.slice(ROOT.length + 1))
  if (check) {
    if (names.length) {
      console.error(
        `out of date with functions/manifest.ts or functions/store/collections.ts: ${names.join(', ')} (run npm run gen:deploy)`,
      )
      process.exit(1)
    }
    console.log('deploy configs are up to date')
  } else {
    console.log(names.length ? `updated ${names.join(', ')}` : 'deploy configs already up to date')
  }
}

main()
