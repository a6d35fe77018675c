// A staff table's search: the filter being typed, the one the rows were found with, the page, and
// the rows; a filter the page can refuse itself (a date it cannot read) never reaches the server.
import { useState } from 'react'
import type { Page } from '@jiaoguan/contracts/schemas/common'
import { errorMessage } from '@/api/http'

export function usePagedSearch<F, T>(fetchPage: (filter: F, page: number) => Promise<Page<T>>, empty: F, refuse?: (filter: F) => string | undefined) {
  const [draft, setDraft] = useState<F>(empty)
  const [applied, setApplied] = useState<F>(empty)
  const [page, setPage] = useState(1)
  const [result, setResult] = useState<Page<T> | null>(null)
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)

  /** Rows of `filter` at page `at`; the filter and page are kept only once the rows came. */
  const load = async (filter: F, at: number) => {
    const why = refuse?.(filter)
    if (why) return setError(why)
    setBusy(true)
    setError('')
    try {
      setResult(await fetchPage(filter, at))
      setApplied(filter)
      setPage(at)
    } catch (err) {
      setError(errorMessage(err))
    } finally {
      setBusy(false)
    }
  }

  return { draft, setDraft, applied, page, result, error, busy, load }
}
