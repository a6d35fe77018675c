// The live queue's stream reading: frames split across chunks, comments and foreign events skipped.
import { parseEventFrames } from '@/hooks/useOfficerEvents'

const frame = (event: string, data: object) => `event: ${event}\nid: x\ndata: ${JSON.stringify(data)}\n\n`

describe('parseEventFrames', () => {
  it('reads complete frames and keeps the unfinished rest for the next chunk', () => {
    const one = frame('case.pending', { id: 7, unit: 'tengzhou', at: '2026-12-02T01:00:00.000Z', status: 'PENDING_REVIEW', caseNumber: 'SG20261202000001' })
    const two = frame('case.decided', { id: 7, unit: 'tengzhou', at: '2026-12-02T01:05:00.000Z', status: 'CONFIRMED', caseNumber: 'SG20261202000001' })
    const first = parseEventFrames(`retry: 3000\n: connected\n\n${one}${two.slice(0, 20)}`)
    expect(first.events).toEqual([{ event: 'case.pending', data: expect.objectContaining({ id: 7, status: 'PENDING_REVIEW' }) }])
    const second = parseEventFrames(first.rest + two.slice(20))
    expect(second.events.map((e) => e.event)).toEqual(['case.decided'])
    expect(second.rest).toBe('')
  })

  it('skips keep-alive comments, other event names and broken data', () => {
    const { events } = parseEventFrames(`: keep-alive\n\nevent: other\ndata: {}\n\nevent: case.pending\ndata: {broken\n\n`)
    expect(events).toEqual([])
  })
})
