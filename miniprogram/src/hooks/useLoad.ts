// Data a page loads each time it shows: the data, a Chinese error message, whether a load is running, reload.
import { useCallback, useEffect, useRef, useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import { errorMessage } from '@/api/http'

export interface Loaded<T> {
  /** The last data loaded; kept while a reload runs, so the page does not blink. */
  data: T | null
  /** The message of the last failed load (or set by the page); cleared by the next successful load. */
  error: string
  loading: boolean
  reload: () => Promise<void>
  /** For a page that receives a fresh copy from an action (a saved form, a decision). */
  setData: (data: T) => void
  setError: (message: string) => void
}

/**
 * Runs `load` when the page shows (Taro's useDidShow) and again when a value in `deps` changes.
 * Page level only: a component mounted after the page has shown would miss useDidShow.
 */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[] = []): Loaded<T> {
  // One state object: a finished load is one render (and one setData in the mini-program).
  const [state, setState] = useState<{ data: T | null; error: string; loading: boolean }>({ data: null, error: '', loading: true })
  const latest = useRef(load)
  latest.current = load
  // Only the newest load may answer: an older one finishing late must not overwrite it.
  const generation = useRef(0)

  const reload = useCallback(async () => {
    const mine = ++generation.current
    setState((s) => (s.loading ? s : { ...s, loading: true }))
    try {
      const data = await latest.current()
      if (mine === generation.current) setState({ data, error: '', loading: false })
    } catch (err) {
      if (mine === generation.current) setState((s) => ({ ...s, error: errorMessage(err), loading: false }))
    }
  }, [])
  const setData = useCallback((data: T) => setState((s) => ({ ...s, data })), [])
  const setError = useCallback((error: string) => setState((s) => ({ ...s, error })), [])

  useDidShow(() => {
    void reload()
  })

  const mounted = useRef(false)
  useEffect(() => {
    if (!mounted.current) {
      mounted.current = true
      return
    }
    void reload()
  }, deps)

  return { ...state, reload, setData, setError }
}
