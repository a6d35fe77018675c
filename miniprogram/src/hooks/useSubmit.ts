// An action behind a button: busy while it runs (a second tap is ignored), its error in Chinese, its result.
import { useCallback, useRef, useState } from 'react'
import { errorMessage } from '@/api/http'

export interface Submit<A extends unknown[], R> {
  /** Runs the action; resolves with its result, or undefined when it failed or one was already running. */
  run: (...args: A) => Promise<R | undefined>
  busy: boolean
  error: string
  /** For checks made before running (a missing field) and for clearing the message. */
  setError: (message: string) => void
}

export interface SubmitOptions {
  /** The message for a failure; errorMessage from the HTTP client by default. */
  message?: (err: unknown) => string
}

export function useSubmit<A extends unknown[], R>(action: (...args: A) => Promise<R>, options: SubmitOptions = {}): Submit<A, R> {
  // One state object: the end of a run is one render (and one setData in the mini-program).
  const [state, setState] = useState({ busy: false, error: '' })
  // A ref, not the state: two taps in one frame both see busy === false.
  const running = useRef(false)
  const latest = useRef({ action, options })
  latest.current = { action, options }

  const run = useCallback(async (...args: A): Promise<R | undefined> => {
    if (running.current) return undefined
    running.current = true
    setState({ busy: true, error: '' })
    let error = ''
    try {
      return await latest.current.action(...args)
    } catch (err) {
      error = (latest.current.options.message ?? errorMessage)(err)
      return undefined
    } finally {
      running.current = false
      setState({ busy: false, error })
    }
  }, [])
  const setError = useCallback((error: string) => setState((s) => ({ ...s, error })), [])

  return { ...state, run, setError }
}
