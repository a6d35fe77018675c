// HTTP client: one request wrapper that adds the session token and turns error bodies into ApiError.
import Taro from '@tarojs/taro'
import type { ApiErrorBody, Role } from './types'
import { PAGES } from '@jiaoguan/contracts/pages'

const TOKEN_KEY = 'jg.token'
const ROLE_KEY = 'jg.role'

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/** A failed request: HTTP status, the server's error code and its Chinese message. */
export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly details?: unknown

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.details = details
  }
}

export function getToken(): string {
  const token: unknown = Taro.getStorageSync(TOKEN_KEY)
  return typeof token === 'string' ? token : ''
}

export function saveSession(token: string, role: Role): void {
  Taro.setStorageSync(TOKEN_KEY, token)
  Taro.setStorageSync(ROLE_KEY, role)
}

export function clearSession(): void {
  Taro.removeStorageSync(TOKEN_KEY)
  Taro.removeStorageSync(ROLE_KEY)
}

const FALLBACK_MESSAGES: Record<number, string> = {
  400: '提交的内容有误，请检查后重试',
  401: '登录已失效，请重新登录',
  403: '没有权限进行此操作',
  404: '要找的内容不存在',
  409: '操作冲突，请刷新后重试',
  413: '文件太大',
  422: '不符合办理条件',
  429: '操作太频繁，请稍后再试',
}

function isErrorBody(data: unknown): data is ApiErrorBody {
  if (typeof data !== 'object' || data === null) return false
  const error = (data as { error?: unknown }).error
  return typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string'
}

/** Builds the ApiError for a non-2xx response from its status and (possibly unparsed) body. */
export function toApiError(status: number, data: unknown): ApiError {
  let body: unknown = data
  if (typeof body === 'string') {
    try {
      body = JSON.parse(body)
    } catch {
      body = undefined
    }
  }
  if (isErrorBody(body)) {
    const { code, message, details } = body.error
    return new ApiError(status, typeof code === 'string' ? code : 'UNKNOWN', message, details)
  }
  const message = FALLBACK_MESSAGES[status] ?? (status >= 500 ? '服务暂时不可用，请稍后再试' : '请求失败，请稍后再试')
  return new ApiError(status, status >= 500 ? 'SERVER_ERROR' : 'UNKNOWN', message)
}

export interface RequestOptions {
  method?: HttpMethod
  data?: unknown
  /** Send the stored token (default true). */
  auth?: boolean
}

/** Sends one request to the API and resolves with the parsed JSON body of a 2xx response. */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', data, auth = true } = options
  const header: Record<string, string> = { 'Content-Type': 'application/json' }
  const token = auth ? getToken() : ''
  if (token) header.Authorization = `Bearer ${token}`
  // wx.request has no PATCH: it goes as a POST the server reads as PATCH.
  const sent = method === 'PATCH' && process.env.TARO_ENV === 'weapp' ? 'POST' : method
  if (sent !== method) header['X-HTTP-Method-Override'] = method

  let res: Taro.request.SuccessCallbackResult<string | TaroGeneral.IAnyObject | ArrayBuffer>
  try {
    res = await Taro.request({
      url: `${API_BASE}${path}`,
      method: sent,
      header,
      data: data as Taro.request.Option['data'],
      dataType: 'json',
    })
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', '网络连接失败，请检查网络后重试')
  }

  if (res.statusCode >= 200 && res.statusCode < 300) return res.data as T
  const error = toApiError(res.statusCode, res.data)
  if (token) staffSessionRefused(error)
  throw error
}

/**
 * A staff session the server no longer takes (deactivated, reset, expired: 401) goes back to the
 * staff login from whatever page is open; one whose password must be changed first goes to the
 * change-password page. Drivers' pages handle their own 401s.
 */
export function staffSessionRefused(error: { status: number; code: string }): void {
  const role: unknown = Taro.getStorageSync(ROLE_KEY)
  if (!role || role === 'driver') return
  if (error.status === 401) {
    clearSession()
    void Taro.reLaunch({ url: PAGES.staffLogin })
  } else if (error.code === 'PASSWORD_CHANGE_REQUIRED') {
    void Taro.reLaunch({ url: PAGES.staffPassword })
  }
}

/** Field-level reasons of a validation error: details `[{ "path", "message" }]`. */
export function fieldMessages(err: ApiError): string[] {
  if (!Array.isArray(err.details)) return []
  return err.details
    .map((d: unknown) => (typeof d === 'object' && d !== null ? (d as { message?: unknown }).message : undefined))
    .filter((m): m is string => typeof m === 'string' && m.length > 0)
}

/** The Chinese message to show for any thrown value; a validation error shows its field reasons. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) {
    const fields = err.code === 'VALIDATION_FAILED' ? fieldMessages(err) : []
    return fields.length > 0 ? [...new Set(fields)].join('；') : err.message
  }
  return '出了点问题，请稍后再试'
}
