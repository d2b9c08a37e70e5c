import { randomUUID } from 'node:crypto'
import { createReadStream, existsSync, statSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { extname, join, normalize, resolve, sep } from 'node:path'
import { Cron } from 'croner'
import { matchPath, routeKey } from '../../shared/api/routes'
import { AppError, type ErrorCode } from '../../shared/errors'
import { FUNCTIONS, SCHEDULE_TIMEZONE } from '../manifest'
import type { Logger } from '../platform/logger'
import { parseInstant } from '../platform/time'
import type { Deps } from '../runtime/deps'
import type { HttpEvent, HttpResult } from '../runtime/events'
import { runScheduledJob, type ScheduledJob } from '../runtime/scheduled'

/**
 * The local host: serves every HTTP function of the manifest under /api/*, the H5 build at /,
 * and runs the scheduled functions on their cron — one process, like the cloud, minus the cloud.
 */
const MAX_BODY = 8 * 1024 * 1024

type HttpHandler = (event: HttpEvent) => Promise<HttpResult>
interface LoadedRoute {
  method: string
  path: string
  key: string
  handler: HttpHandler
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json',
}

const sendJson = (
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers })
  res.end(JSON.stringify(body))
}

const sendError = (res: ServerResponse, code: ErrorCode) => {
  const e = new AppError(code)
  sendJson(res, e.status, { code: e.code, message: e.message })
}

/**
 * The body, or a 413 for one over the limit — of any size. The excess is read and discarded
 * rather than the socket destroyed, so the client hears the answer instead of a connection
 * reset (past 64 MB of discarding, it is cut off after all).
 */
const DRAIN_LIMIT = 64 * 1024 * 1024
const readBody = (req: IncomingMessage): Promise<Buffer | null> =>
  new Promise((resolveBody, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0)
    const chunks: Buffer[] = []
    let size = 0
    let tooLarge = declared > MAX_BODY
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY) tooLarge = true
      if (!tooLarge) chunks.push(chunk)
      else if (size > DRAIN_LIMIT) {
        reject(new AppError('REQUEST.TOO_LARGE'))
        req.pause()
      }
    })
    req.on('end', () => {
      if (tooLarge) reject(new AppError('REQUEST.TOO_LARGE'))
      else resolveBody(chunks.length ? Buffer.concat(chunks) : null)
    })
    req.on('error', reject)
  })

/** API-gateway v2 folds repeated query keys into one comma-joined value; so do we. */
const queryParams = (search: URLSearchParams): Record<string, string> => {
  const out: Record<string, string> = {}
  for (const [k, v] of search) out[k] = k in out ? `${out[k]},${v}` : v
  return out
}

export interface LocalHostOptions {
  deps: Deps
  log: Logger
  staticDir: string
  /** Enables POST /__dev/jobs/{name} for `npm run job` while the host runs. */
  devSecret?: string
}

export interface LocalHost {
  server: Server
  /** Listens on 127.0.0.1 unless another interface is named. */
  listen(port: number, host?: string): Promise<number>
  startScheduler(): void
  runJob(name: string, at: Date, trigger?: 'timer' | 'manual'): Promise<Record<string, number | string>>
  close(): Promise<void>
}

export const createLocalHost = async (opts: LocalHostOptions): Promise<LocalHost> => {
  const { deps, log } = opts
  const routes: LoadedRoute[] = []
  const jobs = new Map<string, ScheduledJob>()
  for (const spec of FUNCTIONS) {
    const mod = await spec.load()
    for (const r of spec.routes) {
      routes.push({
        method: r.method,
        path: r.path,
        key: routeKey(r),
        handler: mod.handler as unknown as HttpHandler,
      })
    }
    if (mod.job) jobs.set(spec.name, mod.job)
  }
  // A path matches only patterns of as many segments: each request tries a few, not all.
  const routesBySegments = new Map<number, LoadedRoute[]>()
  for (const r of routes) {
    const n = r.path.split('/').length
    routesBySegments.set(n, [...(routesBySegments.get(n) ?? []), r])
  }
  const crons: Cron[] = []
  const staticRoot = resolve(opts.staticDir)

  const runJob = async (name: string, at: Date, trigger: 'timer' | 'manual' = 'manual') => {
    const job = jobs.get(name)
    if (!job) throw new AppError('SCHEDULE.UNKNOWN_JOB')
    return runScheduledJob(job, deps, at, trigger)
  }

  const serveApi = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const method = (req.method ?? 'GET').toUpperCase()
    const candidates = (routesBySegments.get(url.pathname.split('/').length) ?? [])
      .map((r) => ({ r, params: matchPath(r.path, url.pathname) }))
      .filter((m) => m.params !== null)
    const hit = candidates.find((m) => m.r.method === method)
    if (!hit) return sendError(res, candidates.length ? 'ROUTE.METHOD_NOT_ALLOWED' : 'ROUTE.NOT_FOUND')
    const bytes = await readBody(req)
    // Text travels as text; anything else (file uploads) base64-encoded, as API gateways do.
    const textual = /^(application\/json|text\/)/i.test(req.headers['content-type'] ?? 'application/json')
    const body = bytes === null ? null : textual ? bytes.toString('utf8') : bytes.toString('base64')
    const headers: Record<string, string> = {}
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v
    const event: HttpEvent = {
      version: '2.0',
      routeKey: hit.r.key,
      rawPath: url.pathname,
      rawQueryString: url.search.slice(1),
      headers,
      queryStringParameters: queryParams(url.searchParams),
      pathParameters: hit.params ?? {},
      body,
      isBase64Encoded: bytes !== null && !textual,
      requestContext: {
        requestId: randomUUID(),
        http: { method, path: url.pathname, sourceIp: req.socket.remoteAddress },
      },
    }
    const result = await hit.r.handler(event)
    res.writeHead(result.statusCode, result.headers ?? {})
    res.end(result.isBase64Encoded ? Buffer.from(result.body, 'base64') : result.body)
  }

  const serveDev = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const name = /^\/__dev\/jobs\/([a-z0-9-]+)$/.exec(url.pathname)?.[1]
    if (!opts.devSecret || !name || req.method !== 'POST') return sendError(res, 'ROUTE.NOT_FOUND')
    if (req.headers['x-dev-secret'] !== opts.devSecret) return sendError(res, 'AUTH.FORBIDDEN')
    const body = JSON.parse((await readBody(req))?.toString('utf8') ?? '{}') as { at?: string }
    const at = body.at ? parseInstant(body.at) : deps.clock.now()
    sendJson(res, 200, { name, at: at.toISOString(), summary: await runJob(name, at) })
  }

  const serveStatic = (req: IncomingMessage, res: ServerResponse, url: URL) => {
    // The app's files are only ever read: a body sent here is discarded, not answered with HTML.
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      req.resume()
      return sendError(res, 'ROUTE.METHOD_NOT_ALLOWED')
    }
    const index = join(staticRoot, 'index.html')
    if (!existsSync(index)) {
      res.writeHead(503, { 'content-type': 'text/html; charset=utf-8' })
      res.end(
        '<!doctype html><meta charset="utf-8"><p>H5 尚未构建：请运行 <code>npm run build:h5</code> 后刷新。</p>',
      )
      return
    }
    // handle() has already refused a path that doesn't decode or holds a NUL.
    let file = normalize(join(staticRoot, decodeURIComponent(url.pathname)))
    if (!file.startsWith(staticRoot + sep) && file !== staticRoot) return sendError(res, 'ROUTE.NOT_FOUND')
    if (!existsSync(file) || statSync(file).isDirectory()) file = index
    const type = TYPES[extname(file)] ?? 'application/octet-stream'
    // Built assets carry content hashes; only the HTML must always be fresh.
    const cache = file === index ? 'no-cache' : 'public, max-age=3600'
    res.writeHead(200, { 'content-type': type, 'cache-control': cache })
    if (req.method === 'HEAD') return res.end()
    createReadStream(file).pipe(res)
  }

  /** A path that decodes, to no NUL: anything else names no file and no route. */
  const decodablePath = (pathname: string): boolean => {
    try {
      return !decodeURIComponent(pathname).includes('\u0000')
    } catch {
      return false
    }
  }

  /** Only origin-form targets (`/path?query`); `new URL` throws on much of what arrives. */
  const parseTarget = (target: string | undefined): URL | null => {
    if (!target?.startsWith('/') || target.startsWith('//')) return null
    try {
      return new URL(target, 'http://localhost')
    } catch {
      return null
    }
  }

  const handle = (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = parseTarget(req.url)
    if (!url || !decodablePath(url.pathname)) {
      req.resume()
      sendError(res, 'REQUEST.INVALID_PATH')
      return Promise.resolve()
    }
    // Anything thrown while answering (synchronously or not) ends as an error reply, never
    // as an exception that takes the process, and its scheduler, down.
    return (async (): Promise<void> => {
      if (url.pathname.startsWith('/api/')) await serveApi(req, res, url)
      else if (url.pathname.startsWith('/__dev/')) await serveDev(req, res, url)
      else serveStatic(req, res, url)
    })().catch((err: unknown) => {
      if (err instanceof AppError) {
        if (!res.headersSent) {
          const close = err.code === 'REQUEST.TOO_LARGE' ? { connection: 'close' } : undefined
          sendJson(res, err.status, { code: err.code, message: err.message }, close)
        }
        return
      }
      log.error('host request failed', { error: err })
      if (!res.headersSent) sendError(res, 'INTERNAL')
      else res.end()
    })
  }

  const server = createServer((req, res) => {
    void handle(req, res)
  })
  // A request line Node itself can't parse: a plain 400, and the process carries on.
  server.on('clientError', (_err, socket) => {
    if (socket.writable)
      socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n')
    else socket.destroy()
  })

  // Idle keep-alive sockets are closed by the client, never by us: when Node's 5-second default
  // fired first (a busy event loop delays the client's own 4-second timer), the client reused a
  // socket the server had just closed and the request died with ECONNRESET.
  server.keepAliveTimeout = 65_000
  server.headersTimeout = 66_000

  return {
    server,
    listen: (port, host = '127.0.0.1') =>
      new Promise((resolveListen, reject) => {
        server.once('error', reject)
        server.listen(port, host, () => {
          const address = server.address()
          resolveListen(typeof address === 'object' && address ? address.port : port)
        })
      }),
    startScheduler: () => {
      for (const spec of FUNCTIONS) {
        if (!spec.schedule) continue
        const cron = new Cron(
          spec.schedule.cron,
          { timezone: SCHEDULE_TIMEZONE, protect: true },
          async () => {
            await runJob(spec.name, deps.clock.now(), 'timer').catch(() => undefined) // logged by runScheduledJob
          },
        )
        crons.push(cron)
        log.info('scheduled', {
          job: spec.name,
          cron: spec.schedule.cron,
          next: cron.nextRun()?.toISOString(),
        })
      }
    },
    runJob,
    close: async () => {
      for (const c of crons) c.stop()
      const closed = new Promise<void>((r) => server.close(() => r()))
      server.closeIdleConnections()
      await closed
    },
  }
}
