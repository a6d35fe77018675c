// The unread count on the 消息 tab: refreshed when a tab page shows and whenever the message
// centre changes it. Only drivers have a message centre.
import Taro from '@tarojs/taro'
import { getToken } from '@/api/http'
import { listMessages } from '@/api/notifications'

/** The 消息 tab's place in app.config.ts's tab bar. */
const MESSAGES_TAB = 1

export function showUnread(count: number): void {
  // Off a tab page these calls reject; the next tab page shown sets the badge again.
  const done = count > 0
    ? Taro.setTabBarBadge({ index: MESSAGES_TAB, text: count > 99 ? '99+' : String(count) })
    : Taro.removeTabBarBadge({ index: MESSAGES_TAB })
  void Promise.resolve(done).catch(() => undefined)
}

/** Asks the server for the unread count (one entry's page carries it) and shows it. */
export async function refreshUnread(): Promise<void> {
  if (!getToken() || Taro.getStorageSync('jg.role') !== 'driver') return showUnread(0)
  try {
    showUnread((await listMessages(1, 1)).unread)
  } catch {
    // A badge is a courtesy: the message centre itself shows the error.
  }
}
