// 关怀模式 (large text): one switch in 我的, kept on this phone. Every page's root (PageShell) adds
// the class jg-care while it is on, which sets --jg-scale to 1.25; all px lengths in the app's CSS
// scale with it (config/care-scale.js), in WeChat and in the browser alike. Pages already open
// follow the switch at once (they subscribe), pages opened later read it from storage.
import { useSyncExternalStore } from 'react'
import Taro from '@tarojs/taro'

const KEY = 'jg.care'
/** The factor PageShell.css gives --jg-scale in 关怀模式. */
export const CARE_SCALE = 1.25

const listeners = new Set<() => void>()

export function careMode(): boolean {
  return Taro.getStorageSync(KEY) === true
}

export function setCareMode(on: boolean): void {
  Taro.setStorageSync(KEY, on)
  for (const listener of listeners) listener()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Whether 关怀模式 is on; re-renders when it is switched. */
export function useCareMode(): boolean {
  return useSyncExternalStore(subscribe, careMode, careMode)
}
