/**
 * The event shapes our functions take. HTTP functions speak the API-gateway HTTP API (v2)
 * format everywhere: the gateway sends it, the local host builds it from a Node request, and
 * the CloudBase adapter builds it from a `wx.cloud.callFunction` call.
 */
export interface HttpEvent {
  version?: '2.0'
  routeKey: string
  rawPath: string
  rawQueryString?: string
  headers: Record<string, string | undefined>
  queryStringParameters?: Record<string, string | undefined>
  pathParameters?: Record<string, string | undefined>
  body?: string | null
  isBase64Encoded?: boolean
  requestContext: {
    requestId?: string
    http: { method: string; path: string; sourceIp?: string }
    /** Set only by our CloudBase adapter from the platform's trusted call context. */
    cloudbase?: { openid: string }
  }
}

export interface HttpResult {
  statusCode: number
  headers?: Record<string, string>
  body: string
  isBase64Encoded?: boolean
}

/** The subset of a Lambda-style context our code reads; every host can provide it. */
export interface FunctionContext {
  awsRequestId?: string
  functionName?: string
  getRemainingTimeInMillis?: () => number
  [key: string]: unknown
}
