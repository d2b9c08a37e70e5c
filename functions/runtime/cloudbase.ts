import { API_ROUTES, type ApiRoute, matchPath, routeKey } from '../../shared/api/routes'
import { AppError } from '../../shared/errors'
import type { FunctionContext, HttpEvent, HttpResult } from './events'

/**
 * CloudBase entry: the mini-program calls `wx.cloud.callFunction({ name, data: { $http } })`
 * and we turn that call into the same HTTP event the gateway sends, with the caller's openid
 * taken from the platform's trusted context (never from the data the client sent).
 */
export interface CloudCall {
  $http?: {
    method?: string
    path?: string
    query?: Record<string, unknown>
    body?: unknown
  }
}

export interface CloudReply {
  statusCode: number
  body: unknown
}

type Handler = (event: HttpEvent, context?: FunctionContext) => Promise<HttpResult>

const stringifyQuery = (query: Record<string, unknown> = {}): Record<string, string> => {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue
    out[k] = typeof v === 'string' ? v : JSON.stringify(v)
  }
  return out
}

/** The openid CloudBase injected for this call, if it came from a mini-program user. */
const callerOpenid = async (context: FunctionContext): Promise<string | undefined> => {
  if (process.env.WX_OPENID) return process.env.WX_OPENID
  try {
    const tcb = await import('@cloudbase/node-sdk')
    const sdk = (tcb as unknown as { default?: typeof tcb }).default ?? tcb
    return sdk.getCloudbaseContext(context as never).WX_OPENID || undefined
  } catch {
    return undefined
  }
}

export const toHttpEvent = (
  fnName: string,
  call: CloudCall,
  openid: string | undefined,
  requestId: string | undefined,
): HttpEvent | null => {
  const method = (call.$http?.method ?? 'GET').toUpperCase()
  const path = call.$http?.path ?? ''
  const routes: ApiRoute[] = Object.values(API_ROUTES).filter((r) => r.fn === fnName)
  for (const r of routes) {
    const params = r.method === method ? matchPath(r.path, path) : null
    if (!params) continue
    const body = call.$http?.body
    return {
      version: '2.0',
      routeKey: routeKey(r),
      rawPath: path,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      queryStringParameters: stringifyQuery(call.$http?.query),
      pathParameters: params,
      body: body === undefined ? null : JSON.stringify(body),
      requestContext: {
        requestId,
        http: { method, path },
        ...(openid ? { cloudbase: { openid } } : {}),
      },
    }
  }
  return null
}

export const cloudbaseMain =
  (fnName: string, handler: Handler) =>
  async (call: CloudCall, context: FunctionContext = {}): Promise<CloudReply> => {
    const requestId = typeof context.request_id === 'string' ? context.request_id : undefined
    const event = toHttpEvent(fnName, call ?? {}, await callerOpenid(context), requestId)
    if (!event) {
      const e = new AppError('ROUTE.NOT_FOUND')
      return { statusCode: e.status, body: { code: e.code, message: e.message } }
    }
    const result = await handler(event, context)
    if (result.isBase64Encoded) {
      return {
        statusCode: result.statusCode,
        body: { contentType: result.headers?.['content-type'], dataBase64: result.body },
      }
    }
    return { statusCode: result.statusCode, body: result.body ? JSON.parse(result.body) : null }
  }
