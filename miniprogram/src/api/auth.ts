// Authentication endpoints: WeChat login for drivers, password login for staff, logout.
import { request } from './http'
import type { LogoutResponse, StaffLoginRequest, StaffLoginResponse, WechatLoginRequest, WechatLoginResponse } from './types'

export function loginWechat(code: string): Promise<WechatLoginResponse> {
  const body: WechatLoginRequest = { code }
  return request<WechatLoginResponse>('/api/auth/wechat', { method: 'POST', data: body, auth: false })
}

export function loginStaff(body: StaffLoginRequest): Promise<StaffLoginResponse> {
  return request<StaffLoginResponse>('/api/auth/staff', { method: 'POST', data: body, auth: false })
}

export function logout(): Promise<LogoutResponse> {
  return request<LogoutResponse>('/api/auth/logout', { method: 'POST', data: {} })
}
