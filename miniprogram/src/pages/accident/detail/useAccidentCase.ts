// The case a party is looking at: loaded when the page shows, polled while the other side may act,
// and the QR code of its invitation.
import { useEffect, useState } from 'react'
import { useDidHide, useDidShow } from '@tarojs/taro'
import { getAccident, getInviteQr, type AccidentCase, type InviteQr } from '@/api/accidents'
import { useLoad, type Loaded } from '@/hooks/useLoad'

/** While the other party or the officer may change the case, it is checked every few seconds. */
const POLLED = ['WAITING_FOR_PARTY', 'NEGOTIATING', 'PENDING_REVIEW', 'RETURNED']
const POLL_MS = 5000

export interface AccidentCaseState extends Loaded<AccidentCase> {
  /** The invitation's QR code, fetched once per code; without it the code alone still works. */
  qr: InviteQr | null
}

export function useAccidentCase(id: number): AccidentCaseState {
  const loaded = useLoad(() => getAccident(id), [id])
  const { data: c, reload } = loaded

  const [shown, setShown] = useState(true)
  useDidShow(() => setShown(true))
  useDidHide(() => setShown(false))
  const polling = shown && !!c && POLLED.includes(c.status)
  useEffect(() => {
    if (!polling) return undefined
    const timer = setInterval(() => void reload(), POLL_MS)
    return () => clearInterval(timer)
  }, [polling, reload])

  const [qr, setQr] = useState<InviteQr | null>(null)
  useEffect(() => {
    if (c?.inviteCode && qr?.inviteCode !== c.inviteCode) {
      getInviteQr(c.id).then(setQr, () => setQr(null))
    }
  }, [c?.inviteCode])

  return { ...loaded, qr }
}
