// Hand-written mock of @tarojs/taro for unit tests: request, storage, navigation and page hooks.
import { useEffect } from 'react'

type Callback = () => void

const storage = new Map<string, unknown>()

export const request = jest.fn()
export const login = jest.fn()
export const navigateTo = jest.fn(() => Promise.resolve())
export const redirectTo = jest.fn(() => Promise.resolve())
export const reLaunch = jest.fn(() => Promise.resolve())
export const switchTab = jest.fn(() => Promise.resolve())
export const showToast = jest.fn(() => Promise.resolve())
export const setTabBarBadge = jest.fn(() => Promise.resolve())
export const removeTabBarBadge = jest.fn(() => Promise.resolve())

export function getStorageSync(key: string): unknown {
  return storage.has(key) ? storage.get(key) : ''
}

export function setStorageSync(key: string, value: unknown): void {
  storage.set(key, value)
}

export function removeStorageSync(key: string): void {
  storage.delete(key)
}

export function clearStorageSync(): void {
  storage.clear()
}

export const ENV_TYPE = { WEAPP: 'WEAPP', WEB: 'WEB' }
export const getEnv = () => ENV_TYPE.WEB

// Page lifecycle hooks only fire inside Taro's page runtime; here they run once on mount.
export function useDidShow(cb: Callback): void {
  useEffect(() => cb(), [])
}

export function useLoad(cb: (params: Record<string, string>) => void): void {
  useEffect(() => cb({}), [])
}

export function useReady(cb: Callback): void {
  useEffect(() => cb(), [])
}

export function useDidHide(): void {}

/** The open page's query, as useRouter gives it (tests set it; reset clears it). */
export const routerParams: Record<string, string> = {}
/** The page stack as getCurrentPages gives it (tests set it; reset clears it). */
export const currentPages: Array<{ route: string; options?: Record<string, string> }> = []
export const getCurrentPages = () => currentPages

export function useRouter() {
  return { params: routerParams, path: '' }
}

/** Resets storage and every mock between tests. */
export function resetTaroMock(): void {
  storage.clear()
  for (const k of Object.keys(routerParams)) delete routerParams[k]
  currentPages.length = 0
  for (const fn of [request, login, navigateTo, redirectTo, reLaunch, switchTab, showToast, setTabBarBadge, removeTabBarBadge]) fn.mockReset()
  for (const fn of [navigateTo, redirectTo, reLaunch, switchTab, showToast, setTabBarBadge, removeTabBarBadge]) fn.mockImplementation(() => Promise.resolve())
}

const Taro = {
  request,
  login,
  navigateTo,
  redirectTo,
  reLaunch,
  switchTab,
  showToast,
  setTabBarBadge,
  removeTabBarBadge,
  getStorageSync,
  setStorageSync,
  removeStorageSync,
  clearStorageSync,
  ENV_TYPE,
  getEnv,
  useDidShow,
  useLoad,
  useReady,
  useDidHide,
  useRouter,
  getCurrentPages,
}

export default Taro
