import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { cloudbaseFileStore } from '../../functions/files-store/cloudbase-file-store'
import { localFileStore } from '../../functions/files-store/local-file-store'
import type { FileStore } from '../../functions/files-store/port'
import { startLocalCloudBase } from '../../functions/local/cloudbase-service'
import { createLocalHost, type LocalHost } from '../../functions/local/host'
import { type Clock, ManualClock } from '../../functions/platform/clock'
import { type Env, parseEnv, setEnv } from '../../functions/platform/env'
import { createLogger, setLogLevel, setLogSink } from '../../functions/platform/logger'
import { type Deps, provideDeps } from '../../functions/runtime/deps'
import { type LocalSms, localSms } from '../../functions/sms/local-sms'
import { localCloudBaseTarget } from '../../functions/store/cloudbase-app'
import { openCloudBaseStore } from '../../functions/store/cloudbase-store'
import { migrate } from '../../functions/store/migrate'
import { openPgliteStore } from '../../functions/store/pglite-store'
import type { Store } from '../../functions/store/port'
import { openPostgresStore } from '../../functions/store/postgres-store'

/** Every log line the suite writes, so tests can assert what is (and is never) logged. */
export const capturedLogs: string[] = []
/** Every response the suite receives, with the request that got it (see tests/support/pii-scan.ts). */
export const capturedResponses: { method: string; path: string; body: string }[] = []
setLogSink((line) => capturedLogs.push(line))
setLogLevel('debug')

/**
 * The functions read their dependencies from the runtime (one per process, as in the cloud).
 * Test apps started inside another's lifetime take over, and hand back when they close.
 */
const active: Deps[] = []

export interface TestApp {
  baseUrl: string
  deps: Deps
  clock: ManualClock
  host: LocalHost
  env: Env
  close(): Promise<void>
}

/**
 * The real local host over a fresh in-memory embedded Postgres, on a free port. Tests talk to
 * it over HTTP exactly as the app does.
 */
/**
 * Where a suite's store lives: the embedded Postgres always; a fresh database on the PostgreSQL
 * server when TEST_DATABASE_URL is set (CI sets it). Races only show on the server.
 */
export const testStores = (): ('pglite' | 'postgres')[] =>
  process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite']

export type TestStoreKind = 'pglite' | 'postgres' | 'cloudbase'

/**
 * The store a test app opens unless told: TEST_STORE, which the `integration-cloudbase` project
 * sets to run the applications chain, follow-ups, cards and placement suites through the real
 * CloudBase SDK against the local CloudBase service.
 */
const defaultTestStore = (): TestStoreKind => {
  const named = process.env.TEST_STORE
  return named === 'cloudbase' || named === 'postgres' ? named : 'pglite'
}

const openTestStore = async (
  kind: TestStoreKind,
): Promise<{ store: Store; files?: FileStore; serviceUrl?: string; drop(): Promise<void> }> => {
  if (kind === 'cloudbase') {
    const service = await startLocalCloudBase()
    const target = localCloudBaseTarget(service.url)
    const store = await openCloudBaseStore(target, () => service.close())
    return {
      store,
      files: await cloudbaseFileStore(target),
      serviceUrl: service.url,
      drop: () => store.close(),
    }
  }
  if (kind === 'pglite') {
    const store = await openPgliteStore()
    await migrate(store.sql)
    return { store, drop: () => store.close() }
  }
  const url = process.env.TEST_DATABASE_URL
  if (!url) throw new Error('TEST_DATABASE_URL is needed for a PostgreSQL test app')
  const name = `pes_app_${randomBytes(4).toString('hex')}`
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  const at = new URL(url)
  at.pathname = `/${name}`
  const store = await openPostgresStore(at.toString())
  await migrate(store.sql)
  return {
    store,
    drop: async () => {
      await store.close()
      await admin.query(`DROP DATABASE IF EXISTS ${name}`)
      await admin.end()
    },
  }
}

export const startTestApp = async (
  opts: { now?: Date; env?: Record<string, string>; staticDir?: string; store?: TestStoreKind } = {},
): Promise<TestApp> => {
  const dataDir = mkdtempSync(join(tmpdir(), 'pes-test-'))
  const kind = opts.store ?? defaultTestStore()
  const opened = await openTestStore(kind)
  const env = parseEnv(
    {
      // The env says embedded even over a PostgreSQL test store: it is what turns the dev login on.
      STORE: kind === 'cloudbase' ? 'cloudbase' : 'pglite',
      ...(opened.serviceUrl ? { TCB_SERVICE_URL: opened.serviceUrl } : {}),
      DATA_DIR: dataDir,
      SESSION_SECRET: 'test-secret-test-secret-test-secret-0123',
      ...opts.env,
    },
    { local: true },
  )
  const { store, drop } = opened
  const clock = new ManualClock(opts.now ?? new Date('2026-11-20T02:00:00.000Z'))
  const files = opened.files ?? localFileStore(dataDir)
  const deps: Deps = { env, store, clock: clock as Clock, files, sms: localSms() }
  setEnv(env)
  provideDeps(deps)
  active.push(deps)
  const log = createLogger({ test: true })
  const host = await createLocalHost({ deps, log, staticDir: opts.staticDir ?? join(dataDir, 'no-h5') })
  const port = await host.listen(0)
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    deps,
    clock,
    host,
    env,
    close: async () => {
      active.splice(active.indexOf(deps), 1)
      const previous = active.at(-1)
      if (previous) {
        setEnv(previous.env)
        provideDeps(previous)
      }
      await host.close()
      await drop()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

export interface Reply<T = any> {
  status: number
  body: T
}

/** A tiny client: JSON in, JSON out, optional bearer token. */
export const call = async <T = any>(
  app: { baseUrl: string },
  method: string,
  path: string,
  opts: { body?: unknown; raw?: string; token?: string; headers?: Record<string, string> } = {},
): Promise<Reply<T>> => {
  const headers: Record<string, string> = { ...opts.headers }
  if (opts.token) headers.authorization = `Bearer ${opts.token}`
  let body: string | undefined
  if (opts.raw !== undefined) body = opts.raw
  else if (opts.body !== undefined) body = JSON.stringify(opts.body)
  if (body !== undefined) headers['content-type'] ??= 'application/json'
  const res = await fetch(`${app.baseUrl}${path}`, { method, headers, body })
  const text = await res.text()
  capturedResponses.push({ method, path, body: text })
  let parsed: unknown = text
  try {
    parsed = JSON.parse(text)
  } catch {}
  return { status: res.status, body: parsed as T }
}

export const devLogin = async (
  app: { baseUrl: string },
  who: { openid: string; role: string; region?: string },
): Promise<string> => {
  const res = await call<{ token: string }>(app, 'POST', '/api/auth/dev-login', { body: who })
  if (res.status !== 200) throw new Error(`dev login failed: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body.token
}

/** The last one-time code the stand-in SMS sender sent (to `phone` when given). */
export const lastCode = (app: { deps: Deps }, phone?: string): string | null => {
  const sent = (app.deps.sms as LocalSms).sent
  const hit = [...sent].reverse().find((m) => !phone || m.phone === phone) ?? null
  return hit ? (/验证码 (\d{6})/.exec(hit.text)?.[1] ?? null) : null
}

/**
 * PUT /api/me as the app does it: a first registration answers 202 and sends a code, which is
 * read from the stand-in sender and sent back; a correction answers at once.
 */
export const putMe = async <T = any>(
  app: TestApp,
  opts: { body?: unknown; raw?: string; token?: string; headers?: Record<string, string> },
): Promise<Reply<T>> => {
  const first = await call(app, 'PUT', '/api/me', opts)
  if (first.status !== 202 || (first.body as { step?: string })?.step !== 'verify_phone')
    return first as Reply<T>
  const code = lastCode(app) ?? '000000'
  return call<T>(app, 'PUT', '/api/me', { ...opts, body: { ...(opts.body as object), phoneCode: code } })
}
