import { randomUUID } from 'node:crypto'
import middy from '@middy/core'
import httpHeaderNormalizer from '@middy/http-header-normalizer'
import type { ZodType } from 'zod'
import type { Identity, Role } from '../../shared/auth/identity'
import { AppError, type ErrorBody, type FieldIssue } from '../../shared/errors'
import { isCleanText } from '../../shared/text'
import '../../shared/validation'
import { type RateLimit, spend } from '../contexts/limits/rate-limit'
import { verifySessionToken } from '../identity/session-token'
import { createLogger, type Logger } from '../platform/logger'
import { accounts } from '../store/collections'
import { InvalidCursorError } from '../store/port'
import { type Deps, getDeps } from './deps'
import type { FunctionContext, HttpEvent, HttpResult } from './events'

/**
 * The one middleware stack every HTTP function shares, and the route definitions it serves.
 *
 *   request id + log line  ->  header normaliser  ->  JSON body  ->  identity  ->  route
 *   (zod-parsed params/query/body, role check)  ->  use case  ->  JSON reply
 *
 * Every failure leaves as `{ code, message, requestId, issues? }` with the code's status: no
 * stack trace, no internal message, ever.
 */
export type Access = 'public' | 'user' | readonly Role[]

export interface RouteInput<P, Q, B> {
  params: P
  query: Q
  body: B
  /** The request body as bytes, for routes that accept files (`raw` in the route). */
  raw: { bytes: Buffer; contentType: string } | null
  identity: Identity | null
  deps: Deps
  log: Logger
  requestId: string
}

export interface RouteDef<P = unknown, Q = unknown, B = unknown, R = unknown> {
  access: Access
  params?: ZodType<P>
  query?: ZodType<Q>
  body?: ZodType<B>
  status?: number
  /** Accept a non-JSON body of these media types, handed over as bytes (file uploads). */
  /** A body of bytes (uploads): its accepted types and size, and how a refusal names them. */
  raw?: { types: readonly string[]; maxBytes: number; typesText: string; sizeText: string }
  /** Requests allowed per account and per source address; over them, 429 with Retry-After. */
  limits?: readonly RateLimit[]
  handle(input: RouteInput<P, Q, B>): Promise<R>
}

/** A reply whose status differs from the route's usual one (e.g. 200 for a retried create). */
export class Reply<T> {
  constructor(
    readonly status: number,
    readonly body: T,
  ) {}
}
export const withStatus = <T>(status: number, body: T): Reply<T> => new Reply(status, body)

/** A file as the reply body (base64 on the wire, as API gateways carry binary). */
export class FileReply {
  constructor(
    readonly bytes: Buffer,
    readonly contentType: string,
    /** Offered as a download under this name (报表); absent for files opened in place. */
    readonly filename?: string,
  ) {}
}
export const fileReply = (bytes: Buffer, contentType: string, filename?: string): FileReply =>
  new FileReply(bytes, contentType, filename)

/** Typed helper: infers P/Q/B from the schemas given. */
export const route = <P = Record<string, never>, Q = Record<string, never>, B = undefined, R = unknown>(
  def: RouteDef<P, Q, B, R>,
): RouteDef<P, Q, B, R> => def

interface State {
  requestId: string
  log: Logger
  startedAt: number
  identity: Identity | null
  /** Why a token didn't pass: unreadable or expired, or the account's role changed since. */
  tokenProblem: false | 'token' | 'role'
  body: unknown
  raw: { bytes: Buffer; contentType: string } | null
}

type Req = middy.Request<HttpEvent, HttpResult> & {
  internal: { state?: State }
}

const json = (statusCode: number, body: unknown, requestId: string): HttpResult => ({
  statusCode,
  headers: {
    'content-type': 'application/json; charset=utf-8',
    'x-request-id': requestId,
    'x-content-type-options': 'nosniff',
  },
  body: JSON.stringify(body),
})

const zodIssues = (
  prefix: string,
  error: { issues: { path: PropertyKey[]; message: string; code: string; keys?: string[] }[] },
): FieldIssue[] =>
  error.issues.flatMap((i) =>
    i.code === 'unrecognized_keys' && i.keys
      ? i.keys.map((k) => ({
          field: [prefix, ...i.path.map(String), k].filter(Boolean).join('.'),
          message: `不支持的参数 ${k}`,
        }))
      : [{ field: [prefix, ...i.path.map(String)].filter(Boolean).join('.') || prefix, message: i.message }],
  )

const parse = <T>(schema: ZodType<T> | undefined, value: unknown, where: 'params' | 'query' | 'body'): T => {
  if (!schema) return (where === 'body' ? undefined : {}) as T
  const result = schema.safeParse(value)
  if (result.success) return result.data
  const issues = zodIssues('', result.error as never)
  const names = issues.map((i) => i.field).join('、')
  throw new AppError('REQUEST.INVALID', { message: `请求参数有误：${names || where}`, issues })
}

/**
 * Text no field may hold, wherever it is: `\u0000`, an unpaired surrogate or a control
 * character (tabs and line breaks aside). Postgres can't store the first two and none belongs
 * in what people type, so every request is checked here, before any schema — one rule for
 * every route, a 400 naming the field, and nothing reaches a store.
 */
const uncleanFields = (value: unknown, path: string, out: string[]): void => {
  if (out.length >= 10) return
  if (typeof value === 'string') {
    if (!isCleanText(value)) out.push(path)
  } else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) uncleanFields(v, `${path}.${i}`, out)
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (!isCleanText(k)) out.push(path)
      else uncleanFields(v, path ? `${path}.${k}` : k, out)
    }
  }
}

const refuseUncleanText = (parts: Record<'params' | 'query' | 'body', unknown>): void => {
  const bad: string[] = []
  for (const [where, value] of Object.entries(parts)) uncleanFields(value, where, bad)
  if (!bad.length) return
  const fields = bad.map((f) => f.replace(/^(body|query|params)\.?/, '') || f)
  throw new AppError('REQUEST.INVALID', {
    message: `请求参数有误：${fields.join('、')} 含有不支持的字符`,
    issues: fields.map((field) => ({ field, message: '含有不支持的字符（如空字符或无效编码）' })),
  })
}

const requestState = (): middy.MiddlewareObj<HttpEvent, HttpResult> => ({
  before: (request) => {
    const event = request.event
    const requestId = event.requestContext?.requestId ?? randomUUID()
    const log = createLogger({ requestId, route: event.routeKey })
    ;(request as Req).internal.state = {
      requestId,
      log,
      startedAt: Date.now(),
      identity: null,
      tokenProblem: false,
      body: undefined,
      raw: null,
    }
  },
  after: (request) => {
    const s = (request as Req).internal.state!
    s.log.info('request', { status: request.response?.statusCode, ms: Date.now() - s.startedAt })
  },
  onError: (request) => {
    const s = (request as Req).internal.state
    const requestId = s?.requestId ?? randomUUID()
    const err = request.error
    const log = s?.log ?? createLogger({ requestId })
    if (err instanceof AppError) {
      const body: ErrorBody = { code: err.code, message: err.message, requestId }
      if (err.issues?.length) body.issues = err.issues
      request.response = json(err.status, body, requestId)
      if (err.retryAfterSeconds) request.response.headers!['retry-after'] = String(err.retryAfterSeconds)
      log.info('request refused', { status: err.status, errorCode: err.code })
    } else if (err instanceof InvalidCursorError) {
      const e = new AppError('REQUEST.INVALID_CURSOR')
      request.response = json(e.status, { code: e.code, message: e.message, requestId }, requestId)
    } else {
      log.error('request failed', { error: err })
      const e = new AppError('INTERNAL')
      request.response = json(500, { code: e.code, message: e.message, requestId }, requestId)
    }
    if (s) log.info('request', { status: request.response.statusCode, ms: Date.now() - s.startedAt })
  },
})

/**
 * JSON bodies; a malformed one is a 400 that names the problem, before any work. Routes that
 * take files declare the media types they accept and get the bytes instead.
 */
const jsonBody = (routes: RouteTable): middy.MiddlewareObj<HttpEvent, HttpResult> => ({
  before: (request) => {
    const { event } = request
    const s = (request as Req).internal.state!
    if (event.body === undefined || event.body === null || event.body === '') return
    const type = (event.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase()
    const raw = routes[event.routeKey]?.raw
    if (raw?.types.includes(type)) {
      const bytes = event.isBase64Encoded
        ? Buffer.from(event.body, 'base64')
        : Buffer.from(event.body, 'binary')
      if (bytes.length > raw.maxBytes) throw new AppError('REQUEST.TOO_LARGE', { message: raw.sizeText })
      s.raw = { bytes, contentType: type }
      return
    }
    if (type && type !== 'application/json')
      throw new AppError('REQUEST.UNSUPPORTED_MEDIA_TYPE', raw ? { message: raw.typesText } : {})
    const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body
    try {
      s.body = JSON.parse(text)
    } catch {
      throw new AppError('REQUEST.MALFORMED_JSON')
    }
  },
})

/** Who is calling: the CloudBase platform's openid, or a session token over HTTP. */
const identify = (): middy.MiddlewareObj<HttpEvent, HttpResult> => ({
  before: async (request) => {
    const s = (request as Req).internal.state!
    const deps = await getDeps()
    const cloud = request.event.requestContext?.cloudbase
    if (cloud?.openid) {
      const account = await deps.store.get(accounts, `wx:${cloud.openid}`)
      s.identity = {
        openid: cloud.openid,
        role: account?.role ?? 'resident',
        region: account?.region ?? null,
      }
      return
    }
    const header = request.event.headers.authorization
    if (!header) return
    const token = /^Bearer\s+(.+)$/i.exec(header)?.[1]
    const who = token ? await verifySessionToken(deps.env, token, deps.clock.now()) : null
    // The token says who they were at login; the account says who they are now. A role or
    // region taken away (or an account removed) stops at once, not when the token expires.
    const account = who ? await deps.store.get(accounts, `wx:${who.openid}`) : null
    const current = account && account.role === who!.role && (account.region ?? null) === who!.region
    if (current) s.identity = who
    else s.tokenProblem = account ? 'role' : 'token'
  },
})

const authorise = (access: Access, s: State): void => {
  if (access === 'public') return
  if (!s.identity)
    throw new AppError(
      s.tokenProblem === 'role'
        ? 'AUTH.ROLE_CHANGED'
        : s.tokenProblem
          ? 'AUTH.INVALID_TOKEN'
          : 'AUTH.REQUIRED',
    )
  if (access !== 'user' && !access.includes(s.identity.role)) throw new AppError('AUTH.FORBIDDEN')
}

/** Counted before the input is read, so a flood of bad requests is limited as well. */
const spendLimits = async (limits: readonly RateLimit[], s: State, event: HttpEvent) => {
  const deps = await getDeps()
  if (deps.env.RATE_LIMITS === 'off') return
  const at = deps.clock.now()
  const source = event.requestContext?.http?.sourceIp
  for (const limit of limits) {
    const key = limit.per === 'account' ? s.identity?.openid : source
    if (key) await spend(deps.store, limit, key, at)
  }
}

// biome-ignore lint/suspicious/noExplicitAny: a table holds routes of many different input and output types
type AnyRoute = RouteDef<any, any, any, any>
export type RouteTable = Record<string, AnyRoute>

/** What the route middleware hands the handler in place of the raw event. */
interface ParsedRequest {
  def: AnyRoute
  input: Omit<RouteInput<unknown, unknown, unknown>, 'deps'>
}

/** Find the route, check access, and replace the event with zod-parsed, typed input. */
const routeInput = (routes: RouteTable): middy.MiddlewareObj<HttpEvent, HttpResult> => ({
  before: async (request) => {
    const s = (request as Req).internal.state!
    const event = request.event
    const def = routes[event.routeKey]
    if (!def) throw new AppError('ROUTE.NOT_FOUND')
    authorise(def.access, s)
    if (def.limits?.length) await spendLimits(def.limits, s, event)
    refuseUncleanText({ params: event.pathParameters, query: event.queryStringParameters, body: s.body })
    const parsed: ParsedRequest = {
      def,
      input: {
        params: parse(def.params, event.pathParameters ?? {}, 'params'),
        query: parse(def.query, event.queryStringParameters ?? {}, 'query'),
        body: parse(def.body, s.body ?? (def.body ? {} : undefined), 'body'),
        identity: s.identity,
        raw: s.raw,
        log: s.log,
        requestId: s.requestId,
      },
    }
    ;(request as unknown as { event: ParsedRequest }).event = parsed
  },
})

/**
 * Build a function from its routes, keyed `METHOD /path/{param}` as in shared/api/routes.ts.
 * `handler` serves API gateways and the local host; runtime/cloudbase.ts adds `main`.
 */
export const httpFunction = (routes: RouteTable) => {
  const handler = middy<HttpEvent, HttpResult>({ timeoutEarlyInMillis: 0 })
    .use(requestState())
    .use(httpHeaderNormalizer({ canonical: false }))
    .use(jsonBody(routes))
    .use(identify())
    .use(routeInput(routes))
    .handler(async (event) => {
      const { def, input } = event as unknown as ParsedRequest
      const result = await def.handle({ ...input, deps: await getDeps() })
      if (result instanceof Reply) return json(result.status, result.body, input.requestId)
      if (result instanceof FileReply) {
        return {
          statusCode: 200,
          headers: {
            'content-type': result.contentType,
            'x-request-id': input.requestId,
            'cache-control': 'private, no-store',
            // Served as what it was checked to be, never sniffed into HTML, never run in our origin.
            'x-content-type-options': 'nosniff',
            'content-security-policy': "default-src 'none'; sandbox",
            ...(result.filename
              ? {
                  'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(result.filename)}`,
                }
              : {}),
          },
          body: result.bytes.toString('base64'),
          isBase64Encoded: true,
        }
      }
      return json(def.status ?? 200, result, input.requestId)
    })

  return {
    handler: handler as unknown as (event: HttpEvent, context?: FunctionContext) => Promise<HttpResult>,
    routes,
  }
}
