// Where the browser build's back arrow goes when there is no previous page (a page opened by its
// address): staff pages go to the workbench of the signed-in role, driver pages to 首页.
import Taro from '@tarojs/taro'
import { PAGES } from '@jiaoguan/contracts/pages'
import type { StaffRole } from '@/api/types'

// Tab pages (the tab bar leads on) and the staff workbenches (the side navigation and 退出登录 do)
// are where a back arrow has nowhere to go.
const ROOT_PAGES: readonly string[] = [PAGES.home, PAGES.messages, PAGES.me, PAGES.officerHome, PAGES.agentHome, PAGES.adminHome]

export function isRootPage(path: string): boolean {
  return ROOT_PAGES.includes(path)
}

const STAFF_HOMES: Record<StaffRole, string> = { officer: PAGES.officerHome, agent: PAGES.agentHome, admin: PAGES.adminHome, insurer: PAGES.insurerHome }

function storedRole(): string {
  try {
    return String(Taro.getStorageSync('jg.role') || '')
  } catch {
    return ''
  }
}

export function homeFor(path: string, role: string = storedRole()): string {
  const staffPage = path.startsWith('/packages/') || path === PAGES.staffPassword
  if (!staffPage) return PAGES.home
  if (role in STAFF_HOMES) {
    const home = STAFF_HOMES[role as StaffRole]
    return home === path ? PAGES.staffLogin : home
  }
  return PAGES.staffLogin
}
