import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parse } from 'yaml'
import { FUNCTIONS, type FunctionSpec, SCHEDULE_TIMEZONE } from '../../functions/manifest'
import { toAwsCron, toCloudbaseCron } from '../../functions/platform/cron-convert'
import { databaseJson } from '../../functions/store/cloudbase-declaration'
import { ALL_COLLECTIONS } from '../../functions/store/collections'
import { API_ROUTES, routeKey } from '../../shared/api/routes'

/**
 * The deploy configs must say what functions/manifest.ts says (`npm run gen:deploy` rewrites
 * them from it): same functions, handlers, routes, schedules and limits on both platforms.
 */
const ROOT = resolve(__dirname, '..', '..')
const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8')

interface SlsEvent {
  httpApi?: { method: string; path: string }
  schedule?: { method?: string; rate: string[]; timezone?: string; description?: string }
  [other: string]: unknown
}
interface SlsFunction {
  handler: string
  timeout: number
  memorySize: number
  events?: SlsEvent[]
}
interface Serverless {
  service: string
  plugins: string[]
  provider: { name: string; runtime: string; environment: Record<string, string> }
  custom: { esbuild: Record<string, unknown> }
  functions: Record<string, SlsFunction>
}
interface CloudbaseFunction {
  name: string
  handler: string
  runtime: string
  timeout: number
  memorySize: number
  installDependency: boolean
  envVariables: Record<string, string>
  triggers?: { name: string; type: string; config: string }[]
}
interface CloudbaseRc {
  version: string
  envId: string
  functionRoot: string
  functions: CloudbaseFunction[]
}
interface Database {
  collections: {
    name: string
    rules: { read: unknown; write: unknown }
    indexes: { name: string; keys: { field: string; direction: string }[] }[]
  }[]
}

const sls = parse(read('serverless.yml')) as Serverless
const rc = JSON.parse(read('infra/cloudbase/cloudbaserc.json')) as CloudbaseRc
const db = JSON.parse(read('infra/cloudbase/database.json')) as Database

const names = FUNCTIONS.map((f) => f.name).sort()
const byName = (fn: FunctionSpec) => [fn.name, fn] as const
const PGLITE = '@electric-sql/pglite'

describe('serverless.yml', () => {
  it('is the v3 AWS service bundled by serverless-esbuild', () => {
    expect(sls.service).toBe('grassroots-employment')
    expect(sls.plugins).toContain('serverless-esbuild')
    expect(sls.provider.name).toBe('aws')
    expect(sls.provider.runtime).toBe('nodejs20.x')
  })

  it('bundles CommonJS for node20 with PGlite and pg-native external and not installed', () => {
    const esbuild = sls.custom.esbuild
    expect(esbuild).toMatchObject({ bundle: true, format: 'cjs', target: 'node20', platform: 'node' })
    for (const mod of [PGLITE, 'pg-native']) {
      expect(esbuild.external).toContain(mod)
      expect(esbuild.exclude).toContain(mod)
    }
  })

  it('passes the environment through, with dev login off', () => {
    for (const key of [
      'STORE',
      'DATABASE_URL',
      'SESSION_SECRET',
      'PII_KEY',
      'WECHAT_APPID',
      'WECHAT_SECRET',
      'WECHAT_TEMPLATE_STATUS',
      'WECHAT_TEMPLATE_DIGEST',
      'WECHAT_TEMPLATE_POLICY',
    ]) {
      expect(sls.provider.environment[key]).toContain(`env:${key}`)
    }
    expect(String(sls.provider.environment.DEV_LOGIN)).toBe('false')
  })

  it('declares exactly the manifest functions', () => {
    expect(Object.keys(sls.functions).sort()).toEqual(names)
  })

  it.each(FUNCTIONS.map(byName))('%s: handler, timeout and memory', (name, fn) => {
    const f = sls.functions[name]!
    expect(f.handler).toBe(`${fn.entry.replace(/\.ts$/, '')}.handler`)
    expect(f.timeout).toBe(fn.timeoutSeconds)
    expect(f.memorySize).toBe(fn.memoryMb)
  })

  it.each(FUNCTIONS.map(byName))('%s: one httpApi event per manifest route, no others', (name, fn) => {
    const events = sls.functions[name]!.events ?? []
    const http = events.filter((e) => e.httpApi).map((e) => `${e.httpApi!.method} ${e.httpApi!.path}`)
    expect(http.sort()).toEqual(fn.routes.map(routeKey).sort())
    for (const e of events) expect(Object.keys(e)).toHaveLength(1)
    expect(events.every((e) => e.httpApi || e.schedule)).toBe(true)
  })

  it('serves every API route exactly once', () => {
    const served = Object.values(sls.functions)
      .flatMap((f) => f.events ?? [])
      .filter((e) => e.httpApi)
      .map((e) => `${e.httpApi!.method} ${e.httpApi!.path}`)
    expect(served.sort()).toEqual(Object.values(API_ROUTES).map(routeKey).sort())
  })

  it.each(FUNCTIONS.map(byName))('%s: schedule matches the manifest', (name, fn) => {
    const schedules = (sls.functions[name]!.events ?? []).filter((e) => e.schedule).map((e) => e.schedule!)
    if (!fn.schedule) {
      expect(schedules).toEqual([])
      return
    }
    expect(schedules).toHaveLength(1)
    const s = schedules[0]!
    expect(s.method).toBe('scheduler')
    expect(s.timezone).toBe(SCHEDULE_TIMEZONE)
    expect(s.rate).toEqual([toAwsCron(fn.schedule.cron)])
    expect(s.rate[0]).toMatch(/^cron\(\S+ \S+ \S+ \S+ \S+ \S+\)$/)
  })
})

describe('infra/cloudbase/cloudbaserc.json', () => {
  it('deploys the bundled folders into the env named by TCB_ENV', () => {
    expect(rc.envId).toBe('{{env.TCB_ENV}}')
    expect(rc.functionRoot).toBe('dist/functions')
    expect(rc.version).toBe('2.0')
  })

  it('declares exactly the manifest functions', () => {
    expect(rc.functions.map((f) => f.name).sort()).toEqual(names)
  })

  it.each(FUNCTIONS.map(byName))('%s: handler, runtime, limits and environment', (name, fn) => {
    const f = rc.functions.find((x) => x.name === name)!
    expect(f.handler).toBe('index.main')
    expect(f.runtime).toMatch(/^Nodejs\d+\.\d+$/)
    expect(f.timeout).toBe(fn.timeoutSeconds)
    expect(f.memorySize).toBe(fn.memoryMb)
    expect(f.installDependency).toBe(false)
    expect(f.envVariables.DEV_LOGIN).toBe('false')
    expect(f.envVariables.STORE).toBeDefined()
    expect(f.envVariables.SESSION_SECRET).toBe('{{env.SESSION_SECRET}}')
  })

  it.each(FUNCTIONS.map(byName))('%s: timer trigger matches the manifest schedule', (name, fn) => {
    const triggers = rc.functions.find((x) => x.name === name)!.triggers ?? []
    if (!fn.schedule) {
      expect(triggers).toEqual([])
      return
    }
    expect(triggers).toHaveLength(1)
    const t = triggers[0]!
    expect(t.type).toBe('timer')
    expect(t.name).toMatch(/^[A-Za-z][A-Za-z0-9_-]{0,59}$/)
    expect(t.config).toBe(toCloudbaseCron(fn.schedule.cron))
    expect(t.config.split(' ')).toHaveLength(7)
  })
})

describe('infra/cloudbase/database.json', () => {
  it('is what the collection declarations generate (npm run gen:deploy)', () => {
    expect(db).toEqual(JSON.parse(JSON.stringify(databaseJson(ALL_COLLECTIONS))))
  })

  it('makes one person per account and per ID number unique, counting only bound accounts', () => {
    const persons = db.collections.find((c) => c.name === 'persons')!
    expect(persons.indexes).toContainEqual(
      expect.objectContaining({
        keys: [{ field: 'accountId', direction: 'asc' }],
        unique: true,
        partialFilterExpression: { accountId: { $type: 'string' } },
      }),
    )
    expect(persons.indexes).toContainEqual(
      expect.objectContaining({ keys: [{ field: 'idHash', direction: 'asc' }], unique: true }),
    )
  })

  it('has every collection of functions/store/collections.ts and no other', () => {
    expect(db.collections.map((c) => c.name).sort()).toEqual(ALL_COLLECTIONS.map((c) => c.name).sort())
  })

  it.each(ALL_COLLECTIONS.map((c) => [c.name, c] as const))(
    '%s: closed to clients, indexed',
    (name, spec) => {
      const coll = db.collections.find((c) => c.name === name)!
      expect(coll.rules).toEqual({ read: false, write: false })
      const declared = Object.keys(spec.fields)
      for (const field of declared) {
        expect(coll.indexes.some((i) => i.keys[0]?.field === field)).toBe(true)
      }
      const indexNames = coll.indexes.map((i) => i.name)
      expect(new Set(indexNames).size).toBe(indexNames.length)
      for (const index of coll.indexes) {
        expect(index.keys.length).toBeGreaterThan(0)
        for (const key of index.keys) {
          expect([...declared, '_id']).toContain(key.field)
          expect(['asc', 'desc']).toContain(key.direction)
        }
      }
    },
  )
})
