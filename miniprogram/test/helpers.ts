// Test helpers: canned Taro.request replies, typing into Taro inputs and element lookup by id.
import { fireEvent, waitFor } from '@testing-library/react'
import { request } from './taro-mock'

export function reply(statusCode: number, data: unknown) {
  return { statusCode, data, header: {}, errMsg: 'request:ok' }
}

/** Queues the next Taro.request results, in order. */
export function queueReplies(...replies: Array<ReturnType<typeof reply>>): void {
  for (const r of replies) request.mockResolvedValueOnce(r)
}

export function errorReply(statusCode: number, code: string, message: string, details?: unknown) {
  return reply(statusCode, { error: { code, message, details } })
}

export function byId(id: string): HTMLElement {
  const el = document.getElementById(id)
  if (!el) throw new Error(`no element #${id}`)
  return el
}

/**
 * Types into a Taro Input: its web component reports changes as an `input` event with detail.value.
 * Waits until the component has rendered its inner <input>, as a user would.
 */
export async function typeInto(id: string, value: string): Promise<void> {
  await waitFor(() => expect(byId(id).querySelector('input')).not.toBeNull())
  fireEvent(byId(id), new CustomEvent('input', { detail: { value }, bubbles: true }))
}

/** The options of the n-th Taro.request call. */
export function requestCall(n: number): { url: string; method: string; header: Record<string, string>; data: unknown } {
  return request.mock.calls[n][0]
}
