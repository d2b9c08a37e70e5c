import { API_ROUTES, fillPath, type RouteName } from '@shared/api/routes'
import { type ErrorCode, type FieldIssue, isErrorBody } from '@shared/errors'
import { MATERIAL_SIZE_TEXT, materialProblem } from '@shared/files/materials'
import Taro from '@tarojs/taro'
import { getToken } from '../store/session'
import type { RouteReplies } from './types'

/** HTTP base URL; '' means the page's own origin (H5 served next to the API). */
export const API_BASE = (process.env.TARO_APP_API_BASE ?? '').replace(/\/+$/, '')
/** CloudBase environment id; when set on weapp, routes are called as cloud functions. */
export const CLOUD_ENV = process.env.TARO_APP_CLOUD_ENV ?? ''
export const USE_CLOUD = process.env.TARO_ENV === 'weapp' && CLOUD_ENV !== ''

/** Failures that never reached the server, or answers that were not our error body. */
export type ClientErrorCode = 'NETWORK.FAILED' | 'HTTP.UNEXPECTED'

const CLIENT_MESSAGES: Record<ClientErrorCode, string> = {
  'NETWORK.FAILED': '网络连接失败，请检查网络后重试',
  'HTTP.UNEXPECTED': '服务暂时不可用，请稍后重试',
}

export class ApiError extends Error {
  readonly code: ErrorCode | ClientErrorCode
  readonly status: number
  readonly requestId?: string
  readonly issues?: FieldIssue[]

  constructor(
    code: ErrorCode | ClientErrorCode,
    message: string,
    status: number,
    extra: { requestId?: string; issues?: FieldIssue[] } = {},
  ) {
    super(message)
    this.name = 'ApiError'
    this.code = code
    this.status = status
    this.requestId = extra.requestId
    this.issues = extra.issues
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError

export type QueryValue = string | number | boolean | null | undefined

export interface ApiOptions {
  params?: Record<string, string>
  query?: Record<string, QueryValue>
  body?: unknown
}

/** Query values as strings, without the undefined/null/empty ones. */
export const cleanQuery = (query: Record<string, QueryValue> = {}): Record<string, string> => {
  const out: Record<string, string> = {}
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue
    const text = String(value)
    if (text === '') continue
    out[key] = text
  }
  return out
}

export const queryString = (query: Record<string, string>): string =>
  Object.entries(query)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&')

/** Turn a reply into the route's result or an ApiError. */
const settle = <T>(status: number, body: unknown): T => {
  if (status >= 200 && status < 300) return body as T
  if (isErrorBody(body)) {
    // The pages drop the session and show 请先登录; this says why (a role granted or taken away).
    if (body.code === 'AUTH.ROLE_CHANGED')
      void Taro.showToast({ title: body.message, icon: 'none', duration: 3000 }).catch(() => undefined)
    throw new ApiError(body.code, body.message || CLIENT_MESSAGES['HTTP.UNEXPECTED'], status, {
      requestId: body.requestId,
      issues: body.issues,
    })
  }
  throw new ApiError('HTTP.UNEXPECTED', CLIENT_MESSAGES['HTTP.UNEXPECTED'], status)
}

const parseBody = (body: unknown): unknown => {
  if (typeof body !== 'string') return body
  try {
    return JSON.parse(body)
  } catch {
    return body
  }
}

interface CloudReply {
  statusCode?: number
  body?: unknown
}

const callCloud = async (
  fn: string,
  method: string,
  path: string,
  query: Record<string, string>,
  body: unknown,
): Promise<{ status: number; body: unknown }> => {
  let result: CloudReply | undefined
  try {
    const res = await Taro.cloud.callFunction({
      name: fn,
      data: { $http: { method, path, query, body } },
    })
    result = res.result as CloudReply | undefined
  } catch {
    throw new ApiError('NETWORK.FAILED', CLIENT_MESSAGES['NETWORK.FAILED'], 0)
  }
  return { status: result?.statusCode ?? 500, body: parseBody(result?.body) }
}

const callHttp = async (
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  query: Record<string, string>,
  body: unknown,
): Promise<{ status: number; body: unknown }> => {
  const qs = queryString(query)
  const header: Record<string, string> = { Accept: 'application/json' }
  const token = getToken()
  if (token) header.Authorization = `Bearer ${token}`
  if (body !== undefined) header['Content-Type'] = 'application/json'
  try {
    const res = await Taro.request({
      url: `${API_BASE}${path}${qs ? `?${qs}` : ''}`,
      method,
      header,
      data: body as TaroGeneral.IAnyObject | undefined,
      dataType: 'json',
      timeout: 15000,
    })
    return { status: res.statusCode, body: parseBody(res.data) }
  } catch {
    throw new ApiError('NETWORK.FAILED', CLIENT_MESSAGES['NETWORK.FAILED'], 0)
  }
}

/**
 * Call one route of the API (shared/api/routes.ts). On weapp with a CloudBase environment the
 * route's function is invoked directly; elsewhere it is an HTTP request. Only routes whose reply
 * is typed in RouteReplies can be called, so a route added to the shared list does not break
 * the app's type check before a page uses it.
 */
export const api = async <N extends RouteName & keyof RouteReplies>(
  name: N,
  options: ApiOptions = {},
): Promise<RouteReplies[N]> => {
  const route = API_ROUTES[name]
  const path = fillPath(route.path, options.params)
  const query = cleanQuery(options.query)
  const reply = USE_CLOUD
    ? await callCloud(route.fn, route.method, path, query, options.body)
    : await callHttp(route.method, path, query, options.body)
  return settle<RouteReplies[N]>(reply.status, reply.body)
}

/**
 * The error's code as plain text, for comparing with codes the shared list may not carry yet
 * (`APPLICATION.*` lands with the applications functions).
 */
export const errorCode = (e: unknown): string => (isApiError(e) ? String(e.code) : '')

/** The message to show a resident for any failure: the server's Chinese message, never internals. */
export const errorMessage = (e: unknown): string => {
  if (!isApiError(e)) return CLIENT_MESSAGES['HTTP.UNEXPECTED']
  // "请求参数有误" says little; the first field problem says what to fix.
  const issue = e.issues?.[0]?.message
  return e.code === 'REQUEST.INVALID' && issue ? issue : e.message
}

export interface UploadedFile {
  id: string
  name: string
  contentType: string
  size: number
}

const TYPE_BY_EXTENSION: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  pdf: 'application/pdf',
}

/**
 * In the mini-program on CloudBase a function call can't carry a photo: the bytes go to cloud
 * storage (wx.cloud.uploadFile) under a path the server issued for this account, and the
 * server then imports them — checks them like any upload and keeps them as the material.
 */
const uploadThroughCloud = async (
  bytes: ArrayBuffer,
  name: string,
  contentType: string,
  personId?: string,
): Promise<UploadedFile> => {
  const slot = await api('cloudUploadSlot')
  const filePath = `${Taro.env.USER_DATA_PATH}/upload-${Date.now()}`
  let fileId: string
  try {
    Taro.getFileSystemManager().writeFileSync(filePath, bytes)
    fileId = (await Taro.cloud.uploadFile({ cloudPath: slot.cloudPath, filePath })).fileID
  } catch {
    throw new ApiError('NETWORK.FAILED', CLIENT_MESSAGES['NETWORK.FAILED'], 0)
  }
  return api('importCloudFile', {
    body: {
      fileId,
      name,
      contentType: contentType as 'image/jpeg' | 'image/png' | 'application/pdf',
      ...(personId ? { personId } : {}),
    },
  })
}

/** Upload one material as raw bytes to POST /api/files (through cloud storage on CloudBase). */
export const uploadMaterial = async (
  bytes: ArrayBuffer,
  name: string,
  fileType?: string,
  /** Staff uploading for a person of their region. */
  personId?: string,
): Promise<UploadedFile> => {
  const extension = (name.split('.').pop() ?? '').toLowerCase()
  const contentType = fileType || TYPE_BY_EXTENSION[extension] || 'image/jpeg'
  // Refused here with the rule it breaks, rather than sent to be refused.
  const problem = materialProblem(contentType, bytes.byteLength)
  if (problem)
    throw new ApiError(
      problem === MATERIAL_SIZE_TEXT ? 'REQUEST.TOO_LARGE' : 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
      problem,
      0,
    )
  if (USE_CLOUD) return uploadThroughCloud(bytes, name, contentType, personId)
  const header: Record<string, string> = { 'Content-Type': contentType, Accept: 'application/json' }
  const token = getToken()
  if (token) header.Authorization = `Bearer ${token}`
  let res: { statusCode: number; data: unknown }
  try {
    res = await Taro.request({
      url: `${API_BASE}/api/files?${queryString({ name, ...(personId ? { personId } : {}) })}`,
      method: 'POST',
      header,
      data: bytes as unknown as TaroGeneral.IAnyObject,
      dataType: 'json',
      timeout: 30000,
    })
  } catch {
    throw new ApiError('NETWORK.FAILED', CLIENT_MESSAGES['NETWORK.FAILED'], 0)
  }
  return settle<UploadedFile>(res.statusCode, parseBody(res.data))
}

/**
 * Open an uploaded material (photo or PDF) for its owner or staff in scope; the server audits
 * every download. H5 opens it in a new tab; the mini-program downloads it and previews it.
 */
export const openMaterial = async (fileId: string, name: string): Promise<void> => {
  if (USE_CLOUD) {
    // The files function answers the bytes as base64 (runtime/cloudbase.ts); shown from a file.
    const reply = await callCloud('files', 'GET', `/api/files/${encodeURIComponent(fileId)}`, {}, undefined)
    const file = reply.body as { dataBase64?: string } | null
    if (reply.status !== 200 || !file?.dataBase64) settle(reply.status, reply.body)
    const filePath = `${Taro.env.USER_DATA_PATH}/${fileId}-${name.replace(/[^\w.\u4e00-\u9fa5-]/g, '_')}`
    Taro.getFileSystemManager().writeFileSync(filePath, file!.dataBase64!, 'base64')
    if (/\.pdf$/i.test(name)) await Taro.openDocument({ filePath, fileType: 'pdf' })
    else await Taro.previewImage({ urls: [filePath] })
    return
  }
  const url = `${API_BASE}/api/files/${encodeURIComponent(fileId)}`
  const token = getToken()
  const header: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {}
  if (process.env.TARO_ENV === 'h5') {
    let res: Response
    try {
      res = await fetch(url, { headers: header })
    } catch {
      throw new ApiError('NETWORK.FAILED', CLIENT_MESSAGES['NETWORK.FAILED'], 0)
    }
    if (!res.ok) settle(res.status, await res.json().catch(() => null))
    const blob = await res.blob()
    window.open(URL.createObjectURL(blob), '_blank')
    return
  }
  let done: { statusCode: number; tempFilePath: string }
  try {
    done = await Taro.downloadFile({ url, header })
  } catch {
    throw new ApiError('NETWORK.FAILED', CLIENT_MESSAGES['NETWORK.FAILED'], 0)
  }
  if (done.statusCode !== 200) settle(done.statusCode, null)
  if (/\.pdf$/i.test(name)) await Taro.openDocument({ filePath: done.tempFilePath, fileType: 'pdf' })
  else await Taro.previewImage({ urls: [done.tempFilePath] })
}

/**
 * Download a report workbook (.xlsx) a route answers with `format=xlsx`. H5 saves it under its
 * name; the mini-program writes it to the user data folder and opens it (WeChat's document
 * viewer can forward or save it). The server audits every export.
 */
export const downloadWorkbook = async (
  name: RouteName,
  query: Record<string, string | number | undefined>,
  filename: string,
): Promise<void> => {
  const route = API_ROUTES[name]
  const q = cleanQuery({ ...query, format: 'xlsx' })
  if (USE_CLOUD) {
    const reply = await callCloud(route.fn, route.method, route.path, q, undefined)
    const file = reply.body as { dataBase64?: string } | null
    if (reply.status !== 200 || !file?.dataBase64) settle(reply.status, reply.body)
    const filePath = `${Taro.env.USER_DATA_PATH}/${filename}`
    Taro.getFileSystemManager().writeFileSync(filePath, file!.dataBase64!, 'base64')
    await Taro.openDocument({ filePath, fileType: 'xlsx', showMenu: true })
    return
  }
  const url = `${API_BASE}${route.path}?${queryString(q)}`
  const token = getToken()
  const header: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {}
  if (process.env.TARO_ENV === 'h5') {
    let res: Response
    try {
      res = await fetch(url, { headers: header })
    } catch {
      throw new ApiError('NETWORK.FAILED', CLIENT_MESSAGES['NETWORK.FAILED'], 0)
    }
    if (!res.ok) settle(res.status, await res.json().catch(() => null))
    const blob = await res.blob()
    const a = document.createElement('a')
    a.href = URL.createObjectURL(blob)
    a.download = filename
    document.body.appendChild(a)
    a.click()
    a.remove()
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000)
    return
  }
  let done: { statusCode: number; tempFilePath: string }
  try {
    done = await Taro.downloadFile({ url, header })
  } catch {
    throw new ApiError('NETWORK.FAILED', CLIENT_MESSAGES['NETWORK.FAILED'], 0)
  }
  if (done.statusCode !== 200) settle(done.statusCode, null)
  await Taro.openDocument({ filePath: done.tempFilePath, fileType: 'xlsx', showMenu: true })
}
