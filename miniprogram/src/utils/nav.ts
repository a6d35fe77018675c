// Navigation helpers shared by pages: page paths and where each staff role lands after login.
import Taro from '@tarojs/taro'
import type { StaffRole } from '@/api/types'

export const PAGES = {
  home: '/pages/index/index',
  messages: '/pages/messages/index',
  me: '/pages/me/index',
  login: '/pages/login/index',
  staffLogin: '/pages/staff-login/index',
  accident: '/pages/accident/index',
  exam: '/pages/exam/index',
  inquiry: '/pages/inquiry/index',
  consult: '/pages/consult/index',
} as const

const STAFF_HOME: Record<StaffRole, string> = {
  officer: '/packages/officer/index/index',
  agent: '/packages/agent/index/index',
  admin: '/packages/admin/index/index',
}

export function staffHome(role: StaffRole): string {
  return STAFF_HOME[role]
}

/** Replaces the whole page stack with the given page (works for tab pages too). */
export function relaunch(url: string): void {
  void Taro.reLaunch({ url })
}

export function open(url: string): void {
  void Taro.navigateTo({ url })
}
