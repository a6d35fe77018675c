// Unit tests of the page hooks: useSubmit (busy, one run at a time, Chinese errors) and useLoad (load on show, errors, reload).
import { act, renderHook, waitFor } from '@testing-library/react'
import { ApiError } from '@/api/http'
import { useSubmit } from '@/hooks/useSubmit'
import { useLoad } from '@/hooks/useLoad'

function deferred<T>() {
  let resolve!: (value: T) => void
  let reject!: (err: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

describe('useSubmit', () => {
  it('is busy while the action runs and ignores a second run until it ends', async () => {
    const pending = deferred<string>()
    const action = jest.fn(() => pending.promise)
    const { result } = renderHook(() => useSubmit(action))
    let first!: Promise<string | undefined>
    let second!: Promise<string | undefined>
    act(() => {
      first = result.current.run()
      second = result.current.run()
    })
    expect(action).toHaveBeenCalledTimes(1)
    expect(result.current.busy).toBe(true)
    await expect(second).resolves.toBeUndefined()
    await act(async () => pending.resolve('booked'))
    await expect(first).resolves.toBe('booked')
    expect(result.current.busy).toBe(false)
    // Once it has ended, the next run goes through.
    await act(async () => void (await result.current.run()))
    expect(action).toHaveBeenCalledTimes(2)
  })

  it("shows the server's Chinese message when the action fails, and clears it on the next run", async () => {
    const action = jest
      .fn<Promise<string>, [number]>()
      .mockRejectedValueOnce(new ApiError(409, 'SESSION_FULL', '该场次考位已满，请另选场次'))
      .mockResolvedValueOnce('ok')
    const { result } = renderHook(() => useSubmit(action))
    let outcome: string | undefined = 'unset'
    await act(async () => {
      outcome = await result.current.run(7)
    })
    expect(action).toHaveBeenCalledWith(7)
    expect(outcome).toBeUndefined()
    expect(result.current.error).toBe('该场次考位已满，请另选场次')
    expect(result.current.busy).toBe(false)
    await act(async () => {
      outcome = await result.current.run(8)
    })
    expect(outcome).toBe('ok')
    expect(result.current.error).toBe('')
  })

  it('says something in Chinese for a failure that is no API error, or what the page asks', async () => {
    const { result } = renderHook(() => useSubmit(() => Promise.reject(new Error('boom'))))
    await act(async () => void (await result.current.run()))
    expect(result.current.error).toBe('出了点问题，请稍后再试')
    const custom = renderHook(() => useSubmit(() => Promise.reject(new Error('no code')), { message: () => '微信登录失败，请稍后再试' }))
    await act(async () => void (await custom.result.current.run()))
    expect(custom.result.current.error).toBe('微信登录失败，请稍后再试')
  })

  it('lets the page set a message of its own (a check before running)', () => {
    const { result } = renderHook(() => useSubmit(() => Promise.resolve()))
    act(() => result.current.setError('请填写姓名和身份证号'))
    expect(result.current.error).toBe('请填写姓名和身份证号')
  })
})

describe('useLoad', () => {
  it('loads when the page shows and keeps the data', async () => {
    const load = jest.fn().mockResolvedValue({ id: 7 })
    const { result } = renderHook(() => useLoad(load))
    expect(result.current.loading).toBe(true)
    await waitFor(() => expect(result.current.data).toEqual({ id: 7 }))
    expect(result.current.loading).toBe(false)
    expect(result.current.error).toBe('')
    expect(load).toHaveBeenCalledTimes(1)
  })

  it('shows the Chinese message of a failed load, and reload clears it', async () => {
    const load = jest.fn().mockRejectedValueOnce(new ApiError(404, 'NOT_FOUND', '要找的内容不存在')).mockResolvedValueOnce(['a'])
    const { result } = renderHook(() => useLoad(load))
    await waitFor(() => expect(result.current.error).toBe('要找的内容不存在'))
    expect(result.current.data).toBeNull()
    await act(() => result.current.reload())
    expect(result.current.data).toEqual(['a'])
    expect(result.current.error).toBe('')
  })

  it('keeps the data while reloading and lets only the newest load answer', async () => {
    const slow = deferred<string>()
    const fast = deferred<string>()
    const load = jest.fn().mockResolvedValueOnce('first').mockReturnValueOnce(slow.promise).mockReturnValueOnce(fast.promise)
    const { result } = renderHook(() => useLoad(load))
    await waitFor(() => expect(result.current.data).toBe('first'))
    let a!: Promise<void>
    let b!: Promise<void>
    act(() => {
      a = result.current.reload()
      b = result.current.reload()
    })
    expect(result.current.data).toBe('first')
    expect(result.current.loading).toBe(true)
    await act(async () => {
      fast.resolve('newest')
      await b
    })
    await act(async () => {
      slow.resolve('stale')
      await a
    })
    expect(result.current.data).toBe('newest')
    expect(result.current.loading).toBe(false)
  })

  it('loads again when a dependency changes', async () => {
    const load = jest.fn((subject: number) => Promise.resolve(`subject ${subject}`))
    const { result, rerender } = renderHook(({ subject }) => useLoad(() => load(subject), [subject]), { initialProps: { subject: 1 } })
    await waitFor(() => expect(result.current.data).toBe('subject 1'))
    rerender({ subject: 3 })
    await waitFor(() => expect(result.current.data).toBe('subject 3'))
    expect(load).toHaveBeenCalledTimes(2)
  })
})
