// The officer console's live queue: listens to GET /api/officer/events (server-sent events) while
// the page is open and calls back for each case entering review or decided. EventSource cannot
// send the bearer header, so the browser reads the stream with fetch, and the mini-program with a
// chunked wx.request. Reconnects after a dropped stream.
import { useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { getToken, staffSessionRefused } from '@/api/http'

export interface OfficerEvent {
  event: 'case.pending' | 'case.decided' | 'case.overdue' | 'case.handedOver'
  data: { id: number; unit: string; at: string; status: string; caseNumber: string }
}

/** Splits what arrived so far into complete event frames and the unfinished rest. */
export function parseEventFrames(buffer: string): { events: OfficerEvent[]; rest: string } {
  const events: OfficerEvent[] = []
  const frames = buffer.split('\n\n')
  const rest = frames.pop() ?? ''
  for (const frame of frames) {
    const event = /^event: (.+)$/m.exec(frame)?.[1]
    const data = /^data: (.+)$/m.exec(frame)?.[1]
    if ((event === 'case.pending' || event === 'case.decided' || event === 'case.overdue' || event === 'case.handedOver') && data) {
      try {
        events.push({ event, data: JSON.parse(data) })
      } catch {
        // A frame that is not ours: skip it.
      }
    }
  }
  return { events, rest }
}

const RECONNECT_MS = 3000

/** 'live' while the stream is open; 'reconnecting' after it dropped. */
export type LiveState = 'connecting' | 'live' | 'reconnecting'

export function useOfficerEvents(onEvent: (e: OfficerEvent) => void): LiveState {
  const [state, setState] = useState<LiveState>('connecting')
  const latest = useRef(onEvent)
  latest.current = onEvent

  useEffect(() => {
    let stopped = false
    let stop: () => void = () => undefined
    let retry: ReturnType<typeof setTimeout> | undefined

    const connect = () => {
      if (stopped || !getToken()) return
      let buffer = ''
      const take = (text: string) => {
        const { events, rest } = parseEventFrames(buffer + text)
        buffer = rest
        for (const e of events) latest.current(e)
      }
      const dropped = () => {
        if (stopped) return
        setState('reconnecting')
        retry = setTimeout(connect, RECONNECT_MS)
      }
      stop = process.env.TARO_ENV === 'weapp' ? listenInMiniProgram(take, () => setState('live'), dropped) : listenInBrowser(take, () => setState('live'), dropped)
    }
    connect()
    return () => {
      stopped = true
      clearTimeout(retry)
      stop()
    }
  }, [])

  return state
}

type Take = (text: string) => void

function listenInBrowser(take: Take, opened: () => void, dropped: () => void): () => void {
  const abort = new AbortController()
  void (async () => {
    try {
      const res = await fetch(`${API_BASE}/api/officer/events`, { headers: { Authorization: `Bearer ${getToken()}` }, signal: abort.signal })
      // A session that ended (the server closes its stream) is refused on reconnecting: back to the login.
      if (res.status === 401) staffSessionRefused({ status: 401, code: 'UNAUTHENTICATED' })
      if (!res.ok || !res.body) throw new Error(`events: ${res.status}`)
      opened()
      const reader = res.body.getReader()
      const decoder = new TextDecoder()
      for (;;) {
        const { value, done } = await reader.read()
        if (done) break
        take(decoder.decode(value, { stream: true }))
      }
      dropped()
    } catch {
      if (!abort.signal.aborted) dropped()
    }
  })()
  return () => abort.abort()
}

function listenInMiniProgram(take: Take, opened: () => void, dropped: () => void): () => void {
  let aborted = false
  const task = Taro.request({
    url: `${API_BASE}/api/officer/events`,
    header: { Authorization: `Bearer ${getToken()}` },
    enableChunked: true,
    responseType: 'arraybuffer',
    success: (res: { statusCode: number }) => {
      if (aborted) return
      if (res.statusCode === 401) staffSessionRefused({ status: 401, code: 'UNAUTHENTICATED' })
      dropped()
    },
    fail: () => !aborted && dropped(),
  } as Taro.request.Option)
  task.onHeadersReceived?.(() => opened())
  // The frames are ASCII (ids, codes, ISO times): a byte per character.
  task.onChunkReceived?.((chunk: { data: ArrayBuffer }) => take(String.fromCharCode(...new Uint8Array(chunk.data))))
  return () => {
    aborted = true
    task.abort()
  }
}

/** A short tone in the browser, a vibration on the phone: a new case wants attention. */
export function chime(): void {
  if (process.env.TARO_ENV === 'weapp') {
    void Taro.vibrateShort({ type: 'medium' }).catch(() => undefined)
    return
  }
  try {
    const AudioCtx = (window as unknown as { AudioContext?: typeof AudioContext }).AudioContext
    if (!AudioCtx) return
    const audio = new AudioCtx()
    const tone = audio.createOscillator()
    const gain = audio.createGain()
    tone.frequency.value = 880
    gain.gain.setValueAtTime(0.15, audio.currentTime)
    gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.6)
    tone.connect(gain).connect(audio.destination)
    tone.start()
    tone.stop(audio.currentTime + 0.6)
    tone.onended = () => void audio.close()
  } catch {
    // No sound allowed before a click: the badge still shows.
  }
}
