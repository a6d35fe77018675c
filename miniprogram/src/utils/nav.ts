// Navigation helpers shared by pages: page paths and where each staff role lands after login.
import Taro from '@tarojs/taro'
import type { StaffRole } from '@/api/types'

import { PAGES } from '@jiaoguan/contracts/pages'

export { PAGES }

const STAFF_HOME: Record<StaffRole, string> = {
  officer: PAGES.officerHome,
  agent: PAGES.agentHome,
  admin: PAGES.adminHome,
  insurer: PAGES.insurerHome,
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

/** The page open now as a link (route and query), for coming back to it. */
function currentLink(): string {
  const pages = Taro.getCurrentPages()
  const page = pages[pages.length - 1] as { route?: string; options?: Record<string, unknown> } | undefined
  if (!page?.route) return PAGES.home
  const query = Object.entries(page.options ?? {})
    .filter(([k]) => k !== '$taroTimestamp')
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&')
  return `/${page.route.replace(/^\//, '')}${query ? `?${query}` : ''}`
}

/** Opens the driver login, which comes back to the page that sent the user there. */
export function openLogin(): void {
  const back = currentLink()
  open(back.split('?')[0] === PAGES.home ? PAGES.login : `${PAGES.login}?redirect=${encodeURIComponent(back)}`)
}

/**
 * Where a login returns: the app page it was given (the mini-program's own pages only, never an
 * address outside or the login itself), else 首页.
 */
export function loginTarget(redirect: string | undefined): string {
  if (!redirect) return PAGES.home
  let link = redirect
  try {
    link = decodeURIComponent(redirect)
  } catch {
    return PAGES.home
  }
  const path = link.split('?')[0]
  if (!/^\/(pages|packages)\/[\w/-]+$/.test(path) || path === PAGES.login || path === PAGES.staffLogin) return PAGES.home
  return link
}
