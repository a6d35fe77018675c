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
  const [data, setData] = useState<T | null>(null)
  const [error, setError] = useState('')
  const [loading, setLoading] = useState(true)
  const latest = useRef(load)
  latest.current = load
  // Only the newest load may answer: an older one finishing late must not overwrite it.
  const generation = useRef(0)

  const reload = useCallback(async () => {
    const mine = ++generation.current
    setLoading(true)
    try {
      const next = await latest.current()
      if (mine !== generation.current) return
      setData(next)
      setError('')
    } catch (err) {
      if (mine === generation.current) setError(errorMessage(err))
    } finally {
      if (mine === generation.current) setLoading(false)
    }
  }, [])

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

  return { data, error, loading, reload, setData, setError }
}
