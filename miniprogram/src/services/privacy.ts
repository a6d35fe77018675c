// WeChat's privacy authorisation (weapp only; WECHAT.md §8 隐私保护指引): when the app calls an API
// that needs the user's consent (location, camera, …) before they agreed, WeChat calls the handler
// installed here; the page on top shows the notice's summary (components/PrivacyAuthorization) and
// the user's answer is passed back to WeChat. The browser build has no such API and installs nothing.
import Taro from '@tarojs/taro'

type Answer = { event: 'exposureAuthorization' | 'agree' | 'disagree'; buttonId?: string }
type Resolve = (answer: Answer) => void
type OnNeed = (listener: (resolve: Resolve) => void) => void

/** The id of the dialog's button with openType="agreePrivacyAuthorization". */
export const AGREE_BUTTON_ID = 'privacy-agree'

let pending: Resolve | null = null
const listeners = new Set<(asking: boolean) => void>()

function tell(asking: boolean) {
  for (const listener of listeners) listener(asking)
}

/** Called once at app start; does nothing outside WeChat or on a base library without the API (< 2.32.3). */
export function installPrivacyHandler(): void {
  if (process.env.TARO_ENV !== 'weapp') return
  const wx = (globalThis as { wx?: { onNeedPrivacyAuthorization?: OnNeed } }).wx
  const onNeed = (Taro as unknown as { onNeedPrivacyAuthorization?: OnNeed }).onNeedPrivacyAuthorization ?? wx?.onNeedPrivacyAuthorization
  if (typeof onNeed !== 'function') return
  onNeed((resolve) => {
    pending = resolve
    tell(true)
    // WeChat wants to know that our own dialog is on screen.
    resolve({ event: 'exposureAuthorization' })
  })
}

/** Whether WeChat is waiting for the user's answer. */
export function privacyAsking(): boolean {
  return pending !== null
}

export function onPrivacyAsking(listener: (asking: boolean) => void): () => void {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}

/** Passes the user's answer to WeChat: the API call that was waiting then goes on, or fails. */
export function answerPrivacy(agree: boolean): void {
  const resolve = pending
  pending = null
  resolve?.(agree ? { event: 'agree', buttonId: AGREE_BUTTON_ID } : { event: 'disagree' })
  tell(false)
}
