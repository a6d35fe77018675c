// Navigation helpers shared by pages: page paths and where each staff role lands after login.
import Taro from '@tarojs/taro'
import type { StaffRole } from '@/api/types'

import { PAGES } from '@jiaoguan/contracts/pages'

export { PAGES }

const STAFF_HOME: Record<StaffRole, string> = {
  officer: PAGES.officerHome,
  agent: PAGES.agentHome,
  admin: PAGES.adminHome,
}

export function staffHome(role: StaffRole): string {
  return STAFF_HOME[role]
}

/** Replaces the whole page stack with the given page (works for tab pages too). */
export function relaunch(url: string): void {
  void Taro.reLaunch({ url })
}

/** The tab bar's pages (app.config.ts): they are switched to, never pushed. */
const TAB_PAGES: readonly string[] = [PAGES.home, PAGES.messages, PAGES.me]

/** Opens a page by its link (a query allowed); a tab page is switched to. */
export function open(url: string): void {
  const path = url.split('?')[0]
  if (TAB_PAGES.includes(path)) void Taro.switchTab({ url: path })
  else void Taro.navigateTo({ url })
}
