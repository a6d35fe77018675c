// Unit tests of the consultation pages and the agent desk: FAQ offered while typing, the content-check
// refusal, the conversation and rating, and an agent claiming and replying.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import * as taro from '../taro-mock'
import { resetTaroMock } from '../taro-mock'
import { byId, errorReply, queueReplies, reply, requestCall } from '../helpers'
import { saveSession } from '@/api/http'
import ConsultPage from '@/pages/consult/index'
import ConsultDetailPage from '@/pages/consult/detail/index'
import AgentHomePage from '@/packages/agent/index/index'

/** Types into a Taro Textarea: its web component reports changes as an `input` event with detail.value. */
async function typeText(id: string, value: string) {
  await waitFor(() => byId(id))
  fireEvent(byId(id), new CustomEvent('input', { detail: { value }, bubbles: true }))
}

const consultation = (over: object = {}) => ({
  id: 5,
  category: 'licence',
  categoryText: '驾驶证业务',
  content: '驾驶证到期了怎么换？',
  status: 'OPEN',
  statusText: '待受理',
  createdAt: '2026-11-27T02:00:00.000Z',
  firstReplyAt: null,
  closedAt: null,
  rating: null,
  replies: [],
  ...over,
})

beforeEach(() => {
  resetTaroMock()
  saveSession('driver-token', 'driver')
})

afterEach(() => {
  jest.useRealTimers()
  jest.restoreAllMocks()
})

describe('asking', () => {
  it('offers matching FAQ answers while the driver types', async () => {
    jest.useFakeTimers()
    queueReplies(reply(200, { items: [], total: 0 }))
    render(<ConsultPage />)
    await typeText('consult-content', '驾驶证快到期了')
    queueReplies(reply(200, { items: [{ id: 1, category: 'licence', question: '驾驶证到期怎么换证？', answer: '到期前90天内可申请换证。' }], total: 1 }))
    await act(async () => {
      jest.advanceTimersByTime(400)
    })
    await waitFor(() => expect(byId('faq-suggestions').textContent).toContain('驾驶证到期怎么换证？'))
    expect(requestCall(1).url).toContain('/api/consultations/faq?q=')
  })

  it('shows the refusal when the text fails the content check', async () => {
    queueReplies(reply(200, { items: [], total: 0 }))
    render(<ConsultPage />)
    await typeText('consult-content', '有人能代开发票吗')
    queueReplies(reply(200, { items: [], total: 0 }))
    queueReplies(errorReply(422, 'CONTENT_REJECTED', '内容包含不适宜发布的信息，请修改后再提交', { reason: 'RISKY_CONTENT' }))
    fireEvent.click(byId('consult-send'))
    await waitFor(() => expect(byId('consult-error').textContent).toContain('不适宜发布'))
  })
})

describe('conversation', () => {
  it('shows the agent reply and sends a rating once closed', async () => {
    jest.spyOn(taro, 'useRouter').mockReturnValue({ params: { id: '5' }, path: '' } as never)
    queueReplies(
      reply(200, consultation({ status: 'CLOSED', statusText: '已结束', replies: [{ id: 9, author: 'AGENT', authorName: '客服', content: '请到车管所换证。', createdAt: '2026-11-27T03:00:00.000Z' }] })),
    )
    render(<ConsultDetailPage />)
    await screen.findByText('请到车管所换证。')
    fireEvent.click(byId('star-4'))
    queueReplies(reply(200, consultation({ status: 'CLOSED', statusText: '已结束', rating: 4 })))
    fireEvent.click(byId('rating-submit'))
    await waitFor(() => expect(byId('rated').textContent).toContain('4 星'))
    expect(requestCall(1)).toMatchObject({ url: 'http://api.test/api/consultations/5/rating', data: { score: 4 } })
  })
})

describe('agent desk', () => {
  const agentMe = { id: 3, role: 'agent', username: 'agent1', displayName: '客服一号', unit: null }
  const queued = { ...consultation(), driver: { id: 1, name: '张*' }, claimedBy: null, firstReplyDueAt: '2026-11-27T06:00:00.000Z', overdue: true, waitingMinutes: 300 }

  it('marks overdue questions, claims one and replies to the asker', async () => {
    saveSession('agent-token', 'agent')
    taro.request.mockImplementation((opts: { url: string; method?: string; data?: { content?: string } }) => {
      if (opts.url.endsWith('/api/me')) return Promise.resolve(reply(200, agentMe))
      if (opts.url.includes('/api/agent/consultations?')) return Promise.resolve(reply(200, { items: [queued], total: 1 }))
      if (opts.url.includes('/api/agent/canned-replies')) return Promise.resolve(reply(200, { items: [], total: 0 }))
      if (opts.url.endsWith('/claim')) return Promise.resolve(reply(200, { ...queued, status: 'CLAIMED', claimedBy: { id: 3, displayName: '客服一号' } }))
      if (opts.url.endsWith('/replies')) {
        return Promise.resolve(reply(201, { ...queued, status: 'ANSWERED', replies: [{ id: 11, author: 'AGENT', authorName: '客服一号', content: opts.data?.content, internal: false, createdAt: '2026-11-27T03:00:00.000Z' }] }))
      }
      return Promise.resolve(reply(200, queued))
    })
    render(<AgentHomePage />)
    await waitFor(() => expect(byId('queue-item-5').className).toContain('agent-item-overdue'))
    expect(byId('queue-item-5').textContent).toContain('已超时')
    fireEvent.click(byId('queue-item-5'))
    fireEvent.click(await screen.findByText('认领'))
    await screen.findByText(/客服一号受理/)
    await typeText('agent-reply-content', '请携带身份证和体检证明到车管所办理。')
    fireEvent.click(byId('agent-send'))
    await waitFor(() => expect(byId('agent-reply-11').textContent).toContain('体检证明'))
  })
})
